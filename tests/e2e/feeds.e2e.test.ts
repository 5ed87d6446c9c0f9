// Sources end to end: follow the fixture news site's feeds in the options page, refresh, and find
// every good article in the "Followed feeds" corpus, every bad one reported per feed, nothing
// twice. The feed server is on 127.0.0.1 like every fixture; nothing leaves the machine.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, extensionDir, type BrowserName, type TestPage } from './harness';
import { useExtensionSession } from './harness/session';
import { startFeedServer, type FeedServer } from '../feeds/server';

/**
 * The built extension with http://127.0.0.1/* already granted. Automation cannot answer the
 * browser's permission prompt (Playwright and puppeteer have no API for it), so the copy under
 * test holds the grant up front and `permissions.request` for the feed server's host resolves at
 * once; everything else is the shipped build.
 */
function buildWithLoopbackGranted(name: BrowserName): string {
  // Not built for this browser: let the harness report it when the session starts.
  if (!existsSync(join(extensionDir(name), 'manifest.json'))) return extensionDir(name);
  const copy = mkdtempSync(join(tmpdir(), `parallax-feeds-${name}-`));
  cpSync(extensionDir(name), copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return copy;
}

const FEEDS = ['/feeds/gazette.xml', '/feeds/valley.atom', '/feeds/bay-repeats.xml', '/feeds/broken.xml'];

async function addFeed(options: TestPage, url: string): Promise<void> {
  await options.evaluate((value) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="feed-url"]')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, url);
  await options.click('[data-testid="feed-add"]');
  await options.waitFor((u) => [...document.querySelectorAll('[data-testid="feed"]')].some((li) => (li as HTMLElement).dataset.url === u), url);
}

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
  beforeAll(async () => {
    feeds = await startFeedServer({ slowMs: 40_000, hugeBytes: 6 * 1024 * 1024 });
  });
  afterAll(() => feeds?.close());
  const session = useExtensionSession(name, { launch: { extensionDir: buildWithLoopbackGranted(name) } });

  test('add feeds, refresh, and get every good article once with every failure reported', async () => {
    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="sources"]');
    expect(await options.evaluate(() => document.querySelector('[data-testid="feeds-empty"]')?.textContent)).toBe('You follow no feeds yet.');
    for (const path of FEEDS) await addFeed(options, feeds.url(path));
    const rows = await feedRows(options);
    expect(rows.map((r) => r.url)).toEqual(FEEDS.map((p) => feeds.url(p)));
    expect(rows.every((r) => r.allowed)).toBe(true);
    expect(feeds.requests).toEqual([]);

    await options.click('[data-testid="feeds-refresh"]');
    await options.waitFor(() => /Last refresh .*: \d+ new article/.test(document.querySelector('[data-testid="feeds-refresh-result"]')?.textContent ?? ''), undefined, 120_000);
    await options.screenshot('sources-after-refresh');

    const result = await options.evaluate(() => document.querySelector('[data-testid="feeds-refresh-result"]')?.textContent ?? '');
    expect(result).toMatch(/: 8 new articles\.$/);
    const after = await feedRows(options);
    expect(after.map((r) => [r.articles, r.error])).toEqual([
      ['5 articles (+5 last time)', '4 articles could not be read'],
      ['2 articles (+2 last time)', null],
      ['1 article (+1 last time)', null],
      ['0 articles (+0 last time)', expect.stringMatching(/^the feed is not well-formed/)],
    ]);
    expect(after[0]!.failures.map((f) => f.replace(feeds.origin, ''))).toEqual([
      '/pages/gazette/missing.html: HTTP 404 Not Found',
      '/pages/gazette/slow.html: timed out after 15 s (3 attempts)',
      '/pages/gazette/huge.html: too large: over 5 MB, the limit',
      '/pages/gazette/sections.html: the page does not look like an article (no substantial body text)',
    ]);
    expect(after.every((r) => r.fetched.startsWith('fetched '))).toBe(true);

    // Each good page was fetched once, and the server saw the extension's User-Agent-less, cookie-less requests only.
    const pageFetches = feeds.requests.filter((r) => r.path.startsWith('/pages/') && r.status === 200).map((r) => r.path);
    expect(pageFetches.filter((p, i) => pageFetches.indexOf(p) !== i)).toEqual([]);
  }, 180_000);
});
