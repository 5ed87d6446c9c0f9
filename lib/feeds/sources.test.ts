import { describe, expect, test } from 'vitest';
import type { RefreshResult } from './refresh';
import { addSource, applyRetention, DEFAULT_FEED_SETTINGS, mergeRefresh, originPattern, parseFeedSettings, toCorpusRecord, withCurrentRetentionDefaults, type FeedArticle, type SourceState } from './sources';

const NOW = new Date('2025-06-10T12:00:00Z');
const article = (id: string, published: string | undefined, feedUrl = 'http://127.0.0.1:9/a.xml', fetchedAt = '2025-06-09T08:00:00Z'): FeedArticle => ({
  id,
  outlet: 'X',
  text: `text of ${id}`,
  ...(published ? { published } : {}),
  feedUrl,
  fetchedAt,
});

describe('addSource', () => {
  test('adds a web feed once, with a message for anything else', () => {
    const one = addSource([], { url: ' http://127.0.0.1:9/a.xml ', title: ' Gazette ' }, NOW);
    expect(one).toEqual([{ url: 'http://127.0.0.1:9/a.xml', title: 'Gazette', addedAt: NOW.toISOString(), lastFetched: null, lastAdded: 0, articles: 0, lastError: null, lastFailures: [] }]);
    expect(addSource(one as SourceState[], { url: 'http://127.0.0.1:9/a.xml#x' }, NOW)).toBe('You already follow this feed.');
    expect(addSource([], { url: 'feed://example/a' }, NOW)).toMatch(/is not a web address/);
  });

  test('permission pattern covers the feed host on any port', () => {
    expect(originPattern('https://news.example.com:8443/feed.xml')).toBe('https://news.example.com/*');
    expect(originPattern('http://127.0.0.1:4000/feeds/a.xml')).toBe('http://127.0.0.1/*');
  });
});

describe('parseFeedSettings', () => {
  test('by default: refresh on demand, keep two weeks and at most 40,000 articles', () => {
    expect(parseFeedSettings(undefined)).toEqual({ intervalMinutes: 0, retentionDays: 14, maxArticles: 40_000 });
  });

  test.each([
    [undefined, DEFAULT_FEED_SETTINGS],
    [{ intervalMinutes: 60, retentionDays: 7, maxArticles: 500 }, { intervalMinutes: 60, retentionDays: 7, maxArticles: 500 }],
    [{ intervalMinutes: 61, retentionDays: 0, maxArticles: 'many' }, DEFAULT_FEED_SETTINGS],
  ])('%j', (input, expected) => {
    expect(parseFeedSettings(input)).toEqual(expected);
  });
});

describe('withCurrentRetentionDefaults', () => {
  test.each([
    ['the former defaults: the current ones', { intervalMinutes: 0, retentionDays: 30, maxArticles: 2000 }, { intervalMinutes: 0, retentionDays: 14, maxArticles: 40_000 }],
    ['the former defaults with an interval: the interval kept', { intervalMinutes: 180, retentionDays: 30, maxArticles: 2000 }, { intervalMinutes: 180, retentionDays: 14, maxArticles: 40_000 }],
    ['30 days with another cap: the user\'s', { intervalMinutes: 0, retentionDays: 30, maxArticles: 5000 }, null],
    ['2,000 articles with another window: the user\'s', { intervalMinutes: 0, retentionDays: 7, maxArticles: 2000 }, null],
    ['the current defaults: nothing to do', DEFAULT_FEED_SETTINGS, null],
    ['nothing stored', undefined, null],
    ['not settings', '30 days', null],
  ])('%s', (_, stored, expected) => {
    expect(withCurrentRetentionDefaults(stored)).toEqual(expected);
  });
});

describe('applyRetention', () => {
  test('drops articles older than the window, by publication day or else fetch day', () => {
    const articles = [article('new', '2025-06-09'), article('old', '2025-05-01'), article('undated-recent', undefined), article('undated-old', undefined, 'f', '2025-04-01T00:00:00Z')];
    const { kept, evicted } = applyRetention(articles, { ...DEFAULT_FEED_SETTINGS, retentionDays: 30 }, NOW);
    expect(kept.map((a) => a.id)).toEqual(['new', 'undated-recent']);
    expect(evicted.map((a) => a.id)).toEqual(['old', 'undated-old']);
  });

  test('keeps the newest articles up to the size cap, in their stored order', () => {
    const articles = [article('a', '2025-06-01'), article('b', '2025-06-05'), article('c', '2025-06-03'), article('d', '2025-06-04')];
    const { kept } = applyRetention(articles, { ...DEFAULT_FEED_SETTINGS, maxArticles: 2 }, NOW);
    expect(kept.map((a) => a.id)).toEqual(['b', 'd']);
  });
});

describe('mergeRefresh', () => {
  const sources: SourceState[] = [
    { url: 'http://127.0.0.1:9/a.xml', addedAt: '', lastFetched: null, lastAdded: 0, articles: 1, lastError: null, lastFailures: [] },
    { url: 'http://127.0.0.1:9/b.xml', title: 'B', addedAt: '', lastFetched: null, lastAdded: 0, articles: 0, lastError: 'old error', lastFailures: [] },
  ];
  const result: RefreshResult = {
    records: [{ id: 'n1', outlet: 'A', url: 'http://127.0.0.1:9/n1', published: '2025-06-10', text: 'new' }],
    feeds: [
      {
        url: 'http://127.0.0.1:9/a.xml', title: 'Feed A', status: 'fetched', validators: { etag: '"1"' }, added: 1, skipped: 0, failed: 1,
        items: [
          { url: 'http://127.0.0.1:9/n1', title: null, status: 'added', id: 'n1' },
          { url: 'http://127.0.0.1:9/n2', title: null, status: 'failed', reason: 'HTTP 404 Not Found' },
        ],
      },
      { url: 'http://127.0.0.1:9/b.xml', title: null, status: 'failed', error: 'HTTP 500 (3 attempts)', items: [], added: 0, skipped: 0, failed: 0 },
    ],
  };

  test('adds new articles to their feed, records status per feed, and drops articles of feeds no longer followed', () => {
    const stored = [article('kept', '2025-06-08'), article('gone', '2025-06-08', 'http://127.0.0.1:9/removed.xml')];
    const merged = mergeRefresh(stored, result, sources, DEFAULT_FEED_SETTINGS, NOW);
    expect(merged.articles.map((a) => [a.id, a.feedUrl])).toEqual([
      ['kept', 'http://127.0.0.1:9/a.xml'],
      ['n1', 'http://127.0.0.1:9/a.xml'],
    ]);
    expect(merged.evicted).toBe(1);
    expect(merged.sources[0]).toMatchObject({ title: 'Feed A', articles: 2, lastAdded: 1, lastError: null, lastFetched: NOW.toISOString(), validators: { etag: '"1"' }, lastFailures: [{ url: 'http://127.0.0.1:9/n2', reason: 'HTTP 404 Not Found' }] });
    expect(merged.sources[1]).toMatchObject({ title: 'B', articles: 0, lastAdded: 0, lastError: 'HTTP 500 (3 attempts)' });
    expect(toCorpusRecord(merged.articles[1]!)).toEqual(result.records[0]);
  });
});
