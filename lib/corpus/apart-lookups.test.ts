// An index part that leaves its lookups (LSH buckets, id and URL lookups, outlets, shingle
// counts) to the segment's lookup or known part opens with them to the same answers, assembles
// to the same segment, and is refused without them (or with another segment's).
import { describe, expect, test } from 'vitest';
import { analyze, analyzeAsync } from '../analyze.ts';
import { compileCorpus } from './compile.ts';
import { loadCorpus, type Corpus } from './corpus.ts';
import { CorpusFormatError, serializeCorpus } from './format.ts';
import { readKnownPart, serializeKnownParts } from './known-parts.ts';
import { assembleSegment, indexPartKeepsLookupsApart, segmentFromParts, serializeSegmentParts, type SegmentParts } from './parts.ts';
import { lookupsOf, readLookups, serializeLookups } from './segment-lookups.ts';
import { openSegmentedCorpus, type Segment } from './segments.ts';
import type { ApartLookups } from './apart-lookups.ts';
import { LshPages } from './lsh-pages.ts';
import { SEED_IDS, seedRecords } from './test-seeds.ts';
import { asPage, buildSegments } from './test-segments.ts';

const opened = (s: Segment, parts: SegmentParts, lookups?: ApartLookups): Segment =>
  segmentFromParts(s.id, parts.index, (k) => Promise.resolve(parts.blocks[k]!), s.removed, (kind, pieces) => Promise.resolve(pieces.map((k) => parts[kind]![k]!)), lookups);

describe('index parts with their lookups apart', () => {
  const seeds = seedRecords();
  const order = [SEED_IDS.nytNormalized, SEED_IDS.nbc, SEED_IDS.nytReadable, SEED_IDS.unverified, SEED_IDS.newYorker];
  const records = order.map((id) => seeds.find((r) => r.id === id)!);
  const segments = buildSegments(records, [1, 3], new Map(), [SEED_IDS.unverified]);
  const live = records.filter((r) => r.id !== SEED_IDS.unverified);
  const reference = loadCorpus(serializeCorpus(compileCorpus(live, { name: 'seeds' })));
  const apart = segments.map((s) => serializeSegmentParts(s.data, { blockSize: 1, lookupsApart: true }));
  const together = segments.map((s) => serializeSegmentParts(s.data, { blockSize: 1 }));

  test('the index part is smaller, says so in its header, and the pieces and blocks are those written with the lookups in', () => {
    segments.forEach((_, k) => {
      expect(indexPartKeepsLookupsApart(apart[k]!.index)).toBe(true);
      expect(indexPartKeepsLookupsApart(together[k]!.index)).toBe(false);
      expect(apart[k]!.index.byteLength).toBeLessThan(together[k]!.index.byteLength);
      expect({ ...apart[k], index: null }).toEqual({ ...together[k], index: null });
    });
  });

  const fromLookupParts = () =>
    openSegmentedCorpus(
      segments.map((s, k) => opened(s, apart[k]!, readLookups(serializeLookups(lookupsOf(s.data))))),
      { name: 'seeds' },
    );
  // A known part holds where its LSH pages are; the segment reads them when a search looks in a bucket.
  const fromKnownParts = () =>
    openSegmentedCorpus(
      segments.map((s, k) => {
        const { known, lsh } = serializeKnownParts(lookupsOf(s.data));
        const part = readKnownPart(known);
        return { ...opened(s, apart[k]!, part), lshPages: new LshPages(s.id, part.lshPages!, (pages) => Promise.resolve(pages.map((p) => lsh[p]!))) };
      }),
      { name: 'seeds' },
    );

  test('opened with the lookup part or the known part, the segments answer as one compile', async () => {
    const [lookupParts, knownParts] = [fromLookupParts(), fromKnownParts()];
    let stories = 0;
    for (const record of seeds) {
      const expected = analyze(asPage(record), reference);
      expect(await analyzeAsync(asPage(record), lookupParts)).toEqual(expected);
      expect(await analyzeAsync(asPage(record), knownParts)).toEqual(expected);
      stories += expected.stories.length;
    }
    expect(stories).toBeGreaterThan(5);
  }, 30_000);

  test('near-duplicate buckets: every live article’s signature finds the same articles in its buckets as in one compile, the normalized copy among them', async () => {
    const ids = (corpus: Corpus, found: Map<number, number>) => new Map([...found].map(([index, bands]) => [corpus.articleId(index), bands]));
    for (const corpus of [fromLookupParts(), fromKnownParts()]) {
      for (const record of live) {
        const signature = reference.signature(reference.indexOf(record.id));
        // Only the LSH pages holding the signature's buckets are read (lib/corpus/lsh-pages.ts).
        await corpus.loadIndex({ signatures: [signature] });
        const expected = ids(reference, reference.lshCandidates(signature));
        expect(ids(corpus, corpus.lshCandidates(signature))).toEqual(expected);
        expect(expected.get(record.id)).toBeGreaterThan(0);
      }
      // 000 is 001 machine-normalized: 001's buckets hold 000 (read in the loop above).
      const readable = reference.signature(reference.indexOf(SEED_IDS.nytReadable));
      expect(ids(corpus, corpus.lshCandidates(readable)).has(SEED_IDS.nytNormalized)).toBe(true);
    }
  });

  test('assembled with its lookups, a segment is the segment byte for byte', () => {
    segments.forEach((s, k) => {
      expect(serializeCorpus(assembleSegment({ ...apart[k]!, lookups: lookupsOf(s.data) }))).toEqual(serializeCorpus(s.data));
    });
  });

  test('without its lookups, or with another segment’s, the segment is refused by name', () => {
    const [first, second] = segments;
    expect(() => opened(first!, apart[0]!)).toThrow(CorpusFormatError);
    expect(() => opened(first!, apart[0]!)).toThrow(`segment "${first!.id}" keeps its LSH buckets`);
    expect(() => opened(first!, apart[0]!, lookupsOf(second!.data))).toThrow(/are not those of its \d+ articles/);
    expect(() => assembleSegment(apart[0]!)).toThrow(CorpusFormatError);
  });
});
