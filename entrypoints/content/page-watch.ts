// Watches the page for a changed article: single-page-app navigation (WXT's locationchange) and
// DOM mutations. Mutations are batched by one observer, reduced to "did anything change inside
// the article / was substantial text added", and acted on once the page has been quiet for a
// moment (or at the latest after MAX_WAIT_MS of continuous change).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TOOLTIP_HOST } from './tooltip-ui';

export const QUIET_MS = 700;
export const MAX_WAIT_MS = 3000;
/** Added text (characters) that may be a late-loading article body. */
export const SUBSTANTIAL_TEXT = 400;

export interface PageChanges {
  /** Mutated nodes (targets of records), for checking against the article's root. */
  targets: Set<Node>;
  /** Characters of text in added nodes (capped, counted cheaply). */
  addedText: number;
}

export interface PageWatchHandlers {
  onLocationChange(): void;
  onChanges(changes: PageChanges): void;
}

function isOurs(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest(TOOLTIP_HOST);
}

export function watchPage(ctx: ContentScriptContext, handlers: PageWatchHandlers): void {
  let pending: PageChanges = { targets: new Set(), addedText: 0 };
  let quietTimer: number | undefined;
  let firstChangeAt = 0;

  const flush = () => {
    quietTimer = undefined;
    firstChangeAt = 0;
    const changes = pending;
    pending = { targets: new Set(), addedText: 0 };
    handlers.onChanges(changes);
  };

  const observer = new MutationObserver((records) => {
    let relevant = false;
    for (const record of records) {
      if (isOurs(record.target)) continue;
      relevant = true;
      // A huge burst is summarized, not itemized: the check afterwards looks at the article root.
      if (pending.targets.size < 500) pending.targets.add(record.target);
      if (pending.addedText < SUBSTANTIAL_TEXT) {
        for (const node of record.addedNodes) {
          if (isOurs(node)) continue;
          pending.addedText += node.nodeType === 3 ? (node as Text).length : (node as Element).textContent?.length ?? 0;
          if (pending.addedText >= SUBSTANTIAL_TEXT) break;
        }
      }
    }
    if (!relevant) return;
    const now = performance.now();
    firstChangeAt ||= now;
    if (quietTimer !== undefined) clearTimeout(quietTimer);
    const wait = Math.min(QUIET_MS, Math.max(0, MAX_WAIT_MS - (now - firstChangeAt)));
    quietTimer = ctx.setTimeout(flush, wait);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => handlers.onLocationChange());
}
