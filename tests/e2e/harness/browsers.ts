import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSER_NAMES: BrowserName[] = ['chromium', 'firefox'];

const CANDIDATES: Record<BrowserName, { env: string; paths: string[]; install: string }> = {
  chromium: {
    env: 'CHROMIUM_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
    install: 'sudo apt-get update && sudo apt-get install -y chromium   (or set CHROMIUM_PATH=/path/to/chrome)',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    install: 'sudo apt-get update && sudo apt-get install -y firefox-esr   (or set FIREFOX_PATH=/path/to/firefox)',
  },
};

/** The executable to drive: the environment variable first, then the usual Debian paths. */
export function findBrowser(name: BrowserName): string | null {
  const candidate = CANDIDATES[name];
  const fromEnv = process.env[candidate.env];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidate.paths.find((path) => existsSync(path)) ?? null;
}

export function missingBrowserMessage(name: BrowserName): string {
  const candidate = CANDIDATES[name];
  const fromEnv = process.env[candidate.env];
  const where = fromEnv ? `${candidate.env}=${fromEnv} does not exist` : `none of ${candidate.paths.join(', ')} exists`;
  return `No ${name} found (${where}). Install it: ${candidate.install}`;
}

export function requireBrowser(name: BrowserName): string {
  const path = findBrowser(name);
  if (!path) throw new Error(missingBrowserMessage(name));
  return path;
}
