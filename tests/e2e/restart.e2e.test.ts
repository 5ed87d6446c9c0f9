// A user's imported corpora and settings survive a browser restart: the browser is closed and
// started again on the same profile, then the options page, the page analysis and the settings'
// effect are checked in the restarted browser, whose background has loaded everything afresh.
// Chromium loads the same unpacked extension at startup. Firefox runs twice: with the temporary
// add-on the other files use, installed again after the restart under the same pinned
// moz-extension UUID (harness/firefox.ts), and installed in the profile, where it starts with the
// browser as a user's installed add-on does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROWSERS, FIXTURES_DIR, type BrowserName, type TestPage } from './harness';
import type { LaunchOptions } from './harness/extension-browser';
import { useExtensionSession } from './harness/session';
import { findTabId, pickFile } from './popup-options.helpers';
import { probeFor } from './in-page-probe';

const CORPUS_FILE = 'eastport-flood.jsonl';
const corpusText = readFileSync(join(FIXTURES_DIR, 'import', CORPUS_FILE), 'utf8');
// A page about the imported story only: the bundled seeds have nothing about it.
const STORY_PAGE = '/import/eastport-herald.html';
const IMPORTED_ONLY_OUTLETS = ['Kell Valley Times', 'Coastal Wire', 'Northern Ledger'];
const IMPORTED_ROW = /^eastport-flood\s*Imported .*4 articles\s*3 outlets\s*20 Feb – 13 Mar 2024\s*Remove$/;
const CHANGED_SETTINGS = { highlights: false, run: 'auto', strictness: 'strict', disabledSites: ['www.example.com'] };

const text = (page: TestPage, selector: string) =>
  page.evaluate((s: string) => [...document.querySelectorAll(s)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()), selector);

async function pageState(page: TestPage): Promise<string> {
  await page.waitFor(() => ['no-article', 'no-coverage', 'ready', 'error'].includes(document.documentElement.dataset.parallaxState ?? ''), undefined, 30_000);
  return page.evaluate(() => document.documentElement.dataset.parallaxState ?? '');
}


/** What extension storage holds under `key`, read from an extension page. */
async function stored(page: TestPage, key: string): Promise<unknown> {
  return page.evaluate(async (k: string) => {
    type Local = { storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } } };
    const g = globalThis as unknown as { browser?: Local; chrome?: Local };
    return (await (g.browser ?? g.chrome)!.storage.local.get(k))[k];
  }, key);
}
const storedSettings = (page: TestPage) => stored(page, 'parallax:settings');
const FEED_SETTINGS_KEY = 'parallax.feeds.settings';
const CHANGED_FEED_SETTINGS = { intervalMinutes: 180, retentionDays: 14, maxArticles: 40_000 };

const VARIANTS: { label: string; name: BrowserName; launch: Partial<LaunchOptions> }[] = [
  ...BROWSERS.map((name) => ({ label: name, name, launch: {} })),
  { label: 'firefox, add-on installed in the profile', name: 'firefox', launch: { firefoxInstall: 'profile' } },
];

// A loop rather than describe.each: its $label formatting quotes and truncates the names.
for (const { label, name, launch } of VARIANTS) describe(`imports and settings across a restart of ${label}`, () => {
  const session = useExtensionSession(name, { keepProfile: true, launch });
  let extensionIdBefore = '';

  async function outletsInPopup(): Promise<string[]> {
    const popup = await session.openPopup();
    const tabId = await findTabId(popup, session.server.url(STORY_PAGE));
    await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    await popup.click('#tab-outlets');
    return text(popup, '[data-testid="outlet"] .outlet-name strong');
  }

  test('before the restart: a corpus is imported through the options page and settings are changed', async () => {
    extensionIdBefore = session.browser.extensionId;
    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="import-file"]');
    expect(await text(options, '[data-testid="corpus-imported"]')).toEqual([]);
    await pickFile(options, '[data-testid="import-file"]', CORPUS_FILE, corpusText);
    await options.waitForSelector('[data-testid="import-confirm"]');
    await options.click('[data-testid="import-confirm"]');
    await options.waitForSelector('[data-testid="import-done"]', 30_000);
    await options.waitForSelector('[data-testid="corpus-imported"]');
    expect(await text(options, '[data-testid="corpus-imported"]')).toEqual([expect.stringMatching(IMPORTED_ROW)]);

    // The imported corpus is in use, with the default settings: matched and highlighted.
    const page = await session.open(STORY_PAGE);
    expect(await pageState(page)).toBe('ready');
    await probeFor(session, page, session.server.url(STORY_PAGE)).waitFor((view) => view.highlights.some((h) => h.kind === 'shared'));
    expect(await outletsInPopup()).toEqual(expect.arrayContaining(IMPORTED_ONLY_OUTLETS));

    // Highlights off, strict matching, one site switched off: a switch, a choice and a list.
    await options.click('#set-highlights');
    await options.click('#set-strict-strict');
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#site-input')!;
      input.value = 'https://www.example.com/news/1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.click('[data-testid="site-add"] button[type="submit"]');
    await options.waitForSelector('[data-testid="disabled-sites"]');
    await options.waitFor(() => document.querySelector('[data-testid="settings-saved"]')?.textContent === 'Saved.');
    expect(await storedSettings(options)).toEqual(CHANGED_SETTINGS);

    // And a Sources setting, kept under its own key: refresh followed feeds every 3 hours.
    await options.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="feeds-interval"]')!;
      select.value = '180';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await options.waitFor(async (key: string) => {
      type Local = { storage: { local: { get: (k: string) => Promise<Record<string, { intervalMinutes?: number }>> } } };
      const g = globalThis as unknown as { browser?: Local; chrome?: Local };
      return (await (g.browser ?? g.chrome)!.storage.local.get(key))[key]?.intervalMinutes === 180;
    }, FEED_SETTINGS_KEY);
    expect(await stored(options, FEED_SETTINGS_KEY)).toEqual(CHANGED_FEED_SETTINGS);
  });

  test('after the restart: the import is listed, the settings kept, and pages are analyzed with the import', async () => {
    await session.restart();
    // Same extension origin as before the restart: the storage it keys is the same.
    expect(session.browser.extensionId).toBe(extensionIdBefore);

    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="corpus-imported"]', 30_000);
    expect(await text(options, '[data-testid="corpus-imported"]')).toEqual([expect.stringMatching(IMPORTED_ROW)]);
    await options.waitForSelector('#set-highlights');
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('#set-highlights')!.checked)).toBe(false);
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('#set-strict-strict')!.checked)).toBe(true);
    expect(await text(options, '[data-testid="disabled-sites"] .mono')).toEqual(['www.example.com']);
    expect(await storedSettings(options)).toEqual(CHANGED_SETTINGS);
    expect(await options.evaluate(() => document.querySelector<HTMLSelectElement>('[data-testid="feeds-interval"]')!.value)).toBe('180');
    expect(await stored(options, FEED_SETTINGS_KEY)).toEqual(CHANGED_FEED_SETTINGS);
    await options.screenshot(`restart-options-after-restart${launch.firefoxInstall === 'profile' ? '-profile-install' : ''}`, { fullPage: true });

    // The restarted background loads the import from IndexedDB: the page about the imported story
    // is matched and the popup lists the imported outlets, and the page is left unhighlighted
    // because highlights are still off.
    const page = await session.open(STORY_PAGE);
    expect(await pageState(page)).toBe('ready');
    expect(await outletsInPopup()).toEqual(expect.arrayContaining(IMPORTED_ONLY_OUTLETS));
    expect((await probeFor(session, page, session.server.url(STORY_PAGE)).view())?.highlights).toEqual([]);
    expect(session.browser.errors).toEqual([]);
  });
});
