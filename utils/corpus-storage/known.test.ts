// A refresh's view of what the stored corpus already has, answered from the stored segments
// (ids, URLs per segment, the corpus's own LSH buckets) as a list of every article would. Feeds
// segments are read lazily (their known pages when a check lands on them): the checks are
// prepared first, as lib/feeds/refresh.ts prepares them.
import { beforeEach, expect, test } from 'vitest';
import { fingerprintText } from '@/lib/fingerprint';
import { DEFAULT_FEED_SETTINGS } from '@/lib/feeds/sources';
import { lookupOf, type KnownLookup } from '@/lib/feeds/refresh';
import { canonicalUrl } from '@/lib/feeds/url';
import { openCorporaDb, type CorporaDatabase } from './db';
import { dropUnfollowed, saveFeedRefresh } from './feed-segments';
import { addImport } from './imports';
import { newImport } from './jobs';
import { knownLookup, openKnown } from './known';
import { reconcile } from './reconcile';
import { INDEX_PART, KNOWN_PART, LOOKUP_PART, lookupPart, partNames, SKETCHES_PART } from './segment-api';
import { indexPartKeepsLookupsApart, serializeSegmentParts } from '@/lib/corpus/parts';
import { loadWholeSegment } from './open';
import type { SegmentEntry } from './manifest';
import { readManifest, readParts, writeParts, type SegmentPart } from './store';
import { bundledSeeds, FEED_A, feedRecord, freshIndexedDb, NOW, refreshOf, source } from './test-corpora';

beforeEach(freshIndexedDb);

test('ids, URLs and near-duplicates are found in the bundled corpus, imports and feed segments; removed articles are not', async () => {
  const db = await openCorporaDb();
  const bundled = bundledSeeds();
  // An import's URL as the user wrote it (not canonical); feed articles' URLs are stored canonical.
  const imported = { ...feedRecord(5), url: 'HTTP://127.0.0.1:9/article-5?utm_source=feed#top' };
  await addImport(db, bundled, { corpus: newImport({ name: 'Archive', fileName: 'a.jsonl', summary: { articles: 1, outlets: 1, firstPublished: null, lastPublished: null } }), records: [imported] });
  await saveFeedRefresh(db, { context: bundled, result: refreshOf([feedRecord(0), feedRecord(1)]), sources: [source(FEED_A)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
  let opened = await openKnown(db, bundled);
  let known = knownLookup(opened);
  const copy = fingerprintText(feedRecord(1).text);
  const prepare = (lookup: KnownLookup) =>
    lookup.prepare!({
      ids: [bundled.article(0).id, feedRecord(1).id, '127.0.0.1/never-seen'],
      urls: [canonicalUrl(imported.url), canonicalUrl(feedRecord(1).url!)],
      fingerprints: [copy, fingerprintText(bundled.text(2))],
    });
  // A check that lands on a page not read says so, rather than answering wrong.
  expect(() => known.hasId(feedRecord(1).id)).toThrow(/prepare/);
  await prepare(known);
  const listed = lookupOf([...[bundled.article(2)].map((a) => ({ id: a.id, outlet: a.outlet, text: bundled.text(a.index) })), imported, feedRecord(0), feedRecord(1)]);

  expect(known.hasId(bundled.article(0).id)).toBe(true);
  expect(known.hasId(feedRecord(1).id)).toBe(true);
  expect(known.hasId('127.0.0.1/never-seen')).toBe(false);
  for (const lookup of [known, listed]) {
    expect(lookup.idAtUrl(canonicalUrl(imported.url))).toBe(imported.id);
    expect(lookup.idAtUrl(canonicalUrl(feedRecord(1).url!))).toBe(feedRecord(1).id);
  }
  // The same text again from the same outlet is a duplicate; from another outlet a syndicated copy.
  for (const lookup of [known, listed]) {
    expect(lookup.nearDuplicate(feedRecord(1).outlet, copy)).toMatchObject({ id: feedRecord(1).id, kind: 'duplicate' });
    expect(lookup.nearDuplicate('Another Outlet', copy)).toMatchObject({ id: feedRecord(1).id, kind: 'syndicated' });
  }
  const seed = bundled.article(2);
  expect(known.nearDuplicate(seed.outlet, fingerprintText(bundled.text(2)))).toMatchObject({ id: seed.id, kind: 'duplicate' });

  await dropUnfollowed(db, new Set());
  opened = await openKnown(db, bundled);
  known = knownLookup(opened);
  await prepare(known);
  expect(known.hasId(feedRecord(1).id)).toBe(false);
  expect(known.idAtUrl(canonicalUrl(feedRecord(1).url!))).toBeUndefined();
  expect(known.nearDuplicate(feedRecord(1).outlet, copy)?.id).not.toBe(feedRecord(1).id);
});

/** The segment as an earlier version stored it: its known part, sketches and pages replaced by `parts` (none: only its index part). */
async function storedAsBefore(db: CorporaDatabase, entry: SegmentEntry, parts: SegmentPart[]): Promise<void> {
  const isKnown = (p: string) => p === KNOWN_PART || p === SKETCHES_PART || p.startsWith('known-');
  const known = partNames(entry.parts).filter(isKnown);
  const knownBytes = [...(await readParts(db, entry.id, known)).values()].reduce((n, b) => n + b.byteLength, 0);
  for (const name of known) await db.delete('parts', [entry.id, name]);
  await writeParts(db, entry.id, parts);
  const manifest = await readManifest(db);
  const bytes = entry.bytes - knownBytes + parts.reduce((n, p) => n + p.bytes.byteLength, 0);
  await db.put('manifest', { ...manifest, segments: [{ ...entry, parts: [...entry.parts.filter((p) => !isKnown(p)), ...parts.map((p) => p.name)], bytes }] });
}

test('feeds segments stored by earlier versions (a lookup part, or only an index part) open for a refresh with the same answers; reconcile stores a lookup part', async () => {
  const db = await openCorporaDb();
  const bundled = bundledSeeds();
  await saveFeedRefresh(db, { context: bundled, result: refreshOf([feedRecord(0), feedRecord(1), feedRecord(2)]), sources: [source(FEED_A)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
  const withPart = await openKnown(db, bundled);
  const entry = withPart.manifest.segments[0]!;
  expect(entry.parts).toContain(KNOWN_PART);
  expect(entry.parts).not.toContain(LOOKUP_PART);
  const ids = [0, 1, 2].map((n) => feedRecord(n).id);
  await withPart.articles.prepare({ ids, fingerprints: [0, 1, 2].map((n) => fingerprintText(feedRecord(n).text)) });
  const lookupBytes = lookupPart(await loadWholeSegment(db, entry)).bytes;

  const same = async () => {
    const old = await openKnown(db, bundled);
    expect(old.unreadable).toEqual([]);
    for (const n of [0, 1, 2]) {
      const index = withPart.articles.indexOf(feedRecord(n).id);
      expect(index).toBeGreaterThan(-1);
      expect(old.articles.indexOf(feedRecord(n).id)).toBe(index);
      expect(old.articles.signature(index)).toEqual(withPart.articles.signature(index));
      expect(old.articles.lshCandidates(withPart.articles.signature(index))).toEqual(withPart.articles.lshCandidates(withPart.articles.signature(index)));
    }
    expect(knownLookup(old).idAtUrl(canonicalUrl(feedRecord(1).url!))).toBe(feedRecord(1).id);
  };
  // The version before known parts: one lookup part.
  await storedAsBefore(db, entry, [{ name: LOOKUP_PART, bytes: lookupBytes }]);
  await same();
  expect(await reconcile(db, bundled)).toBe(false);

  // The version before lookup parts: only the index part, which held the lookups then (this version's leaves them to the lookup part).
  const withLookups = (await readManifest(db)).segments[0]!;
  const index = (await readParts(db, entry.id, [INDEX_PART])).get(INDEX_PART)!;
  const oldIndex = serializeSegmentParts(await loadWholeSegment(db, withLookups)).index;
  expect(indexPartKeepsLookupsApart(index)).toBe(true);
  expect(indexPartKeepsLookupsApart(oldIndex)).toBe(false);
  await db.delete('parts', [entry.id, LOOKUP_PART]);
  await writeParts(db, entry.id, [{ name: INDEX_PART, bytes: oldIndex }]);
  const onlyIndex = { ...withLookups, parts: withLookups.parts.filter((p) => p !== LOOKUP_PART), bytes: withLookups.bytes - lookupBytes.byteLength - index.byteLength + oldIndex.byteLength };
  await db.put('manifest', { ...(await readManifest(db)), segments: [onlyIndex] });
  await same();
  expect(await reconcile(db, bundled)).toBe(true);
  const manifest = await readManifest(db);
  expect(manifest.segments[0]!.parts).toContain(LOOKUP_PART);
  // The part made from the index part is the one made from the whole segment.
  expect((await readParts(db, entry.id, [LOOKUP_PART])).get(LOOKUP_PART)).toEqual(lookupBytes);
  expect(manifest.segments[0]!.bytes).toBe(onlyIndex.bytes + lookupBytes.byteLength);
  expect(await reconcile(db, bundled)).toBe(false);
  await same();
});
