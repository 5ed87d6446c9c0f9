import { describe, expect, test } from 'vitest';
import { compileCorpus, loadCorpus, serializeCorpus, CompiledCorpus } from '../corpus/index.ts';
import { seedRecords, SEED_IDS } from '../corpus/test-seeds.ts';
import { combinedName, compileCombined, corpusRecords, rejectTakenIds } from './combine.ts';
import { validateCorpusFile } from './records.ts';

const bundled = loadCorpus(serializeCorpus(compileCorpus(seedRecords(), { name: 'seeds' })));

describe('corpusRecords', () => {
  test('gives back every article of a compiled corpus with its metadata', () => {
    const records = corpusRecords(bundled);
    const originals = seedRecords();
    expect(records.map((r) => r.id)).toEqual(originals.map((r) => r.id));
    const nbc = records.find((r) => r.id === SEED_IDS.nbc)!;
    const original = originals.find((r) => r.id === SEED_IDS.nbc)!;
    expect(nbc.text).toBe(original.text);
    expect([nbc.outlet, nbc.url, nbc.published]).toEqual([original.outlet, original.url, original.published]);
  });
});

describe('rejectTakenIds', () => {
  test('records whose id another corpus uses become problems at their own line', async () => {
    const report = await validateCorpusFile(
      ['{"id":"a","outlet":"X","text":"One."}', 'oops', `{"id":"${SEED_IDS.nbc}","outlet":"X","text":"Two."}`, '{"id":"b","outlet":"X","text":"Three."}'].join('\n'),
    );
    const checked = rejectTakenIds(report, new Map([[SEED_IDS.nbc, 'seeds']]));
    expect(checked.records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(checked.locations).toEqual([
      ['line 1', 1],
      ['line 4', 4],
    ]);
    expect(checked.problems.map((p) => [p.where, p.reason.startsWith('not valid JSON') ? 'json' : p.reason])).toEqual([
      ['line 2', 'json'],
      ['line 3', `id "${SEED_IDS.nbc}" is already used by the seeds corpus`],
    ]);
  });
});

describe('compileCombined', () => {
  test('compiles bundled and imported articles into one corpus, in time slices', async () => {
    const imported = [
      { id: 'imp-1', outlet: 'Harbor Gazette', text: 'A storm closed the port of Valdemar on Tuesday.', published: '2024-03-05' },
      { id: 'imp-2', outlet: 'Coastal Times', text: 'The port of Valdemar was closed by a storm.', published: '2024-03-06' },
    ];
    const progress: number[] = [];
    let pauses = 0;
    const data = await compileCombined(bundled, [{ name: 'my harbor file', records: imported }], {
      sliceMs: 0,
      onProgress: (done) => progress.push(done),
      pause: async () => void pauses++,
    });
    const combined = new CompiledCorpus(data);
    expect(combined.size).toBe(bundled.size + 2);
    expect(combined.name).toBe(combinedName('seeds', [{ name: 'my harbor file' }]));
    expect(combined.name).toBe('seeds + my harbor file');
    expect(combined.article(combined.indexOf('imp-2')).outlet).toBe('Coastal Times');
    expect(combined.summary.lastPublished).toBe('2024-03-06');
    // With no time allowed per slice it pauses after every article but the last.
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pauses).toBe(6);
  });
});
