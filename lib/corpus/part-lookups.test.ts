import { expect, test } from 'vitest';
import { analyze, analyzeAsync } from '../analyze.ts';
import { compileCorpus } from './compile.ts';
import { CompiledCorpus, loadCorpus } from './corpus.ts';
import { readString } from './data.ts';
import { deserializeCorpus, serializeCorpus } from './format.ts';
import { findStrings, invertedIndex, PART_LOOKUPS, withoutPartLookups } from './part-lookups.ts';
import { segmentFromParts, serializeSegmentParts, type SegmentParts } from './parts.ts';
import { openIndexPieces } from './index-pieces.ts';
import { SEED_IDS, seedRecords } from './test-seeds.ts';
import { asPage, buildSegments } from './test-segments.ts';
import { openSegmentedCorpus } from './segments.ts';

const seeds = seedRecords();

/** An index part as written before the lookups and index pieces were stored: the same sections without them, the rows in. */
function withoutLookups(parts: SegmentParts): Uint8Array {
  const opened = openIndexPieces(deserializeCorpus(parts.index), () => Promise.reject(new Error('the pieces are given')))!;
  opened.pieces.fillAll(parts.rows!, parts.postings!, parts.passages!);
  const data = withoutPartLookups(opened.data);
  return serializeCorpus({ ...data, meta: { ...data.meta, parts: { blockSize: data.meta.parts!.blockSize, blocks: data.meta.parts!.blocks } } });
}

test('an index part stores the inverted index and finds every id and URL by hash', () => {
  const data = compileCorpus(seeds, { name: 'seeds' });
  const parts = serializeSegmentParts(data);
  const { data: index, pieces } = openIndexPieces(deserializeCorpus(parts.index), () => Promise.reject(new Error('the pieces are given')))!;
  pieces.fillAll(parts.rows!, parts.postings!, parts.passages!);
  const built = invertedIndex(data);
  expect(index.postingStart).toEqual(built.start);
  expect(index.postingArticles).toEqual(built.articles);
  const part = new CompiledCorpus(index);
  const urlIndex = { hashes: index.urlHashes!, order: index.urlOrder! };
  for (let i = 0; i < data.meta.articleCount; i++) {
    expect(part.indexOf(readString(data.ids, i))).toBe(i);
    const url = readString(data.urls, i);
    if (url) expect(findStrings(index.urls, urlIndex, url)).toContain(i);
  }
  expect(part.indexOf('no such article')).toBe(-1);
  expect(findStrings(index.urls, urlIndex, 'https://example.com/no-such-page')).toEqual([]);
  // A whole artifact stores none of this (a corpus builds it on first use).
  const artifact = deserializeCorpus(serializeCorpus(data));
  for (const name of PART_LOOKUPS) expect(artifact[name]).toBeUndefined();
}, 20_000);

test('index parts written before the lookups were stored open and answer the same', async () => {
  const order = [SEED_IDS.nytNormalized, SEED_IDS.nbc, SEED_IDS.nytReadable, SEED_IDS.unverified, SEED_IDS.newYorker];
  const records = order.map((id) => seeds.find((r) => r.id === id)!);
  const segments = buildSegments(records, [2], new Map(), [SEED_IDS.unverified]);
  const open = (old: boolean) =>
    openSegmentedCorpus(
      segments.map((s) => {
        const parts = serializeSegmentParts(s.data);
        return segmentFromParts(s.id, old ? withoutLookups(parts) : parts.index, (k) => Promise.resolve(parts.blocks[k]!), s.removed, (kind, pieces) => Promise.resolve(pieces.map((k) => parts[kind]![k]!)));
      }),
      { name: 'seeds' },
    );
  const stored = open(false);
  const older = open(true);
  const reference = loadCorpus(serializeCorpus(compileCorpus(records.filter((r) => r.id !== SEED_IDS.unverified), { name: 'seeds' })));
  expect(older.indexOf(SEED_IDS.unverified)).toBe(-1);
  expect(stored.indexOf(SEED_IDS.unverified)).toBe(-1);
  for (const record of seeds) {
    expect(stored.indexOf(record.id)).toBe(older.indexOf(record.id));
    const expected = analyze(asPage(record), reference);
    expect(await analyzeAsync(asPage(record), stored)).toEqual(expected);
    expect(await analyzeAsync(asPage(record), older)).toEqual(expected);
  }
}, 60_000);
