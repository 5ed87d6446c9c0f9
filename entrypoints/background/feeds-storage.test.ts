// The background's refresh end to end in Node: the fixture news site on 127.0.0.1, extension
// storage faked (wxt/testing), IndexedDB faked (fake-indexeddb). A refresh stores its new
// articles as one feeds segment that the background's corpus then searches.
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FEED_SETTINGS_KEY, FEEDS_CORPUS_ID, SOURCES_KEY, type SourceState } from '@/lib/feeds/sources';
import { createStoredCorpora, readManifest, storedArticles } from '@/utils/corpus-storage';
import { bundledSeeds, freshIndexedDb } from '@/utils/corpus-storage/test-corpora';
import { startFeedServer, type FeedServer } from '../../tests/feeds/server';
import { startFeeds } from './feeds';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({ slowMs: 100 });
});
afterAll(() => server.close());
beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  // The user allowed the feed's host (fake-browser has no permissions API of its own).
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const follow = (url: string): SourceState => ({ url, addedAt: '', lastFetched: null, lastAdded: 0, articles: 0, lastError: null, lastFailures: [] });

test('a refresh stores its new articles as a feeds segment, searched by the background; a refresh with nothing new stores nothing', async () => {
  const corpora = createStoredCorpora({ bundled: async () => bundledSeeds() });
  const feeds = startFeeds({ corpora, fetch: (url, init) => fetch(url, init) });
  await fakeBrowser.storage.local.set({ [SOURCES_KEY]: [follow(server.url('/feeds/valley.atom'))] });
  await settle();

  expect(await feeds.refresh()).toMatchObject({ phase: 'done', added: 3 });
  await settle();
  const manifest = await readManifest(await corpora.db());
  expect(manifest.segments.map((s) => [s.kind, s.source, s.articles])).toEqual([['feeds', FEEDS_CORPUS_ID, 3]]);
  expect(storedArticles(manifest)).toBe(3);
  const sources = (await fakeBrowser.storage.local.get(SOURCES_KEY))[SOURCES_KEY] as SourceState[];
  expect(sources.map((s) => [s.articles, s.lastAdded])).toEqual([[3, 3]]);
  const corpus = await corpora.current();
  expect(corpus.size).toBe(bundledSeeds().size + 3);
  const stored = Array.from({ length: 3 }, (_, i) => bundledSeeds().size + i);
  // A stored article's title and URL are in its index rows, read on demand.
  await corpus.loadIndex({ articles: stored });
  expect(stored.map((i) => corpus.article(i).outlet)).toEqual(['The Valley Times', 'The Valley Times', 'Harbor Gazette']);

  expect(await feeds.refresh()).toMatchObject({ phase: 'done', added: 0 });
  await settle();
  expect(await readManifest(await corpora.db())).toMatchObject({ segments: manifest.segments });

  // A one-day window set under Sources applies at once: the two-day-old article leaves, the feed's count follows.
  await fakeBrowser.storage.local.set({ [FEED_SETTINGS_KEY]: { intervalMinutes: 0, retentionDays: 1, maxArticles: 40_000 } });
  await settle();
  const shorter = await readManifest(await corpora.db());
  expect(storedArticles(shorter)).toBe(2);
  expect(((await fakeBrowser.storage.local.get(SOURCES_KEY))[SOURCES_KEY] as SourceState[]).map((s) => s.articles)).toEqual([2]);
  expect((await corpora.current()).size).toBe(bundledSeeds().size + 2);
});
