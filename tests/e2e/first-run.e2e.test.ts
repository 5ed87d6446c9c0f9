// From install to coverage, as a new reader: the first-run page opens by itself, nothing is
// fetched until the reader chooses sources, one permission request covers the chosen feeds, the
// first refresh shows its progress and reports each bad feed, then an article of the seed story
// ends `ready` with highlights and the popup shows the coverage spectrum. Light and dark, both
// browsers, everything on 127.0.0.1.
//
// The copy of the build under test differs from the shipped one in three ways, all because the
// test has no internet: the chosen outlets' feed addresses in the directory point at the fixture
// server; http://127.0.0.1/* is granted up front (automation cannot answer a permission prompt;
// see feeds.e2e.test.ts); the bundled corpus is a small unrelated one (tests/fixtures/import),
// so that all coverage of the seed story comes from the feeds the reader chose.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Browser as PuppeteerBrowser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useModelFiles } from '../../lib/cli/model-files';
import { compileCorpus } from '../../lib/corpus/compile';
import { serializeCorpus } from '../../lib/corpus/format';
import type { CorpusRecord } from '../../lib/corpus/schema';
import { DIRECTORY } from '../../lib/outlets/directory';
import { BROWSERS, extensionDir, FIXTURES_DIR, startFixtureServer, type BrowserName, type FixtureServer, type TestPage } from './harness';
import { useExtensionSession, type ExtensionSession } from './harness/session';
import { probeFor } from './in-page-probe';
import { axeViolations, findTabId } from './popup-options.helpers';

const FEEDS = join(FIXTURES_DIR, 'first-run');
/** The outlets the reader chooses, and where their feed is on the fixture server. */
const CHOSEN: Record<string, (origin: string) => string> = {
  nyt: (o) => `${o}/first-run/feeds/nyt.rss`,
  newyorker: (o) => `${o}/first-run/feeds/newyorker.atom`,
  nbc: (o) => `${o}/first-run/feeds/nbc.rss`,
  folha: (o) => `${o}/first-run/feeds/folha.rss`,
  // Not a feed: a web page.
  fox: (o) => `${o}/seed/unrelated.html`,
  // A host that refuses connections (a port nothing listens on any more).
  tass: () => `http://127.0.0.1:${closedPort}/rss/v2.xml`,
};
const FEED_TYPES: Record<string, string> = { 'nyt.rss': 'application/rss+xml; charset=utf-8', 'newyorker.atom': 'application/atom+xml', 'nbc.rss': 'text/xml', 'folha.rss': 'application/rss+xml' };
const ARTICLE = '/seed/nbc-002.html';
let closedPort = 0;
const POPUP = { width: 420, height: 640 };

const jsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : [];
  });

/** Fills `copy` with the build for `name`, changed as the header says. */
function prepareBuild(name: BrowserName, copy: string, origin: string): void {
  cpSync(extensionDir(name), copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  // The import fixture holds a few deliberately broken lines (for the import tests): the good ones only.
  const records = readFileSync(join(FIXTURES_DIR, 'import/eastport-flood.jsonl'), 'utf8').trim().split('\n').flatMap((line) => {
    try {
      const record = JSON.parse(line) as CorpusRecord;
      return typeof record.id === 'string' && typeof record.text === 'string' && record.text.length > 200 && record.outlet !== undefined ? [record] : [];
    } catch {
      return [];
    }
  });
  // The corpus carries sentence vectors: compile it with the model the extension ships.
  useModelFiles();
  writeFileSync(join(copy, 'corpus.bin'), serializeCorpus(compileCorpus(records, { name: 'eastport fixture' })));
  const swaps = Object.entries(CHOSEN).map(([id, to]) => [DIRECTORY.outlets.find((o) => o.id === id)!.feeds[0]!.url, to(origin)] as const);
  let swapped = 0;
  for (const file of jsFiles(copy)) {
    let code = readFileSync(file, 'utf8');
    for (const [from, to] of swaps) if (code.includes(from)) {
      code = code.split(from).join(to);
      swapped += 1;
    }
    writeFileSync(file, code);
  }
  if (swapped < swaps.length) throw new Error('the outlet directory was not found in the build');
}

async function openTabUrls(session: ExtensionSession): Promise<string[]> {
  if (session.browser.name === 'chromium') return (session.browser.raw as BrowserContext).pages().map((p) => p.url());
  // Over BiDi a tab the extension navigated may still report about:blank: ask its document.
  const pages = await (session.browser.raw as PuppeteerBrowser).pages();
  const within = <T,>(ms: number, work: Promise<T>) => Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), ms))]);
  return Promise.all(pages.map((p) => within(2_000, p.evaluate(() => location.href)).catch(() => p.url())));
}

const text = (page: TestPage, selector: string) => page.evaluate((s) => (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim(), selector);

describe.each(BROWSERS.flatMap((name) => (['light', 'dark'] as const).map((scheme) => [name, scheme] as const)))('first run in %s, %s', (name, scheme) => {
  let server: FixtureServer;
  const copy = mkdtempSync(join(tmpdir(), `parallax-first-run-${name}-`));
  beforeAll(async () => {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((done) => probe.close(done));
    server = await startFixtureServer([FIXTURES_DIR], Object.fromEntries(Object.entries(FEED_TYPES).map(([file, type]) => [`/first-run/feeds/${file}`, () => ({ type, body: readFileSync(join(FEEDS, file)) })])));
    // Not built for this browser: let the harness report it when the session starts.
    if (existsSync(join(extensionDir(name), 'manifest.json'))) prepareBuild(name, copy, server.origin);
  });
  afterAll(() => server?.close());
  const session = useExtensionSession(name, { launch: { extensionDir: copy, colorScheme: scheme } });

  test('install → first-run page → choose → progress → a seed-story article ready with the spectrum', async () => {
    // The first-run page opened by itself on install, and nothing was fetched.
    const welcomeUrl = session.browser.extensionUrl('welcome.html');
    const deadline = Date.now() + 15_000;
    while (!(await openTabUrls(session)).includes(welcomeUrl) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 200));
    expect(await openTabUrls(session)).toContain(welcomeUrl);

    const welcome = await session.open(welcomeUrl);
    await welcome.waitForSelector('[data-testid="outlet-choice"]');
    expect(await text(welcome, 'h1')).toBe('Welcome to Parallax');
    expect(await text(welcome, '.privacy')).toContain('Nothing about the pages you read ever leaves your browser');
    // Every choosable outlet is a checkbox whose accessible label is its name.
    const choices = await welcome.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => ({ id: box.dataset.outlet, label: box.labels?.[0]?.textContent ?? '', checked: box.checked })),
    );
    const followable = DIRECTORY.outlets.filter((o) => o.feeds.length);
    expect(choices.map((c) => c.label).sort()).toEqual(followable.map((o) => o.name).sort());
    expect(choices.filter((c) => c.checked).map((c) => c.id).sort()).toEqual(followable.filter((o) => o.starter).map((o) => o.id).sort());
    expect(await axeViolations(welcome)).toEqual([]);
    await welcome.screenshot(`first-run-${scheme}`, { fullPage: false });

    await new Promise((done) => setTimeout(done, 1_000));
    expect(server.requests).toEqual([]);

    // The seed story is from April 2018; Sources keeps 14 days of articles unless told otherwise
    // (today's feeds would bring today's news). Keep ten years, in the options as a reader would.
    const options = await session.openOptions();
    await options.waitForSelector('#feeds-retention');
    // The field can render before the stored settings arrive and be reset by them (seen in
    // Firefox): set it again until it holds.
    await options.waitFor(() => {
      const input = document.querySelector<HTMLInputElement>('#feeds-retention')!;
      if (input.value === '3650') return true;
      input.value = '3650';
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return false;
    });

    // The reader changes the selection to six outlets (two of which are broken here).
    await welcome.click('[data-testid="choose-none"]');
    for (const id of Object.keys(CHOSEN)) await welcome.click(`[data-outlet="${id}"]`);
    expect(await text(welcome, '[data-testid="follow"]')).toBe('Follow 6 outlets and fetch their news');
    expect(server.requests).toEqual([]);
    await welcome.click('[data-testid="follow"]');

    // Progress is visible, then the report: every good feed's articles, every bad input with its reason.
    await welcome.waitForSelector('[data-testid="refresh-progress"]');
    await welcome.waitFor(() => document.querySelector<HTMLElement>('[data-testid="refresh-progress"]')?.dataset.phase === 'done', undefined, 90_000);
    await welcome.evaluate(() => document.querySelector('[data-testid="first-refresh"]')?.scrollIntoView());
    await welcome.screenshot(`first-run-refreshed-${scheme}`);
    expect(await text(welcome, '[data-testid="refresh-summary"]')).toBe('Feeds fetched: 4 of 6. Articles added: 4. Problems: 2 feeds, 1 article (below).');
    expect(server.requests.filter((path) => path.startsWith('/seed/') || path.startsWith('/feeds/')).sort()).toEqual(
      ['/feeds/pages/gazette/sections.html', '/seed/nbc-002.html', '/seed/newyorker-004.html', '/seed/nyt-001.html', '/seed/unrelated.html', '/seed/unrelated.html'],
    );
    const rows = await welcome.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="refresh-feed"]')].map((li) => [li.querySelector('strong')?.textContent, li.dataset.status, (li.textContent ?? '').replace(/\s+/g, ' ')]),
    );
    expect(rows.map(([outlet, status]) => [outlet, status])).toEqual([
      ['TASS', 'failed'],
      ['The New York Times', 'fetched'],
      ['NBC News', 'fetched'],
      ['The New Yorker', 'fetched'],
      ['Fox News', 'failed'],
      ['Folha de S.Paulo', 'fetched'],
    ]);
    expect(rows[0]![2]).toMatch(/failed: network error: .+\(3 attempts\)/);
    expect(rows[4]![2]).toContain('failed: not a feed (text/html)');
    expect(rows[2]![2]).toMatch(/\+1 article.*sections\.html: the page does not look like an article/);
    expect(rows.filter(([, , line]) => line!.includes('+1 article')).length).toBe(4);
    // FeedBurner's proxy link was never fetched: the article was taken at its origLink.
    expect(server.requests.some((path) => path.includes('feedproxy'))).toBe(false);

    // The seed story's NBC article: ready, highlighted, and the spectrum in the popup.
    const page = await session.open(server.url(ARTICLE));
    await page.waitFor(() => ['ready', 'no-coverage', 'no-article', 'error'].includes(document.documentElement.dataset.parallaxState ?? ''), undefined, 30_000);
    expect(await page.evaluate(() => document.documentElement.dataset.parallaxState)).toBe('ready');
    // Highlights live in Parallax's closed layer (the page cannot list them): asked from an extension page.
    const drawn = await probeFor(session, page, server.url(ARTICLE)).waitFor((view) => view.highlights.some((h) => h.kind === 'shared'));
    expect(drawn.highlights.filter((h) => h.kind === 'shared').length).toBeGreaterThan(0);

    const popup = await session.openPopup();
    const tabId = await findTabId(popup, server.url(ARTICLE));
    await popup.setViewport(POPUP.width, POPUP.height);
    await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.waitForSelector('[data-testid="spectrum"]', 30_000);
    const counts = await popup.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.spectrum-side')].map((li) => [li.dataset.side, Number(li.dataset.count)])));
    // The New York Times covered the same event; The New Yorker's report came out a month later
    // (4 May 2018, as its feed says): a follow-up in the timeline, not coverage of this event.
    expect(counts).toEqual({ left: 1, center: 0, right: 0, unrated: 0 });
    expect(await popup.evaluate(() => [...document.querySelectorAll('[data-testid="spectrum-missing"]')].map((p) => p.textContent))).toEqual([
      'No centre outlet in your sources covered this.',
      'No right-leaning outlet in your sources covered this.',
    ]);
    expect(await text(popup, '[data-testid="spectrum-credit"]')).toContain('AllSides.com (CC BY-NC 4.0), as of October 2019');
    expect(await text(popup, '.eyebrow')).toContain('NBC News');
    await popup.screenshot(`spectrum-${scheme}`);
    await popup.click('#tab-related');
    await popup.waitForSelector('[data-testid="timeline"] [data-testid="related"]');
    const timeline = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid="related"]')].map((li) => [li.querySelector('.timeline-outlet')?.textContent, li.querySelector('[data-testid="related-when"]')?.textContent]),
    );
    expect(timeline).toContainEqual(['The New Yorker', '32 days later']);
  }, 240_000);
});
