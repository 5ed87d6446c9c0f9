import { describe, expect, test } from 'vitest';
import { SEED_IDS } from '../corpus/test-seeds.ts';
import { combinedName, rejectTakenIds } from './combine.ts';
import { validateCorpusFile } from './records.ts';

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

describe('combinedName', () => {
  test('the bundled corpus first, then each import in order', () => {
    expect(combinedName('seeds', [{ name: 'my harbor file' }, { name: 'Followed feeds' }])).toBe('seeds + my harbor file + Followed feeds');
  });
});
