import { describe, expect, test } from 'vitest';
import { BROWSERS } from './harness';
import { useExtensionSession } from './harness/session';

describe.each(BROWSERS)('extension wiring in %s', (name) => {
  const session = useExtensionSession(name);

  test('the content script runs on a served page', async () => {
    const page = await session.open('/seed/nyt-001.html');
    await page.waitFor(() => document.documentElement.dataset.parallaxState !== undefined);
    const state = await page.evaluate(() => document.documentElement.dataset.parallaxState);
    expect(['working', 'no-article', 'no-coverage', 'ready', 'error']).toContain(state);
  });

  test('waitFor awaits an async check: a promise of false is not an answer, a promise of true is', async () => {
    const page = await session.open('/seed/nyt-001.html');
    const started = Date.now();
    // One wording in both browsers and on every way out of time (harness/page.ts waitForTimedOut).
    await expect(page.waitFor(async () => Promise.resolve(false), undefined, 1_000)).rejects.toThrow(/^waitFor: [\s\S]* was not true within 1000 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    // True only once the page has counted three checks: the answer is awaited each time.
    await page.waitFor(async () => {
      const w = window as { checks?: number };
      w.checks = (w.checks ?? 0) + 1;
      return new Promise<boolean>((done) => setTimeout(() => done(w.checks! >= 3), 10));
    });
    expect(await page.evaluate(() => (window as { checks?: number }).checks)).toBe(3);
  });

  test('the popup renders a Preact view answered by the background', async () => {
    const popup = await session.openPopup();
    await popup.waitForSelector('[data-testid="popup-status"]');
    const text = await popup.evaluate(() => document.querySelector('[data-testid="popup-status"]')?.textContent ?? '');
    expect(text).toMatch(/Parallax \d+\.\d+\.\d+/);
    await popup.screenshot('wiring-popup');
  });

  test('the options page opens', async () => {
    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="options"]');
    expect(await options.evaluate(() => document.title)).toBe('Parallax options');
  });
});
