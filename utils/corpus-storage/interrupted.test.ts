// A refresh stopped half way leaves the previous corpus intact and usable (fake-indexeddb):
// stopped mid-compile, killed between writing its parts and switching the manifest, or refused
// by a full disk.
import { beforeEach, expect, test } from 'vitest';
import { DEFAULT_FEED_SETTINGS } from '@/lib/feeds/sources';
import { openCorporaDb, type CorporaDatabase } from './db';
import { saveFeedRefresh } from './feed-segments';
import { openStoredCorpus } from './open';
import { partNames } from './segment-api';
import { StorageFullError } from './quota';
import { collectOrphans, ORPHAN_AGE_MS, readManifest, writeParts } from './store';
import { bundledSeeds, liveIds, FEED_A, feedRecord, freshIndexedDb, NOW, refreshOf, source } from './test-corpora';

beforeEach(freshIndexedDb);

const sources = [source(FEED_A)];

/** A corpus of the seeds and one stored refresh, as the user had it before the refresh that fails. */
async function previousCorpus(db: CorporaDatabase) {
  await saveFeedRefresh(db, { context: bundledSeeds(), result: refreshOf([feedRecord(0), feedRecord(1)]), sources, settings: DEFAULT_FEED_SETTINGS, now: NOW });
  return openStoredCorpus(db, bundledSeeds());
}

/** The database as another process would see it: a new connection. */
async function reopen(db: CorporaDatabase) {
  db.close();
  const again = await openCorporaDb();
  return { db: again, opened: await openStoredCorpus(again, bundledSeeds()) };
}

test('the background stopped between writing the new segment and switching the manifest: the previous corpus is searched, the orphan parts are collected', async () => {
  const db = await openCorporaDb();
  const before = await previousCorpus(db);
  // The switch is the one transaction over the manifest store; the browser ends the worker there.
  const transaction = db.transaction.bind(db);
  db.transaction = ((stores: string | string[], mode?: IDBTransactionMode) => {
    if (mode === 'readwrite' && [stores].flat().includes('manifest')) throw new Error('the background was stopped');
    return transaction(stores as 'parts', mode);
  }) as typeof db.transaction;
  await expect(saveFeedRefresh(db, { context: before.corpus, result: refreshOf([feedRecord(2), feedRecord(3)]), sources, settings: DEFAULT_FEED_SETTINGS, now: NOW })).rejects.toThrow('stopped');

  const { db: again, opened } = await reopen(db);
  expect(opened.manifest).toEqual(before.manifest);
  expect(liveIds(opened.corpus)).toEqual(liveIds(before.corpus));
  expect(opened.corpus.indexOf(feedRecord(2).id)).toBe(-1);
  expect(opened.unreadable).toEqual([]);
  // The new segment's parts were written and are no one's: collected once old enough (not while another page may still be writing them).
  const partsBefore = (await again.getAllKeys('parts')).length;
  expect(partsBefore).toBeGreaterThan(partNames(before.manifest.segments[0]!.parts).length);
  expect(await collectOrphans(again, NOW.getTime())).toBe(0);
  expect(await collectOrphans(again, NOW.getTime() + ORPHAN_AGE_MS + 1)).toBe(partsBefore - partNames(before.manifest.segments[0]!.parts).length);
  expect((await openStoredCorpus(again, bundledSeeds())).corpus.size).toBe(before.corpus.size);
});

test('a refresh stopped mid-compile writes nothing', async () => {
  const db = await openCorporaDb();
  const before = await previousCorpus(db);
  const stop = new AbortController();
  const saving = saveFeedRefresh(db, {
    context: before.corpus,
    result: refreshOf([feedRecord(2), feedRecord(3)]),
    sources,
    settings: DEFAULT_FEED_SETTINGS,
    now: NOW,
    progress: { sliceMs: 0, signal: stop.signal, pause: async () => stop.abort(new Error('stopped by the user')) },
  });
  await expect(saving).rejects.toThrow('stopped by the user');
  const { db: again, opened } = await reopen(db);
  expect(liveIds(opened.corpus)).toEqual(liveIds(before.corpus));
  expect((await again.getAllKeys('parts')).length).toBe(partNames(before.manifest.segments[0]!.parts).length);
});

test('a full disk: the write fails with a message for the user and the previous corpus stays', async () => {
  const db = await openCorporaDb();
  const before = await previousCorpus(db);
  const transaction = db.transaction.bind(db);
  db.transaction = ((stores: string | string[], mode?: IDBTransactionMode) => {
    const tx = transaction(stores as 'parts', mode);
    if (mode === 'readwrite' && [stores].flat().includes('parts') && ![stores].flat().includes('manifest')) {
      tx.store.put = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    }
    return tx;
  }) as typeof db.transaction;
  const failure = await saveFeedRefresh(db, { context: before.corpus, result: refreshOf([feedRecord(2)]), sources, settings: DEFAULT_FEED_SETTINGS, now: NOW }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(StorageFullError);
  expect((failure as Error).message).toMatch(/no more storage space.*corpus you had is unchanged/);
  const { opened } = await reopen(db);
  expect(liveIds(opened.corpus)).toEqual(liveIds(before.corpus));
  expect(await readManifest(await openCorporaDb())).toEqual(before.manifest);
});

test('orphans are found before, between and after the live segments (by key ranges), and no live part is touched', async () => {
  const db = await openCorporaDb();
  await saveFeedRefresh(db, { context: bundledSeeds(), result: refreshOf([feedRecord(0)]), sources, settings: DEFAULT_FEED_SETTINGS, now: NOW });
  const later = new Date(NOW.getTime() + 3_600_000);
  await saveFeedRefresh(db, { context: (await openStoredCorpus(db, bundledSeeds())).corpus, result: refreshOf([feedRecord(1)]), sources, settings: DEFAULT_FEED_SETTINGS, now: later });
  const manifest = await readManifest(db);
  const [first, second] = manifest.segments.map((s) => s.id).sort();
  const livePartCount = manifest.segments.reduce((n, s) => n + partNames(s.parts).length, 0);
  // Ids ordered around the live ones: "a…" before "seg-…", first + "~" between, second + "~" after.
  const orphans = ['a-cut-short', `${first}~`, `${second}~`];
  for (const id of orphans) await writeParts(db, id, [{ name: 'index', bytes: new Uint8Array(4) }, { name: 'block-0', bytes: new Uint8Array(4) }], NOW.getTime());
  expect(await collectOrphans(db, NOW.getTime() + ORPHAN_AGE_MS + 1)).toBe(2 * orphans.length);
  const left = (await db.getAll('parts')).map((p) => p.segment);
  expect(left.length).toBe(livePartCount);
  expect(new Set(left)).toEqual(new Set([first, second]));
});
