// Helpers for end-to-end tests that follow the fixture news site's feeds (tests/feeds/server.ts).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionDir, type BrowserName, type TestPage } from './harness';

/** This run's copies of the extension in the temp folder (the pid keeps other runs' copies apart). */
const copyPrefix = (name: BrowserName) => `parallax-feeds-${name}-${process.pid}-`;
export const leftoverCopies = (name: BrowserName) => readdirSync(tmpdir()).filter((entry) => entry.startsWith(copyPrefix(name)));

/**
 * The built extension with http://127.0.0.1/* already granted. Automation cannot answer the
 * browser's permission prompt (Playwright and puppeteer have no API for it), so the copy under
 * test holds the grant up front and `permissions.request` for the feed server's host resolves at
 * once; everything else is the shipped build.
 */
export function buildWithLoopbackGranted(name: BrowserName): string {
  // Not built for this browser: let the harness report it when the session starts.
  if (!existsSync(join(extensionDir(name), 'manifest.json'))) return extensionDir(name);
  const copy = mkdtempSync(join(tmpdir(), copyPrefix(name)));
  cpSync(extensionDir(name), copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return copy;
}

/** Follows a feed through the options page's Sources form. */
export async function addFeed(options: TestPage, url: string): Promise<void> {
  await options.evaluate((value) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="feed-url"]')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, url);
  await options.click('[data-testid="feed-add"]');
  await options.waitFor((u) => [...document.querySelectorAll('[data-testid="feed"]')].some((li) => (li as HTMLElement).dataset.url === u), url);
}
