import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFeedServer, type FeedServer } from '../../tests/feeds/server';
import { startRecorder, type Recorder } from '../../tests/feeds/recorder';
import { createFetcher } from './fetch/fetcher';
import { feedHostPolicy } from './fetch/host-policy';
import { parseFeedList } from './feed-list';
import { articleId, refreshFeeds, type FeedReport, type RefreshProgress } from './refresh';
import type { FeedSource } from './types';

let server: FeedServer;
let feeds: FeedSource[];
beforeAll(async () => {
  server = await startFeedServer({ slowMs: 60_000, hugeBytes: 6 * 1024 * 1024 });
  feeds = parseFeedList(await server.render('feeds.opml')).feeds;
});
afterAll(() => server.close());

const fetcher = () => createFetcher({ timeoutMs: 1_000, retries: 1, backoffMs: 5 });
const page = (path: string) => server.url(`/pages/${path}`);
const byFeed = (reports: FeedReport[], title: string) => reports.find((r) => r.title === title)!;
const items = (report: FeedReport) => report.items.map((i) => [i.url.replace(server.origin, ''), i.status, i.reason ?? i.nearDuplicate?.kind ?? '']);

const GOOD = [
  'gazette/bridge-closed.html',
  'gazette/wire-ferry.html',
  'gazette/library-reopens.html',
  'gazette/council-vote.html',
  'gazette/old-news.html',
  'valley/bridge-cracks.html',
  'valley/wire-ferry.html',
  'bay/ferry-schedule.html',
];

describe('refreshFeeds against the fixture feed server', () => {
  test('first run: every good article once, every bad one reported with its reason', async () => {
    const events: RefreshProgress[] = [];
    const { records, feeds: reports } = await refreshFeeds({ feeds, fetcher: fetcher(), onProgress: (p) => events.push(p) });

    expect(records.map((r) => r.url)).toEqual(GOOD.map(page));
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(records[0]).toMatchObject({
      id: articleId(page('gazette/bridge-closed.html')),
      outlet: 'Harbor Gazette',
      title: 'Harbor Bridge closed indefinitely after inspectors find cracks in main girder',
    });
    expect(records[0]!.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(records[0]!.text.split('\n\n')).toHaveLength(6);
    expect(records.find((r) => r.url === page('valley/bridge-cracks.html'))?.outlet).toBe('The Valley Times');

    expect(items(byFeed(reports, 'Harbor Gazette'))).toEqual([
      ['/pages/gazette/bridge-closed.html', 'added', ''],
      ['/pages/gazette/wire-ferry.html', 'added', ''],
      ['/pages/gazette/library-reopens.html', 'added', ''],
      ['/pages/gazette/council-vote.html', 'added', ''],
      ['/pages/gazette/missing.html', 'failed', 'HTTP 404 Not Found'],
      ['/pages/gazette/slow.html', 'failed', 'timed out after 1 s (2 attempts)'],
      ['/pages/gazette/huge.html', 'failed', 'too large: 6 MB, the limit is 5 MB'],
      ['/pages/gazette/sections.html', 'failed', 'the page does not look like an article (no substantial body text)'],
      ['/pages/gazette/old-news.html', 'added', ''],
    ]);
    expect(items(byFeed(reports, 'The Valley Times'))).toEqual([
      ['/pages/valley/bridge-cracks.html', 'added', ''],
      ['/pages/valley/wire-ferry.html', 'added', 'syndicated'],
      ['/pages/gazette/library-reopens.html?utm_source=valley-times', 'skipped', 'also in Harbor Gazette'],
    ]);
    expect(byFeed(reports, 'The Valley Times').items[1]!.nearDuplicate).toMatchObject({ id: articleId(page('gazette/wire-ferry.html')), outlet: 'Harbor Gazette' });
    const bay = byFeed(reports, 'Bay Daily');
    expect(items(bay)).toEqual([
      ['/pages/bay/ferry-schedule.html', 'skipped', 'repeated in the feed'],
      ['/pages/bay/ferry-schedule.html#updated', 'skipped', 'repeated in the feed'],
      ['/pages/bay/ferry-schedule.html', 'added', ''],
      ['/pages/gazette/bridge-closed.html', 'skipped', 'also in Harbor Gazette'],
    ]);
    expect(bay).toMatchObject({ added: 1, skipped: 3, failed: 0, status: 'fetched' });
    expect(byFeed(reports, 'Broken Feed Weekly')).toMatchObject({ status: 'failed', added: 0, items: [] });
    expect(byFeed(reports, 'Broken Feed Weekly').error).toMatch(/^the feed is not well-formed/);
    expect(byFeed(reports, 'Gone Gazette')).toMatchObject({ status: 'failed', error: 'HTTP 404 Not Found' });

    // A feed with failed items keeps no validators, so the next run fetches it again and retries them.
    expect(byFeed(reports, 'Harbor Gazette').validators).toBeUndefined();
    expect(byFeed(reports, 'The Valley Times').validators?.etag).toBeTruthy();
    expect(events.at(-1)).toEqual({ phase: 'done', done: 12, total: 12 });
    expect(events.filter((e) => e.phase === 'feeds').at(-1)).toEqual({ phase: 'feeds', done: 5, total: 5 });
  }, 30_000);

  test('incremental run: known URLs are skipped without fetching them, unchanged feeds are not downloaded again', async () => {
    const first = await refreshFeeds({ feeds, fetcher: fetcher() });
    const validators = Object.fromEntries(first.feeds.filter((f) => f.validators).map((f) => [f.url, f.validators!]));
    const before = server.requests.length;
    const second = await refreshFeeds({ feeds, fetcher: fetcher(), known: first.records, feedValidators: validators });
    const requested = server.requests.slice(before).map((r) => `${r.status} ${r.path}`);

    expect(second.records).toEqual([]);
    expect(byFeed(second.feeds, 'The Valley Times')).toMatchObject({ status: 'not-modified', items: [] });
    expect(byFeed(second.feeds, 'Bay Daily').status).toBe('not-modified');
    const gazette = byFeed(second.feeds, 'Harbor Gazette');
    expect(gazette.status).toBe('fetched');
    const known = (name: string) => `already in the corpus (${articleId(page(`gazette/${name}.html`))})`;
    // The redirected item is fetched again (its feed URL is not the article's URL), then recognised.
    const moved = `redirects to ${page('gazette/council-vote.html')}, ${known('council-vote')}`;
    expect(gazette.items.filter((i) => i.status === 'skipped').map((i) => i.reason)).toEqual([
      known('bridge-closed'), known('wire-ferry'), known('library-reopens'), moved, known('old-news'),
    ]);
    expect(gazette.items.filter((i) => i.status === 'failed')).toHaveLength(4);
    expect(requested.filter((r) => r.includes('/pages/') && !/(missing|slow|huge|sections|moved|council-vote)\.html/.test(r))).toEqual([]);
    expect(requested).toContain('304 /feeds/valley.atom');
  }, 30_000);

  test('--since skips older items by their feed date without fetching them', async () => {
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const before = server.requests.length;
    const { records, feeds: reports } = await refreshFeeds({ feeds: feeds.slice(0, 1), fetcher: fetcher(), since });
    expect(records.map((r) => r.url)).not.toContain(page('gazette/old-news.html'));
    expect(byFeed(reports, 'Harbor Gazette').items.at(-1)?.reason).toMatch(new RegExp(`^published \\d{4}-\\d{2}-\\d{2}, before ${since}$`));
    expect(server.requests.slice(before).some((r) => r.path.includes('old-news'))).toBe(false);
  }, 30_000);

  test('the same article already in the corpus under another URL is not added twice', async () => {
    const first = await refreshFeeds({ feeds: feeds.slice(0, 1), fetcher: fetcher() });
    const wire = first.records.find((r) => r.url?.endsWith('wire-ferry.html'))!;
    const known = [{ ...wire, id: 'archived-copy', url: 'http://127.0.0.1:1/archive/ferry' }];
    const second = await refreshFeeds({ feeds: feeds.slice(0, 1), fetcher: fetcher(), known });
    expect(second.records.map((r) => r.url)).not.toContain(wire.url);
    expect(byFeed(second.feeds, 'Harbor Gazette').items.find((i) => i.url === wire.url)?.reason).toBe('same text as archived-copy (Harbor Gazette)');
  }, 30_000);
});

describe('a hostile feed whose links and redirect lead to other hosts on this machine', () => {
  let hostile: FeedServer;
  let elsewhere: Recorder;
  beforeAll(async () => {
    elsewhere = await startRecorder();
    hostile = await startFeedServer({ elsewhere: elsewhere.origin });
  });
  afterAll(async () => {
    await hostile.close();
    await elsewhere.close();
  });

  test('with the followed feeds\' host policy every such item fails with the reason, and nothing reaches those hosts', async () => {
    const feed = hostile.url('/feeds/elsewhere.xml');
    const guarded = createFetcher({ timeoutMs: 1_000, retries: 0, policy: feedHostPolicy([feed]) });
    const { records, feeds: [report] } = await refreshFeeds({ feeds: [{ url: feed }], fetcher: guarded });
    expect(records).toEqual([]);
    const other = new URL(elsewhere.origin).host;
    const served = new URL(hostile.origin).port;
    expect(report!.items.map((i) => [i.status, i.reason])).toEqual([
      ['skipped', 'link is not a web page (file:///etc/passwd)'],
      ['failed', `refused: ${other} is on your own machine or network, and no feed you follow is at ${elsewhere.origin}`],
      ['failed', `refused: localhost:${served} is on your own machine or network, and no feed you follow is at http://localhost:${served}`],
      ['failed', `redirect refused: ${hostile.url('/pages/gazette/to-elsewhere.html')} redirects to ${elsewhere.origin}/pages/gazette/council-vote.html; ${other} is on your own machine or network, and no feed you follow is at ${elsewhere.origin}`],
    ]);
    expect(elsewhere.requests).toEqual([]);
    expect(hostile.requests.map((r) => `${r.headers.host} ${r.path}`)).toEqual([`127.0.0.1:${served} /feeds/elsewhere.xml`, `127.0.0.1:${served} /pages/gazette/to-elsewhere.html`]);
  });
});
