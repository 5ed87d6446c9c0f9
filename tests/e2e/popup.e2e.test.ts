import { describe, expect, test } from 'vitest';
import { BROWSERS, type TestPage } from './harness';
import { useExtensionSession, type ExtensionSession } from './harness/session';
import { findTabId, seriousViolations, texts, timelineEntries, timelineOrder } from './popup-options.helpers';
import { probeFor } from './in-page-probe';

const SEED_PAGE = '/seed/nyt-001.html';
const POPUP_WIDTH = 800;
const POPUP_HEIGHT = 600;

async function settledState(page: TestPage): Promise<string> {
  await page.waitFor(() => ['no-article', 'no-coverage', 'ready', 'error'].includes(document.documentElement.dataset.parallaxState ?? ''), undefined, 30_000);
  return page.evaluate(() => document.documentElement.dataset.parallaxState ?? '');
}

/** Opens a fixture page, waits for its analysis, and opens the popup for its tab at popup size. */
async function popupFor(session: ExtensionSession, path: string): Promise<{ page: TestPage; popup: TestPage; state: string }> {
  const page = await session.open(path);
  const state = await settledState(page);
  const popup = await session.openPopup();
  const tabId = await findTabId(popup, session.server.url(path));
  await popup.setViewport(POPUP_WIDTH, POPUP_HEIGHT);
  await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
  return { page, popup, state };
}

/** The tab id of an extension page itself, and a report the background stores for it. */
async function reportForOwnTab(page: TestPage, report: unknown): Promise<number> {
  return page.evaluate(async (r: unknown) => {
    type Api = { tabs: { getCurrent: () => Promise<{ id?: number } | undefined> }; runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
    const g = globalThis as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    const tab = await api.tabs.getCurrent();
    // The same message a content script sends when it has no analysis to show for its tab.
    await api.runtime.sendMessage({ type: 'tab-state', url: location.href, report: r });
    return tab!.id!;
  }, report);
}

/** Writes the user's settings as the options page does (null: back to the defaults). */
async function storeSettings(extensionPage: TestPage, settings: object | null): Promise<void> {
  await extensionPage.evaluate(async (value: object | null) => {
    type Local = { set: (v: object) => Promise<void>; remove: (k: string) => Promise<void> };
    const g = globalThis as unknown as { browser?: { storage: { local: Local } }; chrome?: { storage: { local: Local } } };
    const local = (g.browser ?? g.chrome)!.storage.local;
    if (value === null) await local.remove('parallax:settings');
    else await local.set({ 'parallax:settings': value });
  }, settings);
}

async function noHorizontalScroll(popup: TestPage): Promise<void> {
  const widths = await popup.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

describe.each(BROWSERS)('popup in %s', (name) => {
  const session = useExtensionSession(name);

  test('results for the seed page of 001: header, outlets, facts with word differences, omissions', async () => {
    const { popup, state } = await popupFor(session, SEED_PAGE);
    expect(state).toBe('ready');
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    // Rendered from the background's cached result: report how long the popup took to show it.
    const shownMs = await popup.evaluate(() => performance.getEntriesByName('parallax:result-shown')[0]?.startTime ?? -1);
    expect(shownMs).toBeGreaterThan(0);
    console.log(`${name}: popup showed the cached comparison ${Math.round(shownMs)} ms after it started loading`);

    const [header] = await texts(popup, '[data-testid="article-header"]');
    expect(header).toMatch(/The New York Times/i);
    expect(header).toMatch(/Same story in \d+ other outlets/);

    const facts = await texts(popup, '[data-testid="fact"] .fact-text');
    expect(facts.length).toBeGreaterThanOrEqual(4);
    expect(facts.some((f) => /60 diplomats/.test(f))).toBe(true);
    expect(facts.some((f) => /Peskov/.test(f))).toBe(true);

    // Expanding a fact (Peskov's denial: the outlets spell his name differently) shows the other
    // outlets' versions with marked word differences.
    const searchFor = (query: string) =>
      popup.evaluate((q: string) => {
        const input = document.querySelector<HTMLInputElement>('#popup-search')!;
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, query);
    await searchFor('Peskov');
    await popup.evaluate(() => {
      const fact = [...document.querySelectorAll('[data-testid="fact"]')].find((f) => /Peskov/.test(f.querySelector('.fact-text')?.textContent ?? ''))!;
      fact.querySelector<HTMLButtonElement>('.fact-toggle')!.click();
    });
    await popup.waitForSelector('[data-testid="fact"] .passage');
    const marks = await popup.evaluate(() => document.querySelectorAll('[data-testid="fact"] .passage .diff ins, [data-testid="fact"] .passage .diff del').length);
    expect(marks).toBeGreaterThan(0);
    await noHorizontalScroll(popup);
    expect(await seriousViolations(popup, 'popup-results')).toEqual([]);
    await popup.screenshot('popup-results-light');
    await searchFor('');

    await popup.click('#tab-outlets');
    const outlets = await texts(popup, '[data-testid="outlet"] .outlet-name strong');
    expect(outlets).toEqual(expect.arrayContaining(['NBC News', 'Unnamed outlet']));
    const nbc = (await texts(popup, '[data-testid="outlet"]')).find((t) => t.startsWith('NBC News'))!;
    expect(nbc).toMatch(/Possible Trump-Putin meeting could take place at the White House/);
    expect(nbc).toMatch(/Shares [1-9]\d* facts?/);
    expect(await popup.evaluate(() => document.querySelector<HTMLAnchorElement>('[data-testid="outlet"] a.outlet-title')?.href)).toBe(
      'https://www.nbcnews.com/news/amp/ncna861966',
    );

    await popup.click('#tab-omissions');
    const omissions = await texts(popup, '[data-testid="omission"]');
    const congratulation = omissions.find((o) => /congratulat/i.test(o) && /re-?election/i.test(o));
    expect(congratulation).toBeDefined();
    expect(congratulation).toMatch(/NBC News/);
    expect(congratulation).toMatch(/Unnamed outlet/);

    await popup.click('#tab-unique');
    expect((await texts(popup, '[data-testid="unique"]')).some((u) => /Kennebunkport/.test(u))).toBe(true);

    await popup.click('#tab-coverage');
    await popup.waitForSelector('[data-testid="coverage-grid"] .cell-btn');
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="coverage-grid"] .cell-btn')!.focus());
    const [caption] = await texts(popup, '[data-testid="coverage-caption"]');
    expect(caption).toMatch(/^.+ \(\d+% match\): .{20,}/);
    await noHorizontalScroll(popup);
    expect(await seriousViolations(popup, 'popup-coverage-grid')).toEqual([]);
    await popup.screenshot('popup-coverage-grid');
  });

  test('earlier and later coverage: The New Yorker (004) 32 days later, with the facts it shares; same-event views leave it out', async () => {
    const { popup, state } = await popupFor(session, SEED_PAGE);
    expect(state).toBe('ready');
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    // Reached with the keyboard: End goes to the last tab, ArrowLeft to the one before it.
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('#tab-facts')!.focus());
    await popup.press('End');
    await popup.press('ArrowLeft');
    expect(await popup.evaluate(() => [document.activeElement?.id, document.querySelector('#tab-related')?.getAttribute('aria-selected')])).toEqual([
      'tab-related',
      'true',
    ]);
    await popup.waitForSelector('[data-testid="timeline"] [data-testid="related"]');
    expect((await texts(popup, '#panel-related h2'))[0]).toBe('Earlier and later coverage');

    const entries = await timelineEntries(popup);
    console.log(`${name}: timeline ${JSON.stringify(entries.map((e) => [e.outlet, e.when, e.facts.length]))}`);
    const newYorker = entries.find((e) => e.outlet === 'The New Yorker');
    expect(newYorker).toMatchObject({ group: 'Later', when: '32 days later', title: "Trump's pursuit of an Oval Office meeting with Putin" });
    // At least the two facts the follow-up shares with 001: the invitation during the call, and the 60 expelled diplomats.
    expect(newYorker!.facts.length).toBeGreaterThanOrEqual(2);
    expect(newYorker!.facts.some((f) => /expelled 60 diplomats/.test(f))).toBe(true);
    expect(newYorker!.facts.some((f) => /telephone call with Mr\. Putin on March 20, proposed/.test(f))).toBe(true);
    // This article is marked where it stands in time, after anything earlier and before the follow-up.
    const order = await timelineOrder(popup);
    expect(order.indexOf('This article · 2 Apr 2018')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('This article · 2 Apr 2018')).toBeLessThan(order.indexOf('Later'));
    await noHorizontalScroll(popup);
    // Every tab label is whole inside the popup's width.
    const tabsRight = await popup.evaluate(() => Math.max(...[...document.querySelectorAll('[role="tab"]')].map((t) => t.getBoundingClientRect().right)));
    expect(tabsRight).toBeLessThanOrEqual(POPUP_WIDTH);
    expect(await seriousViolations(popup, 'popup-timeline')).toEqual([]);
    // The screenshot shows the follow-up and its shared facts, not only the header above them.
    await popup.evaluate(() => document.querySelector('[data-testid="timeline"]')!.scrollIntoView({ block: 'start' }));
    await popup.screenshot('popup-timeline-light');

    // Same-event views stay same-event: the follow-up is not an outlet covering the story.
    await popup.click('#tab-outlets');
    expect(await texts(popup, '[data-testid="outlet"] .outlet-name strong')).not.toContain('The New Yorker');
    const [header] = await texts(popup, '[data-testid="article-header"]');
    expect(header).toMatch(/Same story in 2 other outlets/);
  });

  test('search finds facts across spelling variants and typos', async () => {
    const { popup } = await popupFor(session, SEED_PAGE);
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    const all = (await texts(popup, '[data-testid="fact"]')).length;
    const search = async (query: string) => {
      await popup.evaluate((q: string) => {
        const input = document.querySelector<HTMLInputElement>('#popup-search')!;
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, query);
      return texts(popup, '[data-testid="fact"] .fact-text');
    };
    for (const query of ['Peskov', 'Dmitry Peskov', 'Peskow']) {
      const found = await search(query);
      expect(found.length, query).toBeGreaterThan(0);
      expect(found.length, query).toBeLessThan(all);
      expect(found.some((f) => /Peskov/.test(f)), query).toBe(true);
    }
    expect(await search('zzzxq')).toEqual([]);
    expect((await texts(popup, '.empty'))[0]).toMatch(/No fact matches your search/);
    expect((await search('')).length).toBe(all);
  });

  test('keyboard: tabs move with the arrow keys, facts open with Enter', async () => {
    const { popup } = await popupFor(session, SEED_PAGE);
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('#tab-facts')!.focus());
    await popup.press('ArrowRight');
    expect(await popup.evaluate(() => [document.activeElement?.id, document.querySelector('#tab-omissions')?.getAttribute('aria-selected')])).toEqual([
      'tab-omissions',
      'true',
    ]);
    await popup.press('ArrowLeft');
    await popup.press('/');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('popup-search');
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('.fact-toggle')!.focus());
    await popup.press('Enter');
    expect(await popup.evaluate(() => document.querySelector('.fact-toggle')?.getAttribute('aria-expanded'))).toBe('true');
  });

  test('export copies and downloads the comparison as Markdown and JSON', async () => {
    const { popup } = await popupFor(session, SEED_PAGE);
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    // Capture what would reach the clipboard and the downloads folder.
    await popup.evaluate(() => {
      const w = window as unknown as { copied: string[]; saved: { name: string; text: Promise<string> }[] };
      w.copied = [];
      w.saved = [];
      navigator.clipboard.writeText = async (t: string) => void w.copied.push(t);
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        w.saved.push({ name: this.download, text: fetch(this.href).then((r) => r.text()) });
      };
    });
    const exportAction = async (testId: string) => {
      await popup.evaluate(() => ((document.querySelector('.export details') as HTMLDetailsElement).open = true));
      await popup.click(`[data-testid="${testId}"]`);
    };
    await exportAction('copy-md');
    await popup.waitFor(() => /copied/.test(document.querySelector('[data-testid="export-status"]')?.textContent ?? ''));
    await exportAction('download-json');
    await exportAction('download-md');
    await exportAction('copy-json');
    const out = await popup.evaluate(async () => {
      const w = window as unknown as { copied: string[]; saved: { name: string; text: Promise<string> }[] };
      return { copied: w.copied, saved: await Promise.all(w.saved.map(async (s) => ({ name: s.name, text: await s.text }))) };
    });
    expect(out.copied).toHaveLength(2);
    expect(out.copied[0]).toMatch(/^# Parallax comparison: /);
    expect(out.copied[0]).toMatch(/## What others reported that this article leaves out/);
    expect(out.copied[0]).toMatch(/\| NBC News \|/);
    const json = JSON.parse(out.copied[1]!);
    expect(json.generator).toBe('Parallax');
    expect(json.result.facts.length).toBeGreaterThan(0);
    expect(out.saved.map((s) => s.name)).toEqual([expect.stringMatching(/^parallax-.+\.json$/), expect.stringMatching(/^parallax-.+\.md$/)]);
    expect(JSON.parse(out.saved[0]!.text).result.facts.length).toBe(json.result.facts.length);
    expect(out.saved[1]!.text).toBe(out.copied[0]);
  });

  test('clicking a fact scrolls the page to that sentence and flashes it', async () => {
    const { page, popup } = await popupFor(session, SEED_PAGE);
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    await page.evaluate(() => window.scrollTo(0, 0));
    // Ready to look before clicking: the flash lasts a moment.
    const probe = probeFor(session, page, session.server.url(SEED_PAGE));
    expect((await probe.view())?.highlights.some((h) => h.kind === 'focus')).toBe(false);
    // The last shared fact is far enough down the article to need a scroll.
    await popup.evaluate(() => {
      const toggles = document.querySelectorAll<HTMLButtonElement>('[data-testid="fact"] .fact-toggle');
      toggles[toggles.length - 1]!.click();
    });
    await probe.waitFor((view) => view.highlights.some((h) => h.kind === 'focus'), 5_000);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  test('with "only when I click the Parallax button", opening the popup starts the analysis', async () => {
    const setup = await session.openOptions();
    await storeSettings(setup, { highlights: true, run: 'click', strictness: 'balanced', disabledSites: [] });
    try {
      const page = await session.open(SEED_PAGE);
      await new Promise((done) => setTimeout(done, 1_000));
      expect(await page.evaluate(() => document.documentElement.dataset.parallaxState ?? null)).toBeNull();
      const popup = await session.openPopup();
      const tabId = await findTabId(popup, session.server.url(SEED_PAGE));
      await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
      await popup.waitForSelector('[data-testid="result"]', 30_000);
      expect(await settledState(page)).toBe('ready');
    } finally {
      await storeSettings(setup, null);
    }
  });

  test('a site switched off in the options says so in the popup', async () => {
    const setup = await session.openOptions();
    const host = new URL(session.server.origin).host;
    await storeSettings(setup, { highlights: true, run: 'auto', strictness: 'balanced', disabledSites: [host] });
    try {
      const page = await session.open(SEED_PAGE);
      const popup = await session.openPopup();
      const tabId = await findTabId(popup, session.server.url(SEED_PAGE));
      await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
      await popup.waitForSelector('[data-testid="state-disabled"]');
      expect((await texts(popup, '[data-testid="state-disabled"]'))[0]).toContain(`Parallax is off on ${host}`);
      expect(await page.evaluate(() => document.documentElement.dataset.parallaxState ?? null)).toBeNull();
      expect(await seriousViolations(popup, 'popup-site-off')).toEqual([]);
    } finally {
      await storeSettings(setup, null);
    }
  });

  test('states: no coverage names the corpus; not an article; analyzing; error; a page it cannot read', async () => {
    const unrelated = await popupFor(session, '/seed/unrelated.html');
    expect(unrelated.state).toBe('no-coverage');
    await unrelated.popup.waitForSelector('[data-testid="state-no-coverage"]');
    expect((await texts(unrelated.popup, '[data-testid="state-no-coverage"]'))[0]).toMatch(/the seeds corpus \(5 articles from 3 outlets, 2 Apr – 4 May 2018\)/);
    expect(await seriousViolations(unrelated.popup, 'popup-no-coverage')).toEqual([]);
    await unrelated.popup.screenshot('popup-no-coverage');

    const notArticle = await popupFor(session, '/no-such-page');
    expect(notArticle.state).toBe('no-article');
    await notArticle.popup.waitForSelector('[data-testid="state-no-article"]');
    expect(await seriousViolations(notArticle.popup, 'popup-not-an-article')).toEqual([]);

    const working = await session.openPopup();
    const ownTab = await reportForOwnTab(working, { state: 'working', progress: 0.4 });
    await working.goto(session.browser.extensionUrl(`popup.html?tabId=${ownTab}`));
    await working.waitForSelector('[data-testid="state-working"] progress');
    expect(await working.evaluate(() => document.querySelector('progress')?.getAttribute('value'))).toBe('0.4');
    expect(await seriousViolations(working, 'popup-analyzing')).toEqual([]);

    const failing = await session.openPopup();
    const failingTab = await reportForOwnTab(failing, { state: 'error', error: 'the corpus could not be read' });
    await failing.goto(session.browser.extensionUrl(`popup.html?tabId=${failingTab}`));
    await failing.waitForSelector('[data-testid="state-error"]');
    expect((await texts(failing, '[data-testid="state-error"]'))[0]).toMatch(/the corpus could not be read.*Try again/);
    expect(await seriousViolations(failing, 'popup-error')).toEqual([]);

    // Opened as a page with no tab to read (the popup's own tab has no content script).
    const alone = await session.openPopup();
    await alone.waitForSelector('[data-testid="state-no-article"]');
    expect((await texts(alone, '[data-testid="state-no-article"]'))[0]).toMatch(/can’t read this page/);
  });
});

describe.each(BROWSERS)('popup and options in %s, dark theme', (name) => {
  const session = useExtensionSession(name, { launch: { colorScheme: 'dark' } });

  test('results read well in the dark theme', async () => {
    const { popup } = await popupFor(session, SEED_PAGE);
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#popup-search')!;
      input.value = 'Peskov';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.click('[data-testid="fact"] .fact-toggle');
    await popup.waitForSelector('[data-testid="fact"] .passage');
    await noHorizontalScroll(popup);
    // The scrolling part's scrollbar is drawn in the dark theme's border and background colours
    // (Firefox drew it light with color-scheme alone).
    expect(await popup.evaluate(() => getComputedStyle(document.querySelector('.popup > main')!).scrollbarColor)).toBe('rgb(52, 59, 70) rgb(21, 24, 29)');
    expect(await seriousViolations(popup, 'popup-results-dark')).toEqual([]);
    await popup.screenshot('popup-results-dark');
  });

  test('the earlier and later coverage reads well in the dark theme', async () => {
    const { popup } = await popupFor(session, SEED_PAGE);
    await popup.waitForSelector('[data-testid="result"]', 30_000);
    await popup.click('#tab-related');
    await popup.waitForSelector('[data-testid="timeline"] [data-testid="related"]');
    expect(await texts(popup, '[data-testid="related-when"]')).toContain('32 days later');
    await noHorizontalScroll(popup);
    expect(await seriousViolations(popup, 'popup-timeline-dark')).toEqual([]);
    await popup.evaluate(() => document.querySelector('[data-testid="timeline"]')!.scrollIntoView({ block: 'start' }));
    await popup.screenshot('popup-timeline-dark');
  });

  test('the options page reads well in the dark theme', async () => {
    const options = await session.openOptions();
    await options.waitFor(() => /\d+ articles/.test(document.querySelector('[data-testid="corpus-bundled"]')?.textContent ?? ''));
    expect(await seriousViolations(options, 'options-dark')).toEqual([]);
    await options.screenshot('options-dark');
  });
});
