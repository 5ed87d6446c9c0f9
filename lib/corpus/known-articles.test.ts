// The stored articles opened from lookup parts alone answer what a refresh and a new segment ask
// (ids, outlets, fingerprints, LSH candidates and bucket sizes) as the corpus opened whole does.
import { expect, test } from 'vitest';
import { KnownArticles } from './known-articles.ts';
import { lookupsOf, readLookups, serializeLookups } from './segment-lookups.ts';
import { openSegmentedCorpus } from './segments.ts';
import { SEED_IDS, seedRecords } from './test-seeds.ts';
import { basilRecords, buildSegments } from './test-segments.ts';

test('lookup parts answer ids, outlets, fingerprints and LSH as the segments opened whole, tombstones included', () => {
  // The seeds (versions of one story), BASIL's stories when ../shared has them, and copies.
  const seeds = seedRecords();
  // A syndicated copy of a seed in the last segment: articles that share buckets across segments.
  const records = [...seeds, ...basilRecords().slice(0, 240), { ...seeds[2]!, id: 'wire-copy', outlet: 'Another Outlet' }, { ...seeds[4]!, id: 'wire-copy-2', outlet: 'Another Outlet' }];
  const cuts = [3, Math.floor(records.length / 3), Math.floor((2 * records.length) / 3)];
  const segments = buildSegments(records, cuts, new Map([[1, [SEED_IDS.nytReadable]]]), [SEED_IDS.unverified, records.at(-3)!.id]);
  const whole = openSegmentedCorpus(segments, { name: 'whole' });
  const known = new KnownArticles(
    segments.map((s) => ({ id: s.id, lookups: readLookups(serializeLookups(lookupsOf(s.data))), removed: s.removed })),
    { name: 'whole' },
  );
  expect(known.indexEnd).toBe(whole.indexEnd);
  let removed = 0;
  let withCandidates = 0;
  for (let i = 0; i < whole.indexEnd; i++) {
    if (whole.isRemoved(i)) {
      removed++;
      expect(() => known.article(i)).toThrow(/removed/);
      continue;
    }
    const article = whole.article(i);
    expect(known.article(i)).toEqual({ id: article.id, outlet: article.outlet });
    expect(known.indexOf(article.id)).toBe(i);
    expect(known.signature(i)).toEqual(whole.signature(i));
    expect(known.shingleCount(i)).toBe(whole.shingleCount(i));
    const signature = whole.signature(i);
    expect(known.lshBucketSizes(signature)).toEqual(whole.lshBucketSizes(signature));
    // Candidates in the same order (a near-duplicate check keeps the first of equals).
    const candidates = [...whole.lshCandidates(signature).entries()];
    expect([...known.lshCandidates(signature).entries()]).toEqual(candidates);
    const crowded = Array.from({ length: 16 }, (_, band) => band * 3);
    expect([...known.lshCandidates(signature, crowded).entries()]).toEqual([...whole.lshCandidates(signature, crowded).entries()]);
    if (candidates.length > 1) withCandidates++;
  }
  for (const id of [SEED_IDS.nytReadable, SEED_IDS.unverified, 'no such article']) expect(known.indexOf(id)).toBe(-1);
  // Not a vacuous comparison: tombstones were checked, and articles share buckets with others.
  expect(removed).toBe(3);
  expect(withCandidates).toBeGreaterThan(0);
}, 60_000);
