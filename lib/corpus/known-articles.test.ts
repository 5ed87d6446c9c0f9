// The stored articles opened from lookup parts alone answer what a refresh and a new segment ask
// (ids, outlets, fingerprints, LSH candidates and bucket sizes) as the corpus opened whole does.
import { expect, test } from 'vitest';
import { KnownArticles } from './known-articles.ts';
import { lookupsOf, readLookups, serializeLookups } from './segment-lookups.ts';
import { readKnownPage, readKnownPart, readKnownSketches, serializeKnownParts, signatureSketches } from './known-parts.ts';
import { LshPages } from './lsh-pages.ts';
import { readSections, serializeSections } from './format.ts';
import { findInCorpus } from '../feeds/near-duplicates.ts';
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

test('segments read lazily (known part, pages on demand) give the same answers once prepared, reading only the pages checks land on', async () => {
  const seeds = seedRecords();
  const records = [...seeds, ...basilRecords().slice(0, 240), { ...seeds[2]!, id: 'wire-copy', outlet: 'Another Outlet' }, { ...seeds[4]!, id: 'wire-copy-2', outlet: 'Another Outlet' }];
  const cuts = [3, Math.floor(records.length / 3), Math.floor((2 * records.length) / 3)];
  const segments = buildSegments(records, cuts, new Map([[1, [SEED_IDS.nytReadable]]]), [SEED_IDS.unverified, records.at(-3)!.id]);
  const whole = openSegmentedCorpus(segments, { name: 'whole' });
  let pagesRead = 0;
  let pagesStored = 0;
  let sketchesRead = 0;
  const lazily = () =>
    segments.map((s) => {
      const { known, sketches, pages, lsh } = serializeKnownParts(lookupsOf(s.data), 8);
      pagesStored += pages.length;
      const readPages = async (numbers: number[]) => {
        pagesRead += numbers.length;
        return numbers.map((k) => readKnownPage(pages[k]!));
      };
      const part = readKnownPart(known);
      const readSketches = async () => {
        sketchesRead++;
        return readKnownSketches(sketches, part.articleCount);
      };
      const lshPages = new LshPages(s.id, part.lshPages!, async (numbers) => numbers.map((k) => lsh[k]!));
      return { id: s.id, known: part, readPages, readSketches, lshPages, removed: s.removed };
    });
  const live = Array.from({ length: whole.indexEnd }, (_, i) => i).filter((i) => !whole.isRemoved(i));

  // Near-duplicate checks of a few articles (the wire copies among them): only the pages of
  // candidates whose sketch leaves them possible are read.
  const known = await KnownArticles.open(lazily(), { name: 'whole' });
  // Opening and id checks read no sketches; a near-duplicate check reads those of the segments its candidates are in.
  await known.prepare({ ids: [SEED_IDS.nytReadable] });
  expect(sketchesRead).toBe(0);
  const fingerprints = live.map((i) => ({ signature: whole.signature(i), shingles: whole.shingleCount(i) }));
  const checked = [...live.keys()].filter((k) => k % 40 === 0 || k >= live.length - 2);
  await known.prepare({ fingerprints: checked.map((k) => fingerprints[k]!) });
  expect(pagesRead).toBeLessThan(pagesStored / 2);
  expect(sketchesRead).toBeGreaterThan(0);
  expect(sketchesRead).toBeLessThanOrEqual(segments.length);
  let found = 0;
  for (const k of checked) {
    const outlet = whole.article(live[k]!).outlet;
    const expected = findInCorpus(whole, outlet, fingerprints[k]!);
    expect(findInCorpus(known, outlet, fingerprints[k]!)).toEqual(expected);
    if (expected) found++;
  }
  expect(found).toBeGreaterThan(2);

  // Every id and URL prepared: the answers of the corpus opened whole.
  const all = await KnownArticles.open(lazily(), { name: 'whole' });
  await all.prepare({ ids: live.map((i) => whole.article(i).id), fingerprints });
  for (const [k, i] of live.entries()) {
    expect(findInCorpus(all, whole.article(i).outlet, fingerprints[k]!)).toEqual(findInCorpus(whole, whole.article(i).outlet, fingerprints[k]!));
    expect(all.indexOf(whole.article(i).id)).toBe(i);
    expect(all.article(i)).toEqual({ id: whole.article(i).id, outlet: whole.article(i).outlet });
    expect(all.shingleCount(i)).toBe(whole.shingleCount(i));
    expect([...all.lshCandidates(whole.signature(i)).entries()]).toEqual([...whole.lshCandidates(whole.signature(i)).entries()]);
  }
  for (const id of [SEED_IDS.nytReadable, SEED_IDS.unverified, 'no such article']) expect(all.indexOf(id)).toBe(-1);
}, 60_000);

test('known parts written with their sketches inside (before sketches were stored apart) answer as the corpus opened whole', async () => {
  const records = [...seedRecords(), ...basilRecords().slice(0, 120)];
  const segments = buildSegments(records, [3, 60], new Map(), []);
  const whole = openSegmentedCorpus(segments, { name: 'whole' });
  const inputs = segments.map((s) => {
    const { known, pages } = serializeKnownParts(lookupsOf(s.data), 8);
    // The earlier layout: the same sections with the LSH buckets whole and the sketches appended to the known part.
    const file = readSections(known);
    const names = ['idHashes', 'idOrder', 'urlHashes', 'urlOrder', 'outletIndex', 'shingleCounts'];
    const { lsh: _pages, ...meta } = file.meta as { lsh?: unknown };
    const { lshKeys, lshArticles } = lookupsOf(s.data);
    const earlier = serializeSections(meta, [...names.map((name) => [name, file.get(name)] as const), ['lshKeys', lshKeys], ['lshArticles', lshArticles], ['sketches', signatureSketches(lookupsOf(s.data).signatures)]]);
    const part = readKnownPart(earlier);
    expect(part.sketches).not.toBeNull();
    expect(part.lshPages).toBeUndefined();
    return { id: s.id, known: part, readPages: async (numbers: number[]) => numbers.map((k) => readKnownPage(pages[k]!)) };
  });
  const known = await KnownArticles.open(inputs, { name: 'whole' });
  const live = Array.from({ length: whole.indexEnd }, (_, i) => i).filter((i) => !whole.isRemoved(i));
  const fingerprints = live.map((i) => ({ signature: whole.signature(i), shingles: whole.shingleCount(i) }));
  await known.prepare({ fingerprints });
  let found = 0;
  for (const [k, i] of live.entries()) {
    const expected = findInCorpus(whole, whole.article(i).outlet, fingerprints[k]!);
    expect(findInCorpus(known, whole.article(i).outlet, fingerprints[k]!)).toEqual(expected);
    if (expected) found++;
  }
  expect(found).toBeGreaterThan(0);
}, 60_000);

test('a known part keeps its LSH keys filter; one written before the filter (or in another scheme) reads without it', () => {
  const [segment] = buildSegments([...seedRecords(), ...basilRecords().slice(0, 40)], [], new Map(), []);
  const { known } = serializeKnownParts(lookupsOf(segment!.data), 8);
  const part = readKnownPart(known);
  expect(part.lshPages?.filter).toBeInstanceOf(Uint8Array);
  expect(part.lshPages!.filter!.length).toBeGreaterThanOrEqual(8);
  const file = readSections(known);
  const sections = (names: string[]) => names.map((name) => [name, file.get(name)] as const);
  const arrays = ['idHashes', 'idOrder', 'urlHashes', 'urlOrder', 'outletIndex', 'shingleCounts', 'lshFences'];
  const meta = file.meta as { lsh: { entries: number; page: number; filterScheme?: number } };
  const { filterScheme: _, ...lshBefore } = meta.lsh;
  const before = readKnownPart(serializeSections({ ...meta, lsh: lshBefore }, sections(arrays)));
  expect(before.lshPages?.filter).toBeUndefined();
  expect([...before.lshPages!.fences]).toEqual([...part.lshPages!.fences]);
  const otherProbes = readKnownPart(serializeSections({ ...meta, lsh: { ...meta.lsh, filterScheme: 2 } }, sections([...arrays, 'lshFilter'])));
  expect(otherProbes.lshPages?.filter).toBeUndefined();
  // A filter shorter than any written is damage, not a filter to trust.
  expect(() => readKnownPart(serializeSections(meta, [...sections(arrays), ['lshFilter', new Uint8Array(4)]]))).toThrow(/damaged/);
});
