import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserName } from './browsers';

export const RESULTS_DIR = join(process.cwd(), 'test-results');

/** What tests do with a page, the same in Chromium (Playwright) and Firefox (puppeteer-core). */
export interface TestPage {
  readonly browserName: BrowserName;
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns a truthy value in the page (an async `fn`: until its promise resolves to one). */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  waitForSelector(selector: string, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Saves a PNG under test-results/ and returns its path: the viewport, or the whole page with `fullPage`. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
  /** The underlying Playwright or puppeteer page, for what this interface does not cover. */
  readonly raw: unknown;
}

export async function screenshotPath(browserName: BrowserName, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const safe = name.replace(/[^a-z0-9._-]+/gi, '-');
  return join(RESULTS_DIR, `${browserName}-${safe}${safe.endsWith('.png') ? '' : '.png'}`);
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** How often `pollPage` asks the page again. */
const POLL_MS = 50;

/**
 * The one wording of a `waitFor` that ran out of time, whichever way it ran out (between checks,
 * during a check that had not answered, or in puppeteer's own poller), so a test can match one
 * message in both browsers. `still` says why, for whoever reads the failure.
 */
export function waitForTimedOut(what: string, timeoutMs: number, still?: string): Error {
  return new Error(`waitFor: ${what} was not true within ${timeoutMs} ms${still ? ` (${still})` : ''}`);
}

/** The start of a page function's source, to name it in a timeout. */
export function describeCheck(fn: unknown): string {
  return String(fn).slice(0, 200);
}

/**
 * Evaluates `check` in the page until it gives a truthy value, past `timeoutMs` failing with
 * `what`. The page's context going away while asked (a navigation) counts as not yet.
 */
export async function pollPage(check: () => Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw waitForTimedOut(what, timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((done) => (timer = setTimeout(() => done('expired'), left)));
    const value = await Promise.race([check().catch(notYetWhenNavigated), expired]).finally(() => clearTimeout(timer));
    if (value === 'expired') throw waitForTimedOut(what, timeoutMs, 'the last check had not answered yet');
    if (value) return;
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

function notYetWhenNavigated(error: unknown): false {
  if (error instanceof Error && /Execution context was destroyed|Cannot find context with specified id|navigat/i.test(error.message)) return false;
  throw error;
}
