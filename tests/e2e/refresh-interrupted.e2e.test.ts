// A feed refresh cut short by the browser stopping (closed while the refresh waits on a slow
// page) leaves the corpus the user had: after a restart the followed feeds' articles are all
// still listed and searched, the refresh is reported as interrupted, and the next refresh works.
// (Being stopped between writing a new segment and switching the manifest is tested with a Node
// IndexedDB in utils/corpus-storage/interrupted.test.ts; a browser cannot be stopped at that
// exact point from outside.)
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, extensionDir, type TestPage } from './harness';
import { useExtensionSession } from './harness/session';
import { addFeed, buildWithLoopbackGranted, leftoverCopies } from './feeds.helpers';
import { startFeedServer, type FeedServer } from '../feeds/server';

const READER_PAGE = '/pages/reader/bridge-story.html';
const GAZETTE = '/feeds/gazette.xml';
const VALLEY = '/feeds/valley.atom';
const FEEDS_ROW = '[data-testid="corpus-imported"][data-name="Followed feeds"] .corpus-counts';

async function pageState(page: TestPage): Promise<string> {
  await page.waitFor(() => ['ready', 'no-coverage', 'no-article', 'error'].includes(document.documentElement.dataset.parallaxState ?? ''), undefined, 30_000);
  return page.evaluate(() => document.documentElement.dataset.parallaxState ?? '');
}

const refreshState = (page: TestPage) =>
  page.evaluate(async () => {
    type Local = { storage: { local: { get: (k: string) => Promise<Record<string, { running?: boolean; phase?: string; error?: string }>> } } };
    const g = globalThis as unknown as { browser?: Local; chrome?: Local };
    return (await (g.browser ?? g.chrome)!.storage.local.get('parallax.feeds.refresh'))['parallax.feeds.refresh'];
  });

/**
 * Waits until the stored refresh state is in `phase`. Polled from here: the harness's waitFor
 * takes a promise returned by the page's function as a truthy answer at once.
 */
async function refreshReaches(page: TestPage, phase: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await refreshState(page)) as { phase?: string } | undefined;
    if (state?.phase === phase) return;
    if (Date.now() > deadline) throw new Error(`the refresh did not reach "${phase}" in ${timeoutMs} ms (last: ${JSON.stringify(state)})`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

describe.each(BROWSERS)('a refresh stopped half way in %s', (name) => {
  let feeds: FeedServer;
  // The gazette's slow page answers after a minute: long enough to stop the browser mid-refresh.
  beforeAll(async () => {
    feeds = await startFeedServer({ slowMs: 60_000 });
  });
  const extensionCopy = buildWithLoopbackGranted(name);
  afterAll(async () => {
    await feeds?.close();
    if (extensionCopy !== extensionDir(name)) rmSync(extensionCopy, { recursive: true, force: true });
    expect(leftoverCopies(name)).toEqual([]);
  });
  const session = useExtensionSession(name, { keepProfile: true, launch: { extensionDir: extensionCopy } });

  /** The Followed feeds row of the Corpora list, read from a fresh load of the options page. */
  async function feedsRow(options: TestPage): Promise<string> {
    await options.goto(session.browser.extensionUrl('options.html'));
    await options.waitForSelector(FEEDS_ROW, 30_000);
    return (await options.evaluate((s) => document.querySelector(s)?.textContent ?? '', FEEDS_ROW)).replace(/\s+/g, ' ');
  }

  test('the corpus from before the refresh stays, searched, and the next refresh completes', async () => {
    // The valley feed first: its three articles (one is the gazette's wire copy) are the corpus the user has.
    let options = await session.openOptions();
    await options.waitForSelector('[data-testid="sources"]');
    await addFeed(options, feeds.url(VALLEY));
    await options.click('[data-testid="feeds-refresh"]');
    await refreshReaches(options, 'done', 60_000);
    const before = await feedsRow(options);
    expect(before).toMatch(/^3 articles/);

    // Then the gazette, whose slow page holds the refresh in "articles" until the browser stops.
    await options.waitForSelector('[data-testid="sources"]');
    await addFeed(options, feeds.url(GAZETTE));
    await options.click('[data-testid="feeds-refresh"]');
    await refreshReaches(options, 'articles', 30_000);
    await session.restart();

    options = await session.openOptions();
    expect(await feedsRow(options)).toBe(before);
    // The restarted background says what happened to the refresh it never finished.
    await refreshReaches(options, 'failed', 30_000);
    expect(await refreshState(options)).toMatchObject({ running: false, phase: 'failed', error: expect.stringMatching(/^interrupted: the browser stopped/) });
    // The corpus is usable: the reader's page about the valley's story is matched.
    expect(await pageState(await session.open(feeds.url(READER_PAGE)))).toBe('ready');

    // And the next refresh adds the gazette's articles to it.
    await options.waitForSelector('[data-testid="sources"]');
    await options.click('[data-testid="feeds-refresh"]');
    await refreshReaches(options, 'done', 150_000);
    expect(Number((await feedsRow(options)).match(/^(\d+) articles/)?.[1])).toBeGreaterThan(3);
    expect(session.browser.errors).toEqual([]);
  }, 300_000);
});
