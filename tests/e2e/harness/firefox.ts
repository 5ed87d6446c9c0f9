import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';
import { requireBrowser } from './browsers';
import { DEFAULT_TIMEOUT_MS, describeCheck, screenshotPath, waitForTimedOut, type TestPage } from './page';
import type { ExtensionBrowser, LaunchOptions } from './extension-browser';

function isExtensionUrl(url: string): boolean {
  return url.startsWith('moz-extension://');
}

// Evaluating while the extension page replaces about:blank can fail with a protocol error
// (the realm is gone), so poll with our own loop that treats such errors as "not yet".
/** Set on a document a navigation leaves: a page reloaded at its own URL is loaded again only once a document without it answers. */
const LEFT_MARK = '__parallaxHarnessLeft';

async function pollUntilLoaded(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
  for (;;) {
    const loaded = await page
      .evaluate((target: string, mark: string) => location.href === target && document.readyState === 'complete' && !(mark in window), url, LEFT_MARK)
      .catch(() => false);
    if (loaded) return;
    if (Date.now() > deadline) throw new Error(`Firefox did not load ${url} within ${DEFAULT_TIMEOUT_MS} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

function wrap(page: Page): TestPage {
  const wrapped: TestPage = {
    browserName: 'firefox',
    raw: page,
    async goto(url) {
      // Navigations to moz-extension:// pages load but never resolve over BiDi (PLATFORM.md):
      // start them and wait for the document instead.
      if (isExtensionUrl(url)) {
        // Without the mark, the document being left answers for the one asked when both have this URL (a reload).
        await page.evaluate((mark: string) => void Object.defineProperty(window, mark, { value: true }), LEFT_MARK).catch(() => undefined);
        void page.goto(url).catch(() => undefined);
        await pollUntilLoaded(page, url);
        return;
      }
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = DEFAULT_TIMEOUT_MS) {
      // puppeteer's poller awaits what the function returns: an async check waits for its answer.
      // Its timeout is reworded to the harness's, so a test matches one message in both browsers.
      await page.waitForFunction(fn as never, { timeout: timeoutMs }, arg).catch((error: unknown) => {
        throw error instanceof TimeoutError ? waitForTimedOut(describeCheck(fn), timeoutMs, error.message) : error;
      });
    },
    async waitForSelector(selector, timeoutMs = DEFAULT_TIMEOUT_MS) {
      await page.waitForSelector(selector, { timeout: timeoutMs });
    },
    click: (selector) => page.click(selector),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
    setViewport: (width, height) => page.setViewport({ width, height }),
    async screenshot(name, options) {
      const path = await screenshotPath('firefox', name);
      await page.screenshot({ path, fullPage: options?.fullPage ?? false });
      return path;
    },
    close: () => page.close(),
  };
  return wrapped;
}

// Where a kept profile remembers the UUID its extension was given (see extensionUuid).
const UUID_FILE = 'parallax-harness-extension-uuid.txt';

/**
 * The moz-extension UUID, pinned through a pref: fresh for a fresh profile, the same one again
 * for a kept profile. Firefox keys the extension's IndexedDB and storage.local by the
 * moz-extension origin, so a restart under another UUID would look like lost data.
 */
async function extensionUuid(profileDir: string | undefined): Promise<string> {
  if (!profileDir) return randomUUID();
  const file = join(profileDir, UUID_FILE);
  const kept = await readFile(file, 'utf8').catch(() => '');
  if (/^[0-9a-f-]{36}$/.test(kept.trim())) return kept.trim();
  const uuid = randomUUID();
  await writeFile(file, uuid);
  return uuid;
}

/**
 * Installs the extension permanently in a profile, as a proxy file (a file named by the add-on id
 * that holds the unpacked extension's path) in the profile's extensions folder: Firefox finds it
 * at startup and starts it with the browser, like an add-on the user installed.
 */
async function installInProfile(profileDir: string, extensionDir: string): Promise<void> {
  await mkdir(join(profileDir, 'extensions'), { recursive: true });
  await writeFile(join(profileDir, 'extensions', GECKO_ID), `${resolve(extensionDir)}\n`);
}

// What a profile-installed, unsigned add-on needs: no signature check, and add-ons found in the
// profile folder enabled without asking (autoDisableScopes 0).
const PROFILE_INSTALL_PREFS = { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0 };

/** Fails clearly when the profile-installed add-on did not start (e.g. a Firefox that requires signing). */
async function waitForProfileAddon(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage();
  try {
    void page.goto(url).catch(() => undefined);
    await pollUntilLoaded(page, url);
  } catch (error) {
    throw new Error(
      `the add-on installed in the profile did not start; this Firefox may refuse unsigned add-ons (xpinstall.signatures.required is honoured by ESR, Developer Edition, Nightly and unbranded builds only): ${String(error)}`,
    );
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = requireBrowser('firefox');
  const inProfile = options.firefoxInstall === 'profile';
  if (inProfile) {
    if (!options.profileDir) throw new Error("firefoxInstall: 'profile' needs a profileDir");
    await installInProfile(options.profileDir, options.extensionDir);
  }
  // The moz-extension host is random per profile unless pinned through this pref.
  const uuid = await extensionUuid(options.profileDir);
  const errors: string[] = [];
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? true,
      // A given profile is used in place and left on disk by puppeteer; without one puppeteer
      // makes a temporary profile and deletes it on close.
      ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
      args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
      // Release builds honour services.settings.server (below) only with this set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
        // Keep Firefox off the network: no updates, telemetry, remote settings or captive-portal checks.
        'app.update.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'browser.safebrowsing.update.enabled': false,
        'extensions.update.enabled': false,
        // Remote Settings (blocklists, quarantined domains) polls a Mozilla server: pointed nowhere.
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        ...(inProfile ? PROFILE_INSTALL_PREFS : {}),
        ...options.firefoxPrefs,
      },
    });
    // A temporary add-on (WebDriver BiDi webExtension.install): Firefox forgets it when it quits,
    // so a relaunch on a kept profile installs it again. Its data stays: quitting unloads
    // temporary add-ons without the uninstall cleanup that clears an add-on's storage
    // (XPIProvider.cleanupTemporaryAddons), and the pinned UUID gives the reinstalled add-on the
    // same moz-extension origin, hence the same IndexedDB and storage.local.
    if (!inProfile) await browser.installExtension(resolve(options.extensionDir));
    const ff = browser;
    const newPage = async (url?: string) => {
      const page = await ff.newPage();
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error instanceof Error ? error.message : String(error)}`));
      const wrapped = wrap(page);
      if (url) await wrapped.goto(url);
      return wrapped;
    };
    const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
    if (inProfile) await waitForProfileAddon(ff, extensionUrl('options.html'));
    return {
      name: 'firefox',
      extensionId: uuid,
      errors,
      raw: ff,
      newPage,
      extensionUrl,
      openPopup: (query = '') => newPage(extensionUrl(`popup.html${query}`)),
      openOptions: () => newPage(extensionUrl('options.html')),
      async close() {
        await ff.close().catch(() => undefined);
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    throw error;
  }
}
