import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { requireBrowser } from './browsers';
import { DEFAULT_TIMEOUT_MS, describeCheck, pollPage, screenshotPath, type TestPage } from './page';
import type { ExtensionBrowser, LaunchOptions } from './extension-browser';

// Flags for this closed network: without them Chromium keeps trying to reach Google's hosts.
const QUIET_NETWORK_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  '--no-default-browser-check',
];

function wrap(page: Page): TestPage {
  return {
    browserName: 'chromium',
    raw: page,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = DEFAULT_TIMEOUT_MS) {
      // Not waitForFunction: Playwright takes the promise an async function returns as the
      // truthy answer (it does not await it); evaluate awaits it.
      await pollPage(() => page.evaluate(fn as never, arg), timeoutMs, describeCheck(fn));
    },
    async waitForSelector(selector, timeoutMs = DEFAULT_TIMEOUT_MS) {
      await page.waitForSelector(selector, { timeout: timeoutMs });
    },
    click: (selector) => page.click(selector),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    async screenshot(name, options) {
      const path = await screenshotPath('chromium', name);
      await page.screenshot({ path, fullPage: options?.fullPage ?? false });
      return path;
    },
    close: () => page.close(),
  };
}

export async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = requireBrowser('chromium');
  const extensionDir = resolve(options.extensionDir);
  // A given profile is the caller's (a restart test launches on it again); a fresh one is ours.
  const ownsProfile = !options.profileDir;
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'parallax-chromium-')));
  const dropProfile = () => (ownsProfile ? rm(profile, { recursive: true, force: true }) : Promise.resolve());
  const errors: string[] = [];
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: options.headless ?? true,
      viewport: { width: 1280, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      args: [
        ...QUIET_NETWORK_FLAGS,
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...(options.chromiumArgs ?? []),
      ],
    });
    // An unpacked extension's id is derived from its directory's path, so it is the same on every
    // launch from the same build; on a kept profile the worker starts again at browser startup.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: DEFAULT_TIMEOUT_MS }));
    const extensionId = new URL(worker.url()).host;
    const ctx = context;
    ctx.on('weberror', (error) => errors.push(String(error.error())));
    const newPage = async (url?: string) => {
      const page = await ctx.newPage();
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      const wrapped = wrap(page);
      if (url) await wrapped.goto(url);
      return wrapped;
    };
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    return {
      name: 'chromium',
      extensionId,
      errors,
      raw: ctx,
      newPage,
      extensionUrl,
      openPopup: (query = '') => newPage(extensionUrl(`popup.html${query}`)),
      openOptions: () => newPage(extensionUrl('options.html')),
      async close() {
        await ctx.close().catch(() => undefined);
        await dropProfile();
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await dropProfile();
    throw error;
  }
}
