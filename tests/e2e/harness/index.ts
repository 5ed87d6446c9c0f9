import { resolve } from 'node:path';
import type { BrowserName } from './browsers';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { ExtensionBrowser, LaunchOptions } from './extension-browser';

export { startFixtureServer, type FixtureServer } from './server';
export type { ExtensionBrowser } from './extension-browser';
export type { TestPage } from './page';
export type { BrowserName } from './browsers';

export { BROWSER_NAMES as BROWSERS } from './browsers';

/** The built extension for a browser (`npm run build` makes both). */
export function extensionDir(name: BrowserName): string {
  return resolve(process.cwd(), '.output', name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
}

export function launchWithExtension(name: BrowserName, options: Partial<LaunchOptions> = {}): Promise<ExtensionBrowser> {
  const full = { extensionDir: extensionDir(name), ...options };
  return name === 'chromium' ? launchChromium(full) : launchFirefox(full);
}

export const FIXTURES_DIR = resolve(process.cwd(), 'tests', 'fixtures');
