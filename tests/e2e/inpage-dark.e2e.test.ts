// The tooltip and highlights follow prefers-color-scheme: a dark page gets a dark card.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROWSERS } from './harness';
import { useExtensionSession } from './harness/session';
import { probeFor } from './in-page-probe';

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
    const probe = probeFor(session, page, session.server.url('/seed/nyt-001.html'));
    const shared = (await probe.view())!.highlights.filter((h) => h.kind === 'shared');
    const target = shared.find((h) => h.text.includes('60 diplomats')) ?? shared[0];
    expect(target).toBeDefined();
    const line = target!.rects.find((r) => r.right - r.left > 4)!;
    await page.evaluate((y) => window.scrollBy({ top: y - window.innerHeight / 2, behavior: 'instant' }), (line.top + line.bottom) / 2);
    const moved = (await probe.view())!.highlights.find((h) => h.text === target!.text)!.rects.find((r) => r.right - r.left > 4)!;
    const point = { x: moved.left + Math.min(40, (moved.right - moved.left) / 2), y: (moved.top + moved.bottom) / 2 };
    await page.mouseMove(point.x, point.y - 150);
    await page.mouseMove(point.x, point.y);
    await probe.waitFor((view) => view.tooltip !== null);
    await new Promise((done) => setTimeout(done, 300));
    const background = (await probe.view())!.tooltip!.background;
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r! + g! + b!) / 3, `card background ${background}`).toBeLessThan(80);
    await page.screenshot('inpage-tooltip-dark');
  });
});
