import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { matchStories } from '../story/match.ts';
import { compileCorpus } from './compile.ts';
import { loadCorpus, type Corpus } from './corpus.ts';
import { serializeCorpus } from './format.ts';
import type { CorpusRecord } from './schema.ts';
import { compileSegment, mergeSegments, openSegmentedCorpus } from './segments.ts';
import { SEED_IDS, seedRecords } from './test-seeds.ts';
import { asPage, basilPath, basilRecords, buildSegments } from './test-segments.ts';

interface Split {
  name: string;
  cuts: number[];
  removedBefore?: Map<number, string[]>;
  removedAfter?: string[];
}

/** The three corpora of one split: one compile of the live records, the segments searched together, and their merge. */
function corporaOf(records: CorpusRecord[], split: Split, name: string): { reference: Corpus; segmented: Corpus; merged: Corpus; live: CorpusRecord[]; mergedBytes: Uint8Array; referenceBytes: Uint8Array } {
  const removed = new Set([...(split.removedAfter ?? []), ...[...(split.removedBefore?.values() ?? [])].flat()]);
  const segments = buildSegments(records, split.cuts, split.removedBefore ?? new Map(), split.removedAfter ?? []);
  const live = records.filter((r) => !removed.has(r.id));
  const referenceBytes = serializeCorpus(compileCorpus(live, { name }));
  const mergedBytes = serializeCorpus(mergeSegments(segments, { name }));
  return { reference: loadCorpus(referenceBytes), segmented: openSegmentedCorpus(segments, { name }), merged: loadCorpus(mergedBytes), live, mergedBytes, referenceBytes };
}

describe('a corpus of segments answers as one compile of its live articles', () => {
  const seeds = seedRecords();
  const order = [SEED_IDS.nytNormalized, SEED_IDS.nbc, SEED_IDS.nytReadable, SEED_IDS.unverified, SEED_IDS.newYorker];
  // 000 and 001 (versions of one article) land in different segments.
  const records = order.map((id) => seeds.find((r) => r.id === id)!);
  const splits: Split[] = [
    { name: 'three segments, one article removed after', cuts: [1, 3], removedAfter: [SEED_IDS.unverified] },
    { name: 'two segments, the readable version removed before the second is compiled', cuts: [3], removedBefore: new Map([[1, [SEED_IDS.nytReadable]]]) },
    { name: 'four segments, the normalized version removed after', cuts: [1, 2, 4], removedAfter: [SEED_IDS.nytNormalized] },
    { name: 'four segments, nothing removed', cuts: [1, 2, 3] },
  ];

  test.each(splits)('seeds, $name: the same analyses (stories, relations, scores, facts), and the merge is byte for byte the one compile', (split) => {
    const { reference, segmented, merged, live, mergedBytes, referenceBytes } = corporaOf(records, split, 'seeds');
    expect(segmented.size).toBe(live.length);
    expect(segmented.summary).toEqual(reference.summary);
    expect(mergedBytes).toEqual(referenceBytes);
    let stories = 0;
    let facts = 0;
    for (const record of seeds) {
      const expected = analyze(asPage(record), reference);
      expect(analyze(asPage(record), segmented)).toEqual(expected);
      expect(analyze(asPage(record), merged)).toEqual(expected);
      stories += expected.stories.length;
      facts += expected.facts.length;
    }
    // The comparison is about real answers, not empty ones.
    expect(stories).toBeGreaterThan(5);
    expect(facts).toBeGreaterThan(5);
  }, 30_000);

  test('000 and 001 in different segments are still versions of one article, the readable one primary', () => {
    const { segmented } = corporaOf(records, splits[0]!, 'seeds');
    const normalized = segmented.indexOf(SEED_IDS.nytNormalized);
    const readable = segmented.indexOf(SEED_IDS.nytReadable);
    expect(normalized).toBe(0);
    expect(readable).toBe(2);
    expect(segmented.primaryVersion(normalized)).toBe(readable);
    expect(segmented.versions(normalized)).toEqual([readable, normalized]);
  }, 20_000);

  test('removed articles are gone from every answer, their places kept', () => {
    const { segmented } = corporaOf(records, splits[0]!, 'seeds');
    expect(segmented.indexOf(SEED_IDS.unverified)).toBe(-1);
    expect(segmented.indexEnd).toBe(5);
    expect(segmented.size).toBe(4);
    expect(segmented.isRemoved(3)).toBe(true);
    expect(() => segmented.text(3)).toThrow(/removed/);
    const all = [...Array(5).keys()];
    for (const term of ['putin', 'n:putin', 'kremlin']) expect([...segmented.postings(segmented.termId(term))]).not.toContain(3);
    expect(all.filter((i) => !segmented.isRemoved(i)).map((i) => segmented.article(i).id)).not.toContain(SEED_IDS.unverified);
  }, 20_000);

  test('with articles removed, the postings length of a term is its live postings, counted without reading the list', () => {
    for (const split of splits.filter((s) => s.removedAfter)) {
      const { segmented, reference } = corporaOf(records, split, 'seeds');
      const removed = records.find((r) => r.id === split.removedAfter![0])!;
      // Every term and fact of the removed article: the terms whose lists hold removed entries.
      const terms = [...new Set([...removed.text.toLowerCase().split(/\W+/), 'putin', 'n:putin', 'kremlin'])].map((t) => segmented.termId(t)).filter((id) => id !== -1);
      expect(terms.length).toBeGreaterThan(3);
      for (const id of terms) {
        expect(segmented.postingsLength(id)).toBe(segmented.postings(id).length);
        expect(segmented.postingsLength(id)).toBe(reference.postingsLength(reference.termId(segmented.termText(id))));
      }
    }
  }, 20_000);

  test('an article with more stored terms than any chosen before it has the vector one compile gives', () => {
    // A segmented corpus reads an article's corpus term ids into one kept array while choosing its
    // vector, grown for a longer article: the long one must not lose its last terms, nor a shorter
    // one after it read what the long one left.
    const syllables = ['b', 'd', 'f', 'g', 'k', 'm', 'p', 't', 'v', 'z'].flatMap((c) => ['a', 'o', 'u'].map((v) => `${c}${v}`));
    const coined = Array.from({ length: 1600 }, (_, k) => `${syllables[k % 30]}${syllables[Math.floor(k / 30) % 30]}${syllables[Math.floor(k / 900)]}rk`);
    const long: CorpusRecord = { ...records[1]!, id: 'long', text: `${records[1]!.text}\n\n${coined.join(' ')}.` };
    const all = [records[0]!, long, ...records.slice(2)];
    const reference = loadCorpus(serializeCorpus(compileCorpus(all, { name: 'long' })));
    const segmented = openSegmentedCorpus(buildSegments(all, [1, 3], new Map(), []), { name: 'long' });
    expect(reference.docTerms(1).length).toBeGreaterThan(1600);
    const text = (corpus: Corpus, ids: Uint32Array) => Array.from(ids, (id) => corpus.termText(id));
    // Shorter, then the long one, then shorter again.
    for (const index of [0, 1, 2, 3, 4]) {
      expect(text(segmented, segmented.termVector(index).terms)).toEqual(text(reference, reference.termVector(index).terms));
      expect([...segmented.termVector(index).counts]).toEqual([...reference.termVector(index).counts]);
      expect(segmented.vectorNorm(index)).toBe(reference.vectorNorm(index));
    }
  }, 20_000);

  test('a segment refuses ids its corpus already holds', () => {
    const first = compileSegment(records.slice(0, 2), { id: 'first' });
    const context = openSegmentedCorpus([{ id: 'first', data: first }]);
    expect(() => compileSegment(records.slice(1, 3), { id: 'second', context })).toThrow(`id "${records[1]!.id}" is already in the corpus "first"`);
  }, 20_000);

  test('opening reads no vocabulary: terms get corpus ids only as a query meets them', () => {
    const segments = buildSegments(records, [1, 3], new Map(), []);
    const corpus = openSegmentedCorpus(segments, { name: 'seeds' });
    expect(corpus.termsLookedUp).toBe(0);
    const vocabulary = segments.reduce((sum, s) => sum + s.data.termHashes.length, 0);
    analyze(asPage(seeds.find((r) => r.id === SEED_IDS.nbc)!), corpus);
    expect(corpus.termsLookedUp).toBeGreaterThan(0);
    expect(corpus.termsLookedUp).toBeLessThan(vocabulary);
  }, 20_000);
});

describe.runIf(existsSync(basilPath))('BASIL in segments (../shared)', () => {
  const records = basilRecords();

  test('three segments with removals: the same analyses as one compile, and the merge is byte for byte that compile', () => {
    const removedAfter = [records[10]!.id, records[150]!.id];
    const removedBefore = new Map([[2, [records[120]!.id]]]);
    const { reference, segmented, merged, mergedBytes, referenceBytes } = corporaOf(records, { name: 'basil', cuts: [100, 200], removedBefore, removedAfter }, 'basil');
    expect(mergedBytes).toEqual(referenceBytes);
    // Every article's story matching; every fifth article analyzed in full (fact alignment is the slow part).
    records.forEach((record, i) => {
      const page = asPage(record);
      if (i % 5 === 0) {
        const expected = analyze(page, reference);
        expect(analyze(page, segmented)).toEqual(expected);
        expect(analyze(page, merged)).toEqual(expected);
      } else {
        const expected = matchStories(page, reference);
        for (const corpus of [segmented, merged]) {
          const match = matchStories(page, corpus);
          expect(match.self).toEqual(expected.self);
          expect(match.stories).toEqual(expected.stories);
        }
      }
    });
  }, 240_000);
});
if (!existsSync(basilPath)) console.log(`lib/corpus/segments.test.ts: BASIL case skipped (${basilPath.pathname} not found: ../shared is absent)`);
