// Sources end to end: follow the fixture news site's feeds in the options page, refresh, and find
// every good article in the "Followed feeds" corpus, every bad one reported per feed, nothing
// twice. The feed server is on 127.0.0.1 like every fixture; nothing leaves the machine. The feed
// server is reachable only because the test follows feeds on that exact host; a hostile feed's
// links and redirect to other hosts on the machine must reach nothing.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, extensionDir, type TestPage } from './harness';
import { addFeed, buildWithLoopbackGranted, leftoverCopies } from './feeds.helpers';
import { useExtensionSession } from './harness/session';
import { findTabId, pickFile, seriousViolations, texts } from './popup-options.helpers';
import { startFeedServer, type FeedServer } from '../feeds/server';
import { startRecorder, type Recorder } from '../feeds/recorder';

const SETTLED = ['ready', 'no-coverage', 'no-article', 'error'];
async function pageState(page: TestPage): Promise<string> {
  await page.waitFor((settled) => settled.includes(document.documentElement.dataset.parallaxState ?? ''), SETTLED, 30_000);
  return page.evaluate(() => document.documentElement.dataset.parallaxState ?? '');
}

/** Another outlet's article on the feeds' story (it is in no feed). */
const READER_PAGE = '/pages/reader/bridge-story.html';

const FEEDS = ['/feeds/gazette.xml', '/feeds/valley.atom', '/feeds/bay-repeats.xml', '/feeds/broken.xml'];

interface FeedRow {
  url: string;
  articles: string;
  fetched: string;
  error: string | null;
  failures: string[];
  allowed: boolean;
}

function feedRows(options: TestPage): Promise<FeedRow[]> {
  return options.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="feed"]')].map((li) => ({
      url: li.dataset.url ?? '',
      articles: li.querySelector('[data-testid="feed-articles"]')?.textContent ?? '',
      fetched: li.querySelector('[data-testid="feed-fetched"]')?.textContent ?? '',
      error: li.querySelector('[data-testid="feed-error"] summary')?.textContent ?? null,
      failures: [...li.querySelectorAll('[data-testid="feed-error"] li')].map((f) => f.textContent ?? ''),
      allowed: !li.querySelector('.tag-warn'),
    })),
  );
}

describe.each(BROWSERS)('Sources in %s', (name) => {
  let feeds: FeedServer;
  let elsewhere: Recorder;
  beforeAll(async () => {
    elsewhere = await startRecorder();
    feeds = await startFeedServer({ slowMs: 40_000, hugeBytes: 6 * 1024 * 1024, elsewhere: elsewhere.origin });
  });
  const extensionCopy = buildWithLoopbackGranted(name);
  // Registered before the session's, so it runs after the browser has closed (hooks run as a stack).
  afterAll(async () => {
    await feeds?.close();
    await elsewhere?.close();
    if (extensionCopy !== extensionDir(name)) rmSync(extensionCopy, { recursive: true, force: true });
    expect(leftoverCopies(name)).toEqual([]);
  });
  const session = useExtensionSession(name, { launch: { extensionDir: extensionCopy } });

  test('add feeds, refresh, and get every good article once with every failure reported', async () => {
    expect(await pageState(await session.open(feeds.url(READER_PAGE)))).toBe('no-coverage');
    const before = feeds.requests.length;

    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="sources"]');
    expect(await options.evaluate(() => document.querySelector('[data-testid="feeds-empty"]')?.textContent)).toBe('You follow no feeds yet.');
    for (const path of FEEDS) await addFeed(options, feeds.url(path));
    const rows = await feedRows(options);
    expect(rows.map((r) => r.url)).toEqual(FEEDS.map((p) => feeds.url(p)));
    expect(rows.every((r) => r.allowed)).toBe(true);
    // Following a feed fetches nothing until a refresh.
    expect(feeds.requests.length).toBe(before);

    await options.click('[data-testid="feeds-refresh"]');
    await options.waitFor(() => /Last refresh .*: \d+ new article/.test(document.querySelector('[data-testid="feeds-refresh-result"]')?.textContent ?? ''), undefined, 120_000);
    await options.evaluate(() => {
      document.querySelector('[data-testid="sources"]')?.scrollIntoView();
    });
    await options.screenshot('sources-after-refresh');
    expect(await seriousViolations(options, 'options-sources')).toEqual([]);

    const result = await options.evaluate(() => document.querySelector('[data-testid="feeds-refresh-result"]')?.textContent ?? '');
    expect(result).toMatch(/: 7 new articles\.$/);
    const after = await feedRows(options);
    // The gazette's old-news page is 30 days old: read and added, then past the 14-day retention window, so not kept.
    expect(after.map((r) => [r.articles, r.error])).toEqual([
      ['3 articles (+4 last time)', '5 articles could not be read'],
      ['2 articles (+2 last time)', null],
      ['1 article (+1 last time)', null],
      ['0 articles (+0 last time)', expect.stringMatching(/^the feed is not well-formed/)],
    ]);
    expect(after[0]!.failures.map((f) => f.replace(feeds.origin, ''))).toEqual([
      // The browser hides where a redirect leads, so the background cannot check the next host: refused.
      '/pages/gazette/moved.html: redirect refused: the browser does not say where it leads, so Parallax cannot check the next host and does not follow it',
      '/pages/gazette/missing.html: HTTP 404 Not Found',
      '/pages/gazette/slow.html: timed out after 15 s (3 attempts)',
      '/pages/gazette/huge.html: too large: 6 MB, the limit is 5 MB',
      '/pages/gazette/sections.html: the page does not look like an article (no substantial body text)',
    ]);
    expect(after.every((r) => r.fetched.startsWith('fetched '))).toBe(true);

    // Each page was fetched once (retries of the slow page never got an answer).
    const pageFetches = feeds.requests.slice(before).filter((r) => r.path.startsWith('/pages/') && r.status === 200).map((r) => r.path);
    expect(pageFetches.filter((p, i) => pageFetches.indexOf(p) !== i)).toEqual([]);
  }, 180_000);

  test('the fresh corpus matches a page about the feeds\' story; a removed feed takes its articles along', async () => {
    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="corpus-imported"][data-name="Followed feeds"]');
    expect((await texts(options, '[data-testid="corpus-imported"][data-name="Followed feeds"] .corpus-counts'))[0]).toMatch(/^6 articles\s*3 outlets/);

    const page = await session.open(feeds.url(READER_PAGE));
    expect(await pageState(page)).toBe('ready');
    const popup = await session.openPopup();
    const tabId = await findTabId(popup, feeds.url(READER_PAGE));
    await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    await popup.click('#tab-outlets');
    const outlets = await texts(popup, '[data-testid="outlet"] .outlet-name strong');
    expect(outlets).toEqual(expect.arrayContaining(['Harbor Gazette', 'The Valley Times']));
    await popup.screenshot('sources-story-matched');

    // OPML export lists every followed feed; importing it again adds nothing twice.
    const opml = await options.evaluate(() => decodeURIComponent((document.querySelector<HTMLAnchorElement>('[data-testid="opml-export"]')?.href ?? '').replace(/^data:[^,]*,/, '')));
    expect(opml.match(/xmlUrl="[^"]+"/g)).toEqual(FEEDS.map((p) => `xmlUrl="${feeds.url(p)}"`));
    await pickFile(options, '[data-testid="opml-file"]', 'parallax-sources.opml', opml);
    await options.waitFor(() => /Imported 0 feeds from parallax-sources\.opml \(4 skipped/.test(document.querySelector('[data-testid="sources-notice"]')?.textContent ?? ''));

    await options.click(`[data-testid="feed"][data-url="${feeds.url('/feeds/bay-repeats.xml')}"] .btn-danger`);
    await options.waitFor(() => document.querySelectorAll('[data-testid="feed"]').length === 3);
    await options.goto(session.browser.extensionUrl('options.html'));
    await options.waitFor(() => /^5 articles/.test(document.querySelector('[data-testid="corpus-imported"][data-name="Followed feeds"] .corpus-counts')?.textContent ?? ''), undefined, 30_000);
  }, 120_000);

  test('a feed whose links and redirect lead to other hosts on this machine reaches none of them, and each is reported', async () => {
    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="sources"]');
    // Only the hostile feed, so the refresh is quick and its report is the one read.
    const following = () => options.evaluate(() => document.querySelectorAll('[data-testid="feed"]').length);
    for (let count = await following(); count > 0; count = await following()) {
      await options.click('[data-testid="feed"] .btn-danger');
      await options.waitFor((before) => document.querySelectorAll('[data-testid="feed"]').length < before, count);
    }
    const feed = feeds.url('/feeds/elsewhere.xml');
    await addFeed(options, feed);
    const before = feeds.requests.length;
    await options.click('[data-testid="feeds-refresh"]');
    await options.waitFor((u) => (document.querySelector(`[data-testid="feed"][data-url="${u}"] [data-testid="feed-fetched"]`)?.textContent ?? '').startsWith('fetched '), feed, 60_000);
    const [row] = await feedRows(options);
    await options.screenshot('sources-hostile-feed');

    const other = new URL(elsewhere.origin);
    const localhost = feeds.origin.replace('127.0.0.1', 'localhost');
    expect(row!.error).toBe('3 articles could not be read');
    expect(row!.failures).toEqual([
      `${elsewhere.origin}/pages/gazette/council-vote.html: refused: ${other.host} is on your own machine or network, and no feed you follow is at ${elsewhere.origin}`,
      `${localhost}/pages/gazette/library-reopens.html: refused: ${new URL(localhost).host} is on your own machine or network, and no feed you follow is at ${localhost}`,
      `${feeds.url('/pages/gazette/to-elsewhere.html')}: redirect refused: the browser does not say where it leads, so Parallax cannot check the next host and does not follow it`,
    ]);
    // Nothing reached the other port, nor this server under another name.
    expect(elsewhere.requests).toEqual([]);
    expect(feeds.requests.slice(before).map((r) => `${r.headers.host} ${r.path}`)).toEqual([
      `${new URL(feeds.origin).host} /feeds/elsewhere.xml`,
      `${new URL(feeds.origin).host} /pages/gazette/to-elsewhere.html`,
    ]);
  }, 120_000);
});
