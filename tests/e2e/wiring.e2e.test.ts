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
