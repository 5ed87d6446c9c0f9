// A follow-up read on its own: The New Yorker's report (seed 004) came out on 4 May 2018, a month
// after the event the other seed articles cover. No corpus article is about the same event, so
// the page ends `no-coverage` and nothing is highlighted; the popup says so, and below it lists
// the earlier coverage of the same subject, 32 days earlier, with the facts the follow-up shares.
import { describe, expect, test } from 'vitest';
import { BROWSERS } from './harness';
import { useExtensionSession } from './harness/session';
import { findTabId, seriousViolations, texts, timelineEntries, timelineOrder } from './popup-options.helpers';
import { probeFor } from './in-page-probe';

const FOLLOW_UP = '/seed/newyorker-004.html';
const POPUP_WIDTH = 800;
const POPUP_HEIGHT = 600;

describe.each(BROWSERS)('a follow-up read alone in %s', (name) => {
  const session = useExtensionSession(name);

  test('no same-event coverage, and the earlier coverage 32 days before it', async () => {
    const page = await session.open(FOLLOW_UP);
    await page.waitFor(() => ['no-article', 'no-coverage', 'ready', 'error'].includes(document.documentElement.dataset.parallaxState ?? ''), undefined, 30_000);
    expect(await page.evaluate(() => document.documentElement.dataset.parallaxState)).toBe('no-coverage');
    // Related articles are never same-event coverage: nothing in the page is marked as shared.
    const view = await probeFor(session, page, session.server.url(FOLLOW_UP)).waitFor((v) => v.state === 'no-coverage');
    expect(view.highlights).toEqual([]);

    const popup = await session.openPopup();
    const tabId = await findTabId(popup, session.server.url(FOLLOW_UP));
    await popup.setViewport(POPUP_WIDTH, POPUP_HEIGHT);
    await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.waitForSelector('[data-testid="state-no-coverage"]', 30_000);
    const [state] = await texts(popup, '[data-testid="state-no-coverage"]');
    expect(state).toMatch(/^No other outlet in your corpora covers this story/);
    expect(state).toMatch(/found no article about the same event\.\s*It found earlier or later coverage of the same subject: see below\./);
    // No same-event views: no result tabs, no outlets, no facts.
    expect(await popup.evaluate(() => document.querySelectorAll('[role="tab"], [data-testid="result"], [data-testid="outlet"], [data-testid="fact"]').length)).toBe(0);

    await popup.waitForSelector('.related-only [data-testid="timeline"] [data-testid="related"]');
    expect(await texts(popup, '.related-only h2')).toEqual(['Earlier and later coverage']);
    const entries = await timelineEntries(popup);
    console.log(`${name}: timeline ${JSON.stringify(entries.map((e) => [e.outlet, e.when, e.facts.length]))}`);
    // The three articles of the event (2 April 2018): 4 May less 2 April is 32 days.
    expect(entries.map((e) => e.outlet).sort()).toEqual(['NBC News', 'The New York Times', 'Unnamed outlet']);
    for (const entry of entries) expect(entry).toMatchObject({ group: 'Earlier', when: '32 days earlier' });
    const nbc = entries.find((e) => e.outlet === 'NBC News')!;
    expect(nbc.title).toBe('Possible Trump-Putin meeting could take place at the White House');
    expect(nbc.facts.length).toBeGreaterThanOrEqual(1);
    const nyt = entries.find((e) => e.outlet === 'The New York Times')!;
    expect(nyt.facts.length).toBeGreaterThanOrEqual(1);
    // This article comes after everything listed, on its own date.
    const order = await timelineOrder(popup);
    expect(order).toEqual(['Earlier', 'This article · 4 May 2018']);

    const widths = await popup.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(await seriousViolations(popup, 'popup-follow-up')).toEqual([]);
    await popup.screenshot('popup-follow-up');
    // And the time line itself: the three earlier articles, then this one.
    await popup.evaluate(() => document.querySelector('[data-testid="timeline"]')!.scrollIntoView({ block: 'start' }));
    await popup.screenshot('popup-follow-up-timeline');
  });
});
