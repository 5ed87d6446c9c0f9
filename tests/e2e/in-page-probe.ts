// What Parallax drew in a page, asked from an extension page with the inspect-page message: the
// page's own scripts (and so the tests' page.evaluate) cannot see inside its closed layer and
// tooltip, by design.
import type { TestPage } from './harness';
import type { ExtensionSession } from './harness/session';
import { findTabId } from './popup-options.helpers';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface InPageView {
  state: string | null;
  highlights: { kind: 'shared' | 'conflict' | 'focus'; text: string; rects: Box[] }[];
  tooltip: { sentenceIndex: number; text: string; versions: string[]; background: string; rect: Box } | null;
}

export interface InPageProbe {
  /** What is drawn now (null: no content script answered). */
  view(): Promise<InPageView | null>;
  /** Polls until `check` holds, then returns that view. */
  waitFor(check: (view: InPageView) => boolean, timeoutMs?: number): Promise<InPageView>;
  /** Texts of the shared and conflict highlights. */
  texts(): Promise<string[]>;
}

const probes = new WeakMap<TestPage, Promise<{ extension: TestPage; tabId: number }>>();

export function probeFor(session: ExtensionSession, page: TestPage, url: string): InPageProbe {
  const target = () => {
    let found = probes.get(page);
    if (!found) {
      found = (async () => {
        // The page's address now: a single-page app may have moved on from the one it opened at.
        const current = await page.evaluate(() => location.href).catch(() => url);
        const extension = await session.openPopup();
        const tabId = await findTabId(extension, current);
        // The extension page opened in front; a page left in the background gets its scroll
        // events and frames late (Firefox), and the tooltip follows the page through them.
        await (page.raw as { bringToFront?: () => Promise<void> }).bringToFront?.();
        return { extension, tabId };
      })();
      probes.set(page, found);
    }
    return found;
  };
  const view = async (): Promise<InPageView | null> => {
    const { extension, tabId } = await target();
    return extension.evaluate(async (id: number) => {
      type Api = { tabs: { sendMessage(id: number, m: object): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return ((await (g.browser ?? g.chrome).tabs.sendMessage(id, { type: 'inspect-page' }).catch(() => null)) ?? null) as never;
    }, tabId);
  };
  return {
    view,
    async waitFor(check, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let last: InPageView | null = null;
      for (;;) {
        last = await view();
        if (last && check(last)) return last;
        if (Date.now() > deadline) throw new Error(`the page never showed what was expected; last view: ${JSON.stringify(last)?.slice(0, 600)}`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    async texts() {
      return ((await view())?.highlights ?? []).filter((h) => h.kind !== 'focus').map((h) => h.text);
    },
  };
}
