import type { BrowserName } from './browsers';
import type { TestPage } from './page';

export interface LaunchOptions {
  /** The built extension: .output/chrome-mv3 or .output/firefox-mv3. */
  extensionDir: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  /**
   * A profile directory to start the browser on, kept when the browser closes (the caller
   * deletes it): launching again on it is a browser restart with the user's data in place.
   * Without it each launch gets a fresh temporary profile, deleted on close.
   */
  profileDir?: string;
  /**
   * Firefox only. 'temporary' (the default): installed over WebDriver BiDi after every launch.
   * 'profile': installed permanently in `profileDir` (needs it), so it starts with the browser
   * as a user's installed add-on does; needs a Firefox that accepts unsigned add-ons (ESR,
   * Developer Edition, Nightly, unbranded builds). Chromium always loads the unpacked extension
   * at startup.
   */
  firefoxInstall?: 'temporary' | 'profile';
  /** Chromium only: extra command-line switches (e.g. a loopback DevTools port for a profiler). */
  chromiumArgs?: string[];
  /** Firefox only: extra prefs (e.g. a proxy that records all of the browser's traffic). */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

/** A real browser with the built extension installed. `close()` ends it and its profile (unless the profile was `profileDir`). */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  readonly extensionId: string;
  /** Uncaught errors seen in pages opened through this harness. */
  readonly errors: string[];
  readonly raw: unknown;
  newPage(url?: string): Promise<TestPage>;
  extensionUrl(path: string): string;
  /** Opens popup.html in a tab (a toolbar popup cannot be opened by automation in both browsers). */
  openPopup(query?: string): Promise<TestPage>;
  openOptions(): Promise<TestPage>;
  close(): Promise<void>;
}
