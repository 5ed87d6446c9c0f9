// The tooltip and highlights follow prefers-color-scheme: a dark page gets a dark card.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROWSERS } from './harness';
import { useExtensionSession } from './harness/session';

describe.each(BROWSERS)('in the page, dark color scheme, in %s', (name) => {
  // PARALLAX_E2E_OUTPUT=DIR tests a build other than .output/ (as in inpage.e2e.test.ts).
  const output = process.env.PARALLAX_E2E_OUTPUT;
  const session = useExtensionSession(name, {
    launch: { colorScheme: 'dark', ...(output ? { extensionDir: join(output, name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3') } : {}) },
  });

  test('the tooltip of a highlighted sentence is drawn dark', async () => {
    const page = await session.open('/seed/nyt-001.html');
    await page.waitFor(() => document.documentElement.dataset.parallaxState === 'ready', undefined, 30_000);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    const point = await page.evaluate(() => {
      const range = [...((CSS.highlights.get('parallax-shared') as Set<Range> | undefined) ?? [])].find((r) => r.toString().includes('60 diplomats'))
        ?? [...((CSS.highlights.get('parallax-shared') as Set<Range> | undefined) ?? [])][0];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = [...range.getClientRects()].find((r) => r.width > 4)!;
      return { x: rect.left + Math.min(40, rect.width / 2), y: rect.top + rect.height / 2 };
    });
    expect(point).not.toBeNull();
    await page.mouseMove(point!.x, point!.y - 150);
    await page.mouseMove(point!.x, point!.y);
    await page.waitFor(() => !!document.querySelector('parallax-tooltip')?.shadowRoot?.querySelector('[data-testid="parallax-tooltip"]'));
    await new Promise((done) => setTimeout(done, 300));
    const background = await page.evaluate(() => {
      const card = document.querySelector('parallax-tooltip')!.shadowRoot!.querySelector('[data-testid="parallax-tooltip"]')!;
      return getComputedStyle(card).backgroundColor;
    });
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r! + g! + b!) / 3, `card background ${background}`).toBeLessThan(80);
    await page.screenshot('inpage-tooltip-dark');
  });
});
