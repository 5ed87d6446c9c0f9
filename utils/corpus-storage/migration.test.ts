// Version 1 of the database (imports, records, one compiled "combined" artifact) upgraded to
// segments: imports and the followed feeds' articles are compiled into segments once, the
// artifact store goes, and nothing the user had is lost.
import { openDB } from 'idb';
import { beforeEach, expect, test } from 'vitest';
import { serializeCorpus } from '@/lib/corpus';
import { FEEDS_CORPUS_ID, type FeedArticle } from '@/lib/feeds/sources';
import type { ImportedCorpus } from '@/lib/import/records';
import { DB_NAME, openCorporaDb } from './db';
import { readFeedArticles } from './feed-segments';
import { listStoredCorpora } from './imports';
import { segmentsOf } from './manifest';
import { openStoredCorpus } from './open';
import { reconcile } from './reconcile';
import { readManifest } from './store';
import { bundledSeeds, FEED_A, feedRecord, freshIndexedDb } from './test-corpora';

beforeEach(freshIndexedDb);

const imported: ImportedCorpus = {
  id: 'import-1',
  name: 'My archive',
  fileName: 'archive.jsonl',
  importedAt: '2026-11-01T10:00:00.000Z',
  summary: { name: 'My archive', articles: 2, outlets: 2, firstPublished: '2026-12-02', lastPublished: '2026-12-02' },
};
const feedArticles: FeedArticle[] = [2, 3].map((n) => ({ ...feedRecord(n), feedUrl: FEED_A, fetchedAt: '2026-12-01T08:00:00.000Z' }));

/** What version 1 of the extension left: an import, the feeds' articles as the "feeds" import, and the combined artifact. */
async function writeVersion1(): Promise<void> {
  const v1 = await openDB(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('imports', { keyPath: 'id' });
      db.createObjectStore('records', { keyPath: 'id' });
      db.createObjectStore('artifacts', { keyPath: 'key' });
    },
  });
  await v1.put('imports', imported);
  await v1.put('records', { id: imported.id, records: [feedRecord(0), feedRecord(1)] });
  await v1.put('imports', { ...imported, id: FEEDS_CORPUS_ID, name: 'Followed feeds' });
  await v1.put('records', { id: FEEDS_CORPUS_ID, records: feedArticles });
  await v1.put('artifacts', { key: 'combined', combination: '[]', bytes: serializeCorpus(bundledSeeds().data) });
  v1.close();
}

test('v1 to v2: the artifact store goes, imports and feed articles become segments, searched with the bundled corpus', async () => {
  await writeVersion1();
  const db = await openCorporaDb();
  expect([...db.objectStoreNames].sort()).toEqual(['imports', 'manifest', 'parts', 'records']);
  // Before reconciling, nothing is searched but the bundled corpus, and nothing is lost.
  expect((await openStoredCorpus(db, bundledSeeds())).corpus.size).toBe(bundledSeeds().size);

  expect(await reconcile(db, bundledSeeds())).toBe(true);
  const manifest = await readManifest(db);
  expect(segmentsOf(manifest, imported.id).map((s) => [s.kind, s.articles])).toEqual([['import', 2]]);
  expect(segmentsOf(manifest, FEEDS_CORPUS_ID).map((s) => [s.kind, s.articles])).toEqual([['feeds', 2]]);
  // The import's records stay (the user's own data); the feeds' records were only v1's way of storing them.
  expect(await db.get('records', imported.id)).toBeDefined();
  expect(await db.get('records', FEEDS_CORPUS_ID)).toBeUndefined();
  expect((await readFeedArticles(db, manifest)).map((a) => [a.id, a.feedUrl, a.fetchedAt])).toEqual(feedArticles.map((a) => [a.id, FEED_A, a.fetchedAt]));
  expect((await listStoredCorpora(db)).map((c) => [c.id, c.summary.articles])).toEqual([
    [imported.id, 2],
    [FEEDS_CORPUS_ID, 2],
  ]);

  const corpus = (await openStoredCorpus(db, bundledSeeds())).corpus;
  expect(corpus.size).toBe(bundledSeeds().size + 4);
  const indices = [0, 1, 2, 3].map((n) => corpus.indexOf(feedRecord(n).id));
  await corpus.loadArticles(indices);
  indices.forEach((index, n) => expect(corpus.text(index)).toBe(feedRecord(n).text));

  // Once migrated, opening again compiles nothing.
  expect(await reconcile(db, bundledSeeds())).toBe(false);
  expect(await readManifest(db)).toEqual(manifest);
});

test('an import whose segment was compiled with another corpus format is compiled again from its records', async () => {
  await writeVersion1();
  const db = await openCorporaDb();
  await reconcile(db, bundledSeeds());
  const manifest = await readManifest(db);
  const stale = { ...manifest, segments: manifest.segments.map((s) => ({ ...s, format: 'an older format' })) };
  await db.put('manifest', stale);
  expect((await openStoredCorpus(db, bundledSeeds())).unreadable).toHaveLength(2);

  expect(await reconcile(db, bundledSeeds())).toBe(true);
  const after = await readManifest(db);
  // The import is back from its records; the feeds' segment, whose text was nowhere else, is dropped (the next refresh refills it).
  expect(after.segments.map((s) => [s.source, s.articles])).toEqual([[imported.id, 2]]);
  expect(after.segments[0]!.id).not.toBe(segmentsOf(manifest, imported.id)[0]!.id);
  const opened = await openStoredCorpus(db, bundledSeeds());
  expect(opened.unreadable).toEqual([]);
  expect(opened.corpus.indexOf(feedRecord(1).id)).toBeGreaterThan(-1);
});
