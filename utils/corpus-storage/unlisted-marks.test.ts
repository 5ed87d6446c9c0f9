// Orphans found by their marks (./store.ts): once the parts store was searched whole, a start
// reads only the marks of segments written but not listed, not the stretches between live
// segments where deleted parts lay (fake-indexeddb).
import { beforeEach, expect, test } from 'vitest';
import { DEFAULT_FEED_SETTINGS } from '@/lib/feeds/sources';
import { openCorporaDb, type CorporaDatabase } from './db';
import { saveFeedRefresh } from './feed-segments';
import { openStoredCorpus } from './open';
import { partNames } from './segment-api';
import { collectOrphans, ORPHAN_AGE_MS, readManifest, writeParts } from './store';
import { bundledSeeds, FEED_A, feedRecord, freshIndexedDb, NOW, refreshOf, source } from './test-corpora';

beforeEach(freshIndexedDb);

const sources = [source(FEED_A)];
const LATER = NOW.getTime() + ORPHAN_AGE_MS + 1;

const save = (db: CorporaDatabase, ids: number[]) =>
  saveFeedRefresh(db, { context: bundledSeeds(), result: refreshOf(ids.map(feedRecord)), sources, settings: DEFAULT_FEED_SETTINGS, now: NOW });

const livePartCount = async (db: CorporaDatabase) => (await readManifest(db)).segments.reduce((n, s) => n + partNames(s.parts).length, 0);

/** The switch fails as the browser ending the background there would leave it. */
function stopAtSwitch(db: CorporaDatabase): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((stores: string | string[], mode?: IDBTransactionMode) => {
    if (mode === 'readwrite' && [stores].flat().includes('manifest')) throw new Error('the background was stopped');
    return transaction(stores as 'parts', mode);
  }) as typeof db.transaction;
}

test('a switch deletes the mark of the segment it lists: a saved refresh leaves only its parts', async () => {
  const db = await openCorporaDb();
  await save(db, [0, 1]);
  const segments = new Set((await readManifest(db)).segments.map((s) => s.id));
  const stored = await db.getAll('parts');
  expect(stored.length).toBe(await livePartCount(db));
  expect(stored.every((part) => segments.has(part.segment))).toBe(true);
});

test('after the first whole search, a refresh cut short before its switch is collected by its mark, once old enough', async () => {
  const db = await openCorporaDb();
  await save(db, [0, 1]);
  // The first start searches the store whole and records it.
  expect(await collectOrphans(db, LATER)).toBe(0);
  const live = await livePartCount(db);
  stopAtSwitch(db);
  await expect(save(db, [2, 3])).rejects.toThrow('stopped');
  db.close();
  const again = await openCorporaDb();
  const written = (await again.getAllKeys('parts')).length;
  expect(written).toBeGreaterThan(live + 1);
  expect(await collectOrphans(again, NOW.getTime())).toBe(0);
  // The cut-short segment's parts and its mark.
  expect(await collectOrphans(again, LATER)).toBe(written - live);
  expect((await again.getAllKeys('parts')).length).toBe(live);
  expect((await openStoredCorpus(again, bundledSeeds())).corpus.indexOf(feedRecord(0).id)).toBeGreaterThanOrEqual(0);
});

test('after the first whole search, only marks are read: an unmarked part between live segments is not searched for', async () => {
  const db = await openCorporaDb();
  await save(db, [0]);
  expect(await collectOrphans(db, LATER)).toBe(0);
  const [id] = (await readManifest(db)).segments.map((s) => s.id);
  // Written as no build since the marks writes a segment's parts: without a mark.
  await writeParts(db, `${id}~`, [{ name: 'index', bytes: new Uint8Array(4) }], NOW.getTime());
  expect(await collectOrphans(db, LATER)).toBe(0);
  expect((await db.getAllKeys('parts')).length).toBe((await livePartCount(db)) + 1);
});

test('a part too young to judge keeps the whole search for the next start', async () => {
  const db = await openCorporaDb();
  await save(db, [0]);
  const [id] = (await readManifest(db)).segments.map((s) => s.id);
  // An orphan of a build before the marks, written just now.
  await writeParts(db, `${id}~`, [{ name: 'index', bytes: new Uint8Array(4) }], NOW.getTime());
  expect(await collectOrphans(db, NOW.getTime())).toBe(0);
  expect(await collectOrphans(db, LATER)).toBe(1);
  expect((await db.getAllKeys('parts')).length).toBe(await livePartCount(db));
});

test('a full disk refusing the record of the whole search loses nothing: the orphans found go, and the next start searches whole again', async () => {
  const db = await openCorporaDb();
  await save(db, [0]);
  const [id] = (await readManifest(db)).segments.map((s) => s.id);
  const orphan = (name: string) => writeParts(db, `${id}~`, [{ name, bytes: new Uint8Array(4) }], NOW.getTime());
  await orphan('index');
  const put = db.put.bind(db);
  db.put = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as typeof db.put;
  expect(await collectOrphans(db, LATER)).toBe(1);
  db.put = put;
  await orphan('block-0');
  expect(await collectOrphans(db, LATER)).toBe(1);
  expect((await db.getAllKeys('parts')).length).toBe(await livePartCount(db));
});
