// Privacy: with no feeds configured (the default), the extension makes no network request at
// all while the user reads pages and opens the popup and the options page. In Chromium every
// request of the browser context is observed, the extension's service worker included (proved
// by a control request from the worker); in Firefox all of the browser's traffic, loopback
// included, goes through a recording proxy on 127.0.0.1 (proved by a control request from an
// extension page to a host that does not exist), so a request to any host would be seen.
import { afterAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Request } from 'playwright-core';
import { BROWSERS, type TestPage } from './harness';
import { startProxyRecorder } from './harness/proxy-recorder';
import { useExtensionSession } from './harness/session';

const proxy = await startProxyRecorder();
afterAll(() => proxy.close());

// Playwright reports service-worker requests only with this set before the browser starts.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const SETTLED = ['ready', 'no-coverage', 'no-article', 'error'];
const PAGES = ['/seed/nyt-001.html', '/seed/nbc-002.html', '/seed/unrelated.html'];

async function settle(page: TestPage): Promise<void> {
  await page.waitFor((settled) => settled.includes(document.documentElement.dataset.parallaxState ?? ''), SETTLED, 30_000);
}

/** Lets anything the extension would start late (timers, alarms, idle work) happen before counting. */
const quietPeriod = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page a request came from; a navigation that opens a new tab has no frame yet (Playwright throws when asked), its URL is still recorded. */
function requestedBy(request: Request): string {
  try {
    return `page ${request.frame().url()}`;
  } catch {
    return 'a navigation before its frame';
  }
}

describe.each(BROWSERS)('no feeds configured: no network requests in %s', (name) => {
  const session = useExtensionSession(name, { launch: { firefoxPrefs: proxy.firefoxPrefs } });

  test('reading pages and opening the popup and options page requests nothing but those pages', async () => {
    const observed: { url: string; from: string }[] = [];
    if (name === 'chromium') {
      const context = session.browser.raw as BrowserContext;
      context.on('request', (request) => {
        const worker = request.serviceWorker();
        observed.push({ url: request.url(), from: worker ? `worker ${worker.url()}` : requestedBy(request) });
      });
    }
    const before = session.server.requests.length;
    const proxiedBefore = proxy.requests.length;

    for (const path of PAGES) {
      const page = await session.open(path);
      await settle(page);
    }
    const popup = await session.openPopup();
    await popup.waitForSelector('body *');
    const options = await session.openOptions();
    await options.waitForSelector('[data-testid="options"]');
    await quietPeriod(2_000);

    // The browser asks for the site's icon itself (not the extension); everything else must be the pages.
    expect(session.server.requests.slice(before).filter((path) => path !== '/favicon.ico')).toEqual(PAGES);

    if (name === 'firefox') {
      // Everything Firefox sent anywhere, as the proxy saw it.
      const sent = proxy.requests.slice(proxiedBefore).filter((r) => !r.endsWith('/favicon.ico'));
      expect(sent).toEqual(PAGES.map((path) => `GET ${session.server.url(path)}`));

      // Control: a request from an extension page to another host reaches the proxy, so the silence above is real.
      const probe = 'http://parallax-probe.invalid/from-extension-page';
      await options.evaluate((url) => fetch(url).then((r) => r.status).catch(() => 0), probe);
      // (Firefox's MV3 extension pages upgrade http to https, so it arrives as a CONNECT tunnel.)
      const probes = proxy.requests.slice(proxiedBefore).filter((r) => r.includes('parallax-probe.invalid'));
      expect(probes.length).toBeGreaterThan(0);
      for (const seen of probes) expect(seen).toMatch(/^(GET http:\/\/|CONNECT )parallax-probe\.invalid/);
    }

    if (name === 'chromium') {
      const network = observed.filter((r) => !/^(chrome-extension|data|blob|about):/.test(r.url));
      expect(network).toEqual(PAGES.map((path) => ({ url: session.server.url(path), from: expect.stringMatching(/^page /) })));

      // Control: a request from the extension's worker is seen, so the silence above is real.
      const context = session.browser.raw as BrowserContext;
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${session.browser.extensionId}/`));
      expect(worker).toBeDefined();
      const probe = session.server.url('/probe-from-extension-worker');
      await worker!.evaluate((url) => fetch(url).then((r) => r.status).catch(() => 0), probe);
      expect(observed.some((r) => r.url === probe && r.from.startsWith('worker '))).toBe(true);
    }
  });
});
