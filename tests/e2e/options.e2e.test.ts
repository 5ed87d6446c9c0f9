import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROWSERS, FIXTURES_DIR, type TestPage } from './harness';
import { useExtensionSession } from './harness/session';
import { dropFile, findTabId, pickFile, seriousViolations } from './popup-options.helpers';

const CORPUS_FILE = 'eastport-flood.jsonl';
const corpusText = readFileSync(join(FIXTURES_DIR, 'import', CORPUS_FILE), 'utf8');
const STORY_PAGE = '/import/eastport-herald.html';

const text = (page: TestPage, selector: string) =>
  page.evaluate((s: string) => [...document.querySelectorAll(s)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()), selector);

async function pageState(page: TestPage): Promise<string> {
  await page.waitFor(() => ['no-article', 'no-coverage', 'ready', 'error'].includes(document.documentElement.dataset.parallaxState ?? ''), undefined, 30_000);
  return page.evaluate(() => document.documentElement.dataset.parallaxState ?? '');
}

describe.each(BROWSERS)('options page in %s', (name) => {
  const session = useExtensionSession(name);

  test('lists the bundled corpus with counts and says nothing leaves the device', async () => {
    const options = await session.openOptions();
    await options.waitFor(() => /\d+ articles/.test(document.querySelector('[data-testid="corpus-bundled"]')?.textContent ?? ''));
    const [bundled] = await text(options, '[data-testid="corpus-bundled"]');
    expect(bundled).toMatch(/^seeds\s*Bundled\s*5 articles\s*3 outlets\s*2 Apr – 4 May 2018$/);
    const [privacy] = await text(options, '[data-testid="privacy"]');
    expect(privacy).toMatch(/Nothing about the pages you read.*is sent anywhere/);
    expect(await seriousViolations(options, 'options')).toEqual([]);
  });

  test('settings are stored with the extension storage API and survive a reload', async () => {
    const options = await session.openOptions();
    try {
      await options.waitForSelector('#set-highlights');
      await options.click('#set-highlights');
      await options.click('#set-run-click');
      await options.click('#set-strict-strict');
      await options.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('#site-input')!;
        input.value = 'https://www.Example.com/news/1';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await options.click('[data-testid="site-add"] button[type="submit"]');
      await options.waitForSelector('[data-testid="disabled-sites"]');
      await options.waitFor(() => document.querySelector('[data-testid="settings-saved"]')?.textContent === 'Saved.');
      const stored = await options.evaluate(async () => {
        const g = globalThis as unknown as { browser?: { storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } } }; chrome?: { storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } } } };
        return (await (g.browser ?? g.chrome)!.storage.local.get('parallax:settings'))['parallax:settings'];
      });
      expect(stored).toEqual({ highlights: false, run: 'click', strictness: 'strict', disabledSites: ['www.example.com'] });

      await options.goto(session.browser.extensionUrl('options.html'));
      await options.waitForSelector('#set-highlights');
      expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('#set-highlights')!.checked)).toBe(false);
      expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('#set-run-click')!.checked)).toBe(true);
      expect(await text(options, '[data-testid="disabled-sites"] .mono')).toEqual(['www.example.com']);

      await options.click('[data-testid="disabled-sites"] button');
      await options.waitFor(() => !document.querySelector('[data-testid="disabled-sites"]'));
    } finally {
      // Back to the defaults for the tests that follow, whatever happened above.
      await options.evaluate(async () => {
        const g = globalThis as unknown as { browser?: { storage: { local: { remove: (k: string) => Promise<void> } } }; chrome?: { storage: { local: { remove: (k: string) => Promise<void> } } } };
        await (g.browser ?? g.chrome)!.storage.local.remove('parallax:settings');
      });
    }
  });

  test('an import reports every bad line, can be cancelled, and imports the valid records', async () => {
    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="import-file"]');

    // The first time by dropping the file on the import section, the second by picking it.
    await dropFile(options, '.drop-zone', CORPUS_FILE, corpusText);
    await options.waitForSelector('[data-testid="import-report"]');
    const problems = await text(options, '[data-testid="import-problem"]');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^line 3\s*—\s*not valid JSON/);
    expect(problems[1]).toMatch(/^line 5\s*kell-times-2\s*"published" is not a real calendar date/);
    expect((await text(options, '[data-testid="import-valid-count"]'))[0]).toBe('4 valid records');
    expect(await seriousViolations(options, 'options-import-report')).toEqual([]);
    await options.screenshot('options-import-report');

    await options.click('[data-testid="import-cancel"]');
    await options.waitForSelector('[data-testid="import-file"]');
    expect(await text(options, '[data-testid="corpus-imported"]')).toEqual([]);

    // Count the workers the page starts: reading, compiling and storing corpora must run off
    // the page's main thread.
    await options.evaluate(() => {
      const w = window as unknown as { workers: string[]; Worker: typeof Worker };
      const Original = w.Worker;
      w.workers = [];
      w.Worker = class extends Original {
        constructor(url: string | URL, init?: WorkerOptions) {
          super(url, init);
          w.workers.push(String(url));
        }
      };
    });
    await pickFile(options, '[data-testid="import-file"]', CORPUS_FILE, corpusText);
    await options.waitForSelector('[data-testid="import-confirm"]');
    await options.click('[data-testid="import-confirm"]');
    await options.waitForSelector('[data-testid="import-done"]', 30_000);
    await options.waitForSelector('[data-testid="corpus-imported"]');
    const [imported] = await text(options, '[data-testid="corpus-imported"]');
    expect(imported).toMatch(/^eastport-flood\s*Imported .*4 articles\s*3 outlets\s*20 Feb – 13 Mar 2024\s*Remove$/);
    // One worker reads and checks the file, one checks the ids in use, one compiles and stores.
    expect(await options.evaluate(() => (window as unknown as { workers: string[] }).workers)).toEqual([
      expect.stringMatching(/check-worker/),
      expect.stringMatching(/compile-worker/),
      expect.stringMatching(/compile-worker/),
    ]);
    await options.screenshot('options');

    // Stored in IndexedDB: a fresh load of the page lists it again, with the storage it takes.
    await options.goto(session.browser.extensionUrl('options.html'));
    await options.waitForSelector('[data-testid="corpus-imported"]');
    await options.waitFor(() => /^Stored corpora/.test(document.querySelector('[data-testid="storage-use"]')?.textContent ?? ''));
    const [storage] = await text(options, '[data-testid="storage-use"]');
    expect(storage).toMatch(/^Stored corpora: [\d.]+ kB for 4 articles\. Parallax uses [\d.]+ (kB|MB) of the [\d.]+ (MB|GB|TB) this browser allows it \((under 1|\d+)%\)\.$/);
    expect(await text(options, '[data-testid="storage-near-quota"]')).toEqual([]);
    await options.evaluate(() => document.querySelector('[data-testid="storage"]')!.scrollIntoView({ block: 'center' }));
    await options.screenshot('options-storage');
  });

  test('a page about the imported story is matched, and no longer once the corpus is removed', async () => {
    const page = await session.open(STORY_PAGE);
    expect(await pageState(page)).toBe('ready');

    const popup = await session.openPopup();
    const tabId = await findTabId(popup, session.server.url(STORY_PAGE));
    await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    await popup.click('#tab-outlets');
    const outlets = await text(popup, '[data-testid="outlet"] .outlet-name strong');
    expect(outlets).toEqual(expect.arrayContaining(['Kell Valley Times', 'Coastal Wire', 'Northern Ledger']));
    expect(outlets).not.toContain('NBC News');

    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="corpus-remove"]');
    await options.click('[data-testid="corpus-remove"]');
    await options.click('[data-testid="corpus-remove-confirm"]');
    await options.waitFor(() => /Removed/.test(document.querySelector('[data-testid="corpora-notice"]')?.textContent ?? ''), undefined, 30_000);
    // The list is reloaded before the notice shows.
    expect(await text(options, '[data-testid="corpus-imported"]')).toEqual([]);

    const again = await session.open(STORY_PAGE);
    expect(await pageState(again)).toBe('no-coverage');
  });

  test('a long unbroken name wraps inside its card, and bidi overrides in it do not reorder it', async () => {
    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="import-file"]');
    const fileName = `\u202Egnp.exe-${'x'.repeat(300)}.jsonl`;
    await pickFile(options, '[data-testid="import-file"]', fileName, corpusText);
    await options.waitForSelector('[data-testid="import-confirm"]');
    await options.click('[data-testid="import-confirm"]');
    await options.waitForSelector('[data-testid="corpus-imported"]', 30_000);
    const card = await options.evaluate(() => {
      const li = document.querySelector<HTMLElement>('[data-testid="corpus-imported"]')!;
      const name = li.querySelector('strong')!;
      return { overflow: li.scrollWidth - li.clientWidth, pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, name: name.textContent ?? '', isolated: !!name.querySelector('bdi') };
    });
    await options.screenshot('options-long-name');
    expect(card).toEqual({ overflow: 0, pageOverflow: 0, name: `gnp.exe-${'x'.repeat(300)}`, isolated: true });
    // The browser now reports its quota nearly used (as on a full disk): the storage line warns after the next change.
    await options.evaluate(() => {
      Object.defineProperty(navigator.storage, 'estimate', { configurable: true, value: async () => ({ usage: 8_700_000_000, quota: 10_000_000_000 }) });
    });
    await options.click('[data-testid="corpus-remove"]');
    await options.click('[data-testid="corpus-remove-confirm"]');
    await options.waitFor(() => /Removed/.test(document.querySelector('[data-testid="corpora-notice"]')?.textContent ?? ''), undefined, 30_000);
    // The notice names the corpus isolated, without the override: the sentence reads in order.
    const notice = await options.evaluate(() => {
      const p = document.querySelector('[data-testid="corpora-notice"]')!;
      return { text: p.textContent ?? '', name: p.querySelector('bdi')?.textContent ?? null };
    });
    expect(notice).toEqual({ text: `Removed “gnp.exe-${'x'.repeat(300)}”.`, name: `gnp.exe-${'x'.repeat(300)}` });
    await options.waitForSelector('[data-testid="storage-near-quota"]');
    expect((await text(options, '[data-testid="storage-near-quota"]'))[0]).toMatch(/^Storage is nearly full \(87% used\)\./);
    await options.evaluate(() => document.querySelector('[data-testid="storage"]')!.scrollIntoView({ block: 'center' }));
    await options.screenshot('options-storage-near-quota');
  });
});
