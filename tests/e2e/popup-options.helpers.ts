// Helpers for the popup and options e2e tests: accessibility checks with axe-core in both
// browsers, file picking without a native dialog, and finding a page's tab id.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { TestPage } from './harness';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

/**
 * axe-core's violations for the page: through @axe-core/playwright in Chromium; in Firefox,
 * axe-core's own script evaluated in the page by the automation protocol (extension pages forbid
 * eval, but protocol evaluation is not page script).
 */
export async function axeViolations(page: TestPage): Promise<AxeViolation[]> {
  type Raw = { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] };
  let violations: Raw[];
  if (page.browserName === 'chromium') {
    const results = await new AxeBuilder({ page: page.raw as PlaywrightPage }).analyze();
    violations = results.violations as Raw[];
  } else {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const raw = page.raw as { evaluate: (code: string) => Promise<unknown> };
    await raw.evaluate(`${axeSource};void 0`);
    violations = (await raw.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
    )) as Raw[];
  }
  return violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Serious and critical violations only: the bar the tests hold the pages to. Every violation
 * found (of any impact) is kept in test-results/axe/<browser>-<name>.json for review.
 */
export async function seriousViolations(page: TestPage, name: string): Promise<AxeViolation[]> {
  const all = await axeViolations(page);
  const dir = join(process.cwd(), 'test-results', 'axe');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${page.browserName}-${name}.json`), `${JSON.stringify(all, null, 2)}\n`);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Puts a file into an <input type=file> and fires `change`, as picking it in the dialog would. */
export async function pickFile(page: TestPage, selector: string, fileName: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, fileName, text }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'application/x-ndjson' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, fileName, text },
  );
}

/** Drops a file on an element, as dragging it from the desktop would. */
export async function dropFile(page: TestPage, selector: string, fileName: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, fileName, text }) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`no ${selector}`);
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'application/x-ndjson' }));
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { selector, fileName, text },
  );
}

/**
 * The tab id of the page at `url`, asked from an extension page. Firefox tells extension pages
 * every tab's URL; Chromium hides URLs without the "tabs" permission, so there the page is the
 * newest tab that is not an extension page (tests open the page just before asking).
 */
export async function findTabId(extensionPage: TestPage, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (target: string) => {
    type Tab = { id?: number; url?: string };
    type TabsApi = { tabs: { query: (q: object) => Promise<Tab[]> } };
    const g = globalThis as { browser?: TabsApi; chrome?: TabsApi };
    const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
    const exact = tabs.find((t) => t.url === target);
    if (exact?.id !== undefined) return exact.id;
    const own = location.origin;
    const others = tabs.filter((t) => t.id !== undefined && !(t.url ?? '').startsWith(own) && t.url !== 'about:blank');
    const unknown = others.filter((t) => t.url === undefined);
    const pool = unknown.length ? unknown : others;
    return pool.reduce((best, t) => Math.max(best, t.id!), -1);
  }, url);
  if (id < 0) throw new Error(`no tab found for ${url}`);
  return id;
}

/** The text of every element matching `selector`, white space folded. */
export function texts(page: TestPage, selector: string): Promise<string[]> {
  return page.evaluate((s: string) => [...document.querySelectorAll(s)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()), selector);
}

/** One article of the popup's "Earlier and later coverage" time line, as the reader sees it. */
export interface TimelineEntry {
  /** The group heading it stands under ("Earlier", "Later"). */
  group: string | null;
  outlet: string;
  when: string;
  title: string;
  /** The facts it shares with the page, as quoted. */
  facts: string[];
}

/** The time line's articles, in the order shown. */
export function timelineEntries(popup: TestPage): Promise<TimelineEntry[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('[data-testid="related"]')].map((li) => {
      const clean = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        group: li.closest('section')?.querySelector('h3')?.textContent ?? null,
        outlet: clean(li.querySelector('.timeline-outlet')),
        when: clean(li.querySelector('[data-testid="related-when"]')),
        title: clean(li.querySelector('.outlet-title')),
        facts: [...li.querySelectorAll('[data-testid="related-fact"] > q')].map(clean),
      };
    }),
  );
}

/** The time line from top to bottom: each group's heading, and where this article stands ("This article · 2 Apr 2018"). */
export function timelineOrder(popup: TestPage): Promise<(string | null | undefined)[]> {
  return popup.evaluate(() =>
    [...document.querySelector('[data-testid="timeline"]')!.children].map((el) =>
      el.matches('[data-testid="timeline-now"]') ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : el.querySelector('h3')?.textContent,
    ),
  );
}
