import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze, analyzeAsync } from '../analyze.ts';
import { SELF_MIN_SHINGLES } from '../story/match.ts';
import { compileCorpus } from './compile.ts';
import { loadCorpus } from './corpus.ts';
import { serializeCorpus } from './format.ts';
import { IndexNotLoadedError } from './index-pieces.ts';
import { ARTICLE_BLOCK_SIZE, ArticlesNotLoadedError, assembleSegment, INDEX_TEXT_MAX_SHINGLES, segmentFromParts, serializeSegmentParts } from './parts.ts';
import type { CorpusRecord } from './schema.ts';
import { openSegmentedCorpus, SegmentedCorpus, type Segment } from './segments.ts';
import { SEED_IDS, seedRecords } from './test-seeds.ts';
import { asPage, basilPath, basilRecords, buildSegments } from './test-segments.ts';

/**
 * The segments stored as parts (blocks of `blockSize` articles, or of `blockSize[k]` for segment
 * k), opened from their index parts; block and index piece reads are counted per segment.
 */
function fromParts(segments: Segment[], blockSize?: number | readonly number[]) {
  const reads: number[] = [];
  const pieceReads: number[] = segments.map(() => 0);
  const rowReads: number[] = segments.map(() => 0);
  const stored = segments.map((s, k) => serializeSegmentParts(s.data, { blockSize: typeof blockSize === 'object' ? blockSize[k] : blockSize }));
  const opened = segments.map((s, k) => {
    reads.push(0);
    return segmentFromParts(
      s.id,
      stored[k]!.index,
      (block) => {
        reads[k]!++;
        return Promise.resolve(stored[k]!.blocks[block]!);
      },
      s.removed,
      (kind, pieces) => {
        pieceReads[k]! += pieces.length;
        if (kind === 'rows') rowReads[k]! += pieces.length;
        return Promise.resolve(pieces.map((piece) => stored[k]![kind]![piece]!));
      },
    );
  });
  return { stored, opened, reads, pieceReads, rowReads };
}

test('story matching reads every text it may compare word for word from the index part', () => {
  // Near-copies are told for candidates under 2 × SELF_MIN_SHINGLES shingles (lib/story/match.ts findSelf).
  expect(INDEX_TEXT_MAX_SHINGLES).toBeGreaterThanOrEqual(2 * SELF_MIN_SHINGLES);
});

describe('segments stored as parts, articles read on demand', () => {
  const seeds = seedRecords();
  const order = [SEED_IDS.nytNormalized, SEED_IDS.nbc, SEED_IDS.nytReadable, SEED_IDS.unverified, SEED_IDS.newYorker];
  const records = order.map((id) => seeds.find((r) => r.id === id)!);
  const segments = buildSegments(records, [2], new Map(), [SEED_IDS.unverified]);
  const live = records.filter((r) => r.id !== SEED_IDS.unverified);
  const reference = loadCorpus(serializeCorpus(compileCorpus(live, { name: 'seeds' })));

  test('a segment assembled from its parts is the segment, byte for byte', () => {
    for (const segment of segments) {
      const parts = serializeSegmentParts(segment.data, { blockSize: 2 });
      expect(parts.blocks.length).toBe(Math.ceil(segment.data.meta.articleCount / 2));
      expect(serializeCorpus(assembleSegment(parts))).toEqual(serializeCorpus(segment.data));
    }
  }, 20_000);

  test('opening reads no article block; analyzeAsync reads the blocks alignment needs and answers as analyze on one compile', async () => {
    const { opened, reads, pieceReads } = fromParts(segments, 1);
    const corpus = openSegmentedCorpus(opened, { name: 'seeds' });
    expect(reads).toEqual([0, 0]);
    expect(pieceReads).toEqual([0, 0]);
    // Matching without the index rows and postings loaded fails loudly (it would read lists it does not have).
    const nbc = asPage(seeds.find((r) => r.id === SEED_IDS.nbc)!);
    expect(() => analyze(nbc, corpus)).toThrow(IndexNotLoadedError);
    // So does alignment without the articles loaded (it would read texts it does not have).
    await Promise.all(opened.map((s) => s.indexPieces!.loadAll()));
    expect(() => analyze(nbc, corpus)).toThrow(ArticlesNotLoadedError);
    expect(reads).toEqual([0, 0]);
    for (const record of seeds) {
      expect(await analyzeAsync(asPage(record), corpus)).toEqual(analyze(asPage(record), reference));
    }
    // Blocks of one article each: some were read, each once, and only of live articles (which
    // articles alignment reads, and no others: lib/analyze-async.test.ts).
    const total = reads.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(corpus.loadedBlocks).toBe(total);
    expect(total).toBeLessThanOrEqual(live.length);
  }, 30_000);

  test('the query path never reads Corpus.data, the merge of every segment (analyze and analyzeAsync, seeds in three segments)', async () => {
    const three = buildSegments(records, [1, 3], new Map(), [SEED_IDS.unverified]);
    // Reading `data` merges the segments (a whole-corpus copy, costly): here it throws instead.
    const merge = (): never => {
      throw new Error('the query path read Corpus.data');
    };
    const inMemory = new SegmentedCorpus(three, { name: 'seeds', merge });
    const onDemand = new SegmentedCorpus(fromParts(three, 1).opened, { name: 'seeds', merge });
    let stories = 0;
    for (const record of seeds) {
      const expected = analyze(asPage(record), reference);
      expect(analyze(asPage(record), inMemory)).toEqual(expected);
      expect(await analyzeAsync(asPage(record), onDemand)).toEqual(expected);
      stories += expected.stories.length;
    }
    // The analyses found stories across the segments: the guard watched real queries.
    expect(stories).toBeGreaterThan(5);
    expect(() => inMemory.data).toThrow('the query path read Corpus.data');
  }, 30_000);

  test('a corpus whose articles are in the artifact loads nothing and answers the same', async () => {
    const page = asPage(seeds.find((r) => r.id === SEED_IDS.nbc)!);
    expect(await analyzeAsync(page, reference)).toEqual(analyze(page, reference));
  }, 20_000);
});

describe.runIf(existsSync(basilPath))('BASIL segments stored as parts (../shared)', () => {
  test('the first analysis reads a few blocks, and every analysis answers as analyze on one compile', async () => {
    const records: CorpusRecord[] = basilRecords();
    const removed = [records[20]!.id, records[210]!.id];
    const segments = buildSegments(records, [120, 240], new Map(), removed);
    const reference = loadCorpus(serializeCorpus(compileCorpus(records.filter((r) => !removed.includes(r.id)), { name: 'basil' })));
    // Index rows of one article each: those read are the candidates' (and the removed articles').
    const { stored, opened, reads, rowReads } = fromParts(segments, 1);
    const corpus = openSegmentedCorpus(opened, { name: 'basil' });
    const blocks = stored.reduce((sum, s) => sum + s.blocks.length, 0);
    const first = asPage(records[0]!);
    expect(await analyzeAsync(first, corpus)).toEqual(analyze(first, reference));
    const afterFirst = reads.reduce((a, b) => a + b, 0);
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(blocks / 2);
    const rowsAfterFirst = rowReads.reduce((a, b) => a + b, 0);
    expect(rowsAfterFirst).toBeGreaterThan(0);
    expect(rowsAfterFirst).toBeLessThan(blocks / 2);
    for (const [i, record] of records.entries()) {
      if (i % 10 !== 5) continue;
      expect(await analyzeAsync(asPage(record), corpus)).toEqual(analyze(asPage(record), reference));
    }
  }, 240_000);

  test('segments stored with different block sizes (before and after ARTICLE_BLOCK_SIZE changed) answer together as one compile', async () => {
    // A browser keeps the segments it stored with the block size of their day: each is read with
    // the size its index part names, next to segments written since.
    const records: CorpusRecord[] = basilRecords();
    const segments = buildSegments(records, [120, 240], new Map(), []);
    const reference = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'basil' })));
    const sizes = [16, ARTICLE_BLOCK_SIZE, 1];
    const { stored, opened, reads } = fromParts(segments, sizes);
    stored.forEach((parts, k) => expect(parts.blocks.length).toBe(Math.ceil(segments[k]!.data.meta.articleCount / sizes[k]!)));
    const corpus = openSegmentedCorpus(opened, { name: 'basil' });
    for (const [i, record] of records.entries()) {
      if (i % 25 !== 3) continue;
      expect(await analyzeAsync(asPage(record), corpus)).toEqual(analyze(asPage(record), reference));
    }
    // Every segment's blocks were read (a block number past a segment's own would find no block and fail).
    for (const count of reads) expect(count).toBeGreaterThan(0);
  }, 240_000);
});
if (!existsSync(basilPath)) console.log(`lib/corpus/parts.test.ts: BASIL case skipped (${basilPath.pathname} not found: ../shared is absent)`);
