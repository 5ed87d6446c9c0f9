// A refresh's view of what the stored corpus already has, answered from the stored segments
// (ids, URLs per segment, the corpus's own LSH buckets) as a list of every article would.
import { beforeEach, expect, test } from 'vitest';
import { fingerprintText } from '@/lib/fingerprint';
import { DEFAULT_FEED_SETTINGS } from '@/lib/feeds/sources';
import { lookupOf } from '@/lib/feeds/refresh';
import { canonicalUrl } from '@/lib/feeds/url';
import { openCorporaDb } from './db';
import { dropUnfollowed, saveFeedRefresh } from './feed-segments';
import { addImport } from './imports';
import { newImport } from './jobs';
import { knownLookup, openKnown } from './known';
import { reconcile } from './reconcile';
import { LOOKUP_PART } from './segment-api';
import { readManifest, readParts } from './store';
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
  const listed = lookupOf([...[bundled.article(2)].map((a) => ({ id: a.id, outlet: a.outlet, text: bundled.text(a.index) })), imported, feedRecord(0), feedRecord(1)]);

  expect(known.hasId(bundled.article(0).id)).toBe(true);
  expect(known.hasId(feedRecord(1).id)).toBe(true);
  expect(known.hasId('127.0.0.1/never-seen')).toBe(false);
  for (const lookup of [known, listed]) {
    expect(lookup.idAtUrl(canonicalUrl(imported.url))).toBe(imported.id);
    expect(lookup.idAtUrl(canonicalUrl(feedRecord(1).url!))).toBe(feedRecord(1).id);
  }
  // The same text again from the same outlet is a duplicate; from another outlet a syndicated copy.
  const copy = fingerprintText(feedRecord(1).text);
  for (const lookup of [known, listed]) {
    expect(lookup.nearDuplicate(feedRecord(1).outlet, copy)).toMatchObject({ id: feedRecord(1).id, kind: 'duplicate' });
    expect(lookup.nearDuplicate('Another Outlet', copy)).toMatchObject({ id: feedRecord(1).id, kind: 'syndicated' });
  }
  const seed = bundled.article(2);
  expect(known.nearDuplicate(seed.outlet, fingerprintText(bundled.text(2)))).toMatchObject({ id: seed.id, kind: 'duplicate' });

  await dropUnfollowed(db, new Set());
  opened = await openKnown(db, bundled);
  known = knownLookup(opened);
  expect(known.hasId(feedRecord(1).id)).toBe(false);
  expect(known.idAtUrl(canonicalUrl(feedRecord(1).url!))).toBeUndefined();
  expect(known.nearDuplicate(feedRecord(1).outlet, copy)?.id).not.toBe(feedRecord(1).id);
});

test('a segment stored before lookup parts opens for a refresh from its index part, and reconcile stores its lookup part', async () => {
  const db = await openCorporaDb();
  const bundled = bundledSeeds();
  await saveFeedRefresh(db, { context: bundled, result: refreshOf([feedRecord(0), feedRecord(1), feedRecord(2)]), sources: [source(FEED_A)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
  const withPart = await openKnown(db, bundled);
  // As an earlier version stored it: no lookup part, and none in the manifest.
  const entry = withPart.manifest.segments[0]!;
  const lookupBytes = (await readParts(db, entry.id, [LOOKUP_PART])).get(LOOKUP_PART)!;
  await db.delete('parts', [entry.id, LOOKUP_PART]);
  await db.put('manifest', { ...withPart.manifest, segments: [{ ...entry, parts: entry.parts.filter((p) => p !== LOOKUP_PART), bytes: entry.bytes - lookupBytes.byteLength }] });

  const old = await openKnown(db, bundled);
  expect(old.unreadable).toEqual([]);
  for (const n of [0, 1, 2]) {
    const index = withPart.articles.indexOf(feedRecord(n).id);
    expect(index).toBeGreaterThan(-1);
    expect(old.articles.indexOf(feedRecord(n).id)).toBe(index);
    expect(old.articles.lshCandidates(withPart.articles.signature(index))).toEqual(withPart.articles.lshCandidates(withPart.articles.signature(index)));
  }
  expect(knownLookup(old).idAtUrl(canonicalUrl(feedRecord(1).url!))).toBe(feedRecord(1).id);

  expect(await reconcile(db, bundled)).toBe(true);
  const manifest = await readManifest(db);
  expect(manifest.segments[0]!.parts).toContain(LOOKUP_PART);
  // The part made from the index part is the one a save makes from the whole segment.
  expect((await readParts(db, entry.id, [LOOKUP_PART])).get(LOOKUP_PART)).toEqual(lookupBytes);
  expect(manifest.segments[0]!.bytes).toBe(entry.bytes);
  expect(await reconcile(db, bundled)).toBe(false);
  expect((await openKnown(db, bundled)).articles.indexOf(feedRecord(2).id)).toBe(withPart.articles.indexOf(feedRecord(2).id));
});
