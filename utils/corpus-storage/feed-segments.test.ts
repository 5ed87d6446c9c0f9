// Feed refreshes stored as segments (fake-indexeddb): each refresh adds one segment of its new
// articles only; retention and unfollowing tombstone articles, never compile the rest again.
import { beforeEach, describe, expect, test } from 'vitest';
import { ArticlesNotLoadedError } from '@/lib/corpus';
import { DEFAULT_FEED_SETTINGS, FEEDS_CORPUS_ID } from '@/lib/feeds/sources';
import { openCorporaDb } from './db';
import { applyFeedRetention, dropUnfollowed, readFeedArticles, saveFeedRefresh } from './feed-segments';
import { liveCount, segmentsOf } from './manifest';
import { needsRefs } from './feed-refresh-plan';
import { openStoredCorpus } from './open';
import { readManifest } from './store';
import { bundledSeeds, liveIds, FEED_A, FEED_B, feedRecord, freshIndexedDb, NOW, refreshOf, source } from './test-corpora';

beforeEach(freshIndexedDb);


describe('a feed refresh stored as segments', () => {
  test('each refresh compiles only its new articles into one new segment; the corpus searches all of them', async () => {
    const db = await openCorporaDb();
    const bundled = bundledSeeds();
    const sources = [source(FEED_A)];
    const first = await saveFeedRefresh(db, { context: bundled, result: refreshOf([feedRecord(0), feedRecord(1)]), sources, settings: DEFAULT_FEED_SETTINGS, now: NOW });
    expect(first.added).toBe(2);
    expect(first.sources[0]).toMatchObject({ articles: 2, lastAdded: 2 });

    const context = (await openStoredCorpus(db, bundled)).corpus;
    const second = await saveFeedRefresh(db, { context, result: refreshOf([feedRecord(2)]), sources: first.sources, settings: DEFAULT_FEED_SETTINGS, now: NOW });
    expect(second.added).toBe(1);
    const manifest = await readManifest(db);
    const feeds = segmentsOf(manifest, FEEDS_CORPUS_ID);
    // One segment per refresh, sized by its own new articles: the first is not compiled again.
    expect(feeds.map((s) => s.articles)).toEqual([2, 1]);
    expect(feeds[0]!.id).toBe(first.manifest.segments[0]!.id);
    const opened = await openStoredCorpus(db, bundled);
    expect(liveIds(opened.corpus)).toEqual([...liveIds(bundled), feedRecord(0).id, feedRecord(1).id, feedRecord(2).id]);
    // Opening read each segment's index part only: an article's text is read from its block when asked for.
    const index = opened.corpus.indexOf(feedRecord(2).id);
    expect(() => opened.corpus.text(index)).toThrow(ArticlesNotLoadedError);
    await opened.corpus.loadArticles([index]);
    expect(opened.corpus.text(index)).toBe(feedRecord(2).text);
  });

  test('articles past retention become tombstones; a segment with none left is dropped with its parts', async () => {
    const db = await openCorporaDb();
    const bundled = bundledSeeds();
    const sources = [source(FEED_A)];
    const settings = { ...DEFAULT_FEED_SETTINGS, retentionDays: 14 };
    const old = await saveFeedRefresh(db, { context: bundled, result: refreshOf([feedRecord(0, 20), feedRecord(1, 3)]), sources, settings, now: new Date('2026-11-20T12:00:00Z') });
    const oldSegment = old.manifest.segments[0]!;
    expect(oldSegment.articles).toBe(2);

    // Twelve days later article 0 (published 20 days before NOW) is out of the window; article 1 stays.
    const next = await saveFeedRefresh(db, { context: (await openStoredCorpus(db, bundled)).corpus, result: refreshOf([feedRecord(2)]), sources, settings, now: NOW });
    expect(next.evicted).toBe(1);
    let manifest = await readManifest(db);
    expect(manifest.removed[oldSegment.id]).toEqual([feedRecord(0).id]);
    expect(liveCount(manifest, manifest.segments[0]!)).toBe(1);
    // The switch counted the tombstone out of the segment's summary: the next refresh counts it from there, unread.
    expect(manifest.segments[0]!.feeds).toEqual({ perFeed: { [FEED_A]: 1 }, oldestDay: feedRecord(1, 3).published, removedCounted: 1, pages: [{ articles: 2, oldestDay: feedRecord(1, 3).published }] });
    expect(needsRefs({ removed: manifest.removed[oldSegment.id]!, summary: manifest.segments[0]!.feeds! }, new Set([FEED_A]))).toBe(false);
    const opened = await openStoredCorpus(db, bundled);
    expect(opened.corpus.indexOf(feedRecord(0).id)).toBe(-1);
    expect(opened.corpus.indexOf(feedRecord(1).id)).toBeGreaterThan(-1);

    // A one-day window two days later keeps nothing: both segments have no live article and go, parts and all.
    await saveFeedRefresh(db, { context: opened.corpus, result: refreshOf([]), sources, settings: { ...settings, retentionDays: 1 }, now: new Date('2026-12-04T12:00:00Z') });
    manifest = await readManifest(db);
    expect(manifest.segments).toEqual([]);
    expect(await db.getAllKeys('parts')).toEqual([]);
  });

  test('unfollowing a feed tombstones its articles at once; the other feed keeps its own', async () => {
    const db = await openCorporaDb();
    const bundled = bundledSeeds();
    const result = refreshOf([feedRecord(0)], FEED_A);
    result.records.push(feedRecord(1));
    result.feeds.push({ url: FEED_B, title: null, status: 'fetched', items: [{ url: feedRecord(1).url!, title: null, status: 'added', id: feedRecord(1).id }], added: 1, skipped: 0, failed: 0 });
    const saved = await saveFeedRefresh(db, { context: bundled, result, sources: [source(FEED_A), source(FEED_B)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
    expect(saved.sources.map((s) => s.articles)).toEqual([1, 1]);

    expect(await dropUnfollowed(db, new Set([FEED_B]))).toBe(1);
    const manifest = await readManifest(db);
    expect((await readFeedArticles(db, manifest)).map((a) => [a.id, a.feedUrl])).toEqual([[feedRecord(1).id, FEED_B]]);
    const corpus = (await openStoredCorpus(db, bundled)).corpus;
    expect(corpus.indexOf(feedRecord(0).id)).toBe(-1);
    expect(corpus.indexOf(feedRecord(1).id)).toBeGreaterThan(-1);
  });
});

test('a shorter window applies at once: tombstones, and the count per feed after', async () => {
  const db = await openCorporaDb();
  const settings = DEFAULT_FEED_SETTINGS;
  await saveFeedRefresh(db, { context: bundledSeeds(), result: refreshOf([feedRecord(0, 10), feedRecord(1, 1)]), sources: [source(FEED_A)], settings, now: NOW });
  expect(await applyFeedRetention(db, settings, NOW)).toEqual({ removed: 0, perFeed: new Map([[FEED_A, 2]]) });
  expect(await applyFeedRetention(db, { ...settings, retentionDays: 7 }, NOW)).toEqual({ removed: 1, perFeed: new Map([[FEED_A, 1]]) });
  // Tombstoned outside a refresh: the summary counts fewer tombstones than the segment has, so the next refresh reads it whole.
  const manifest = await readManifest(db);
  const [segment] = manifest.segments;
  expect(needsRefs({ removed: manifest.removed[segment!.id]!, summary: segment!.feeds! }, new Set([FEED_A]))).toBe(true);
  const corpus = (await openStoredCorpus(db, bundledSeeds())).corpus;
  expect(corpus.indexOf(feedRecord(0).id)).toBe(-1);
  expect(corpus.indexOf(feedRecord(1).id)).toBeGreaterThan(-1);
});
