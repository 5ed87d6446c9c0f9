import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { FIXTURES_DIR, launchWithExtension, startFixtureServer, type BrowserName, type ExtensionBrowser, type FixtureServer, type TestPage } from './index';
import type { LaunchOptions } from './extension-browser';

export interface ExtensionSession {
  readonly browser: ExtensionBrowser;
  readonly server: FixtureServer;
  /** Opens a page (a path on the fixture server or a full URL), closed after the test. */
  open(pathOrUrl: string): Promise<TestPage>;
  openPopup(query?: string): Promise<TestPage>;
  openOptions(): Promise<TestPage>;
  /**
   * Closes the browser (and the session's pages) and starts it again on the same profile, as a
   * user restarting the browser would. Only for sessions made with `keepProfile: true`.
   */
  restart(): Promise<void>;
}

/**
 * One browser with the extension and one fixture server per test file. Pages opened through the
 * session are screenshotted under test-results/ when a test fails, then closed; the browser and
 * the server are closed after the file even when tests fail.
 */
export function useExtensionSession(
  name: BrowserName,
  options: { roots?: string[]; launch?: Partial<LaunchOptions>; keepProfile?: boolean } = {},
): ExtensionSession {
  let browser: ExtensionBrowser | undefined;
  let server: FixtureServer | undefined;
  let pages: TestPage[] = [];
  // With keepProfile the session owns one profile directory for all its launches and deletes it
  // after the file; otherwise each launch makes and deletes its own.
  let profileDir: string | undefined;
  const launch = () => launchWithExtension(name, { ...options.launch, ...(profileDir ? { profileDir } : {}) });

  beforeAll(async () => {
    server = await startFixtureServer([FIXTURES_DIR, ...(options.roots ?? [])]);
    if (options.keepProfile) profileDir = await mkdtemp(join(tmpdir(), `parallax-${name}-kept-`));
    browser = await launch();
  }, 90_000);

  afterEach(async (context) => {
    const failed = context.task.result?.state === 'fail';
    for (const [i, page] of pages.entries()) {
      if (failed) await page.screenshot(`failed-${context.task.name}-${i}`).catch(() => undefined);
      await page.close().catch(() => undefined);
    }
    pages = [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  }, 60_000);

  const track = async (opening: Promise<TestPage>) => {
    const page = await opening;
    pages.push(page);
    return page;
  };
  const need = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} did not start; see the beforeAll error`);
    return value;
  };

  return {
    get browser() {
      return need(browser, 'browser');
    },
    get server() {
      return need(server, 'fixture server');
    },
    open: (pathOrUrl) => {
      const url = /^[a-z-]+:/.test(pathOrUrl) ? pathOrUrl : need(server, 'fixture server').url(pathOrUrl);
      return track(need(browser, 'browser').newPage(url));
    },
    openPopup: (query) => track(need(browser, 'browser').openPopup(query)),
    openOptions: () => track(need(browser, 'browser').openOptions()),
    async restart() {
      if (!profileDir) throw new Error('restart() needs a session made with keepProfile: true');
      const running = need(browser, 'browser');
      for (const page of pages) await page.close().catch(() => undefined);
      pages = [];
      browser = undefined;
      await running.close();
      browser = await launch();
    },
  };
}
