// Watches the page for a changed article: single-page-app navigation (WXT's locationchange) and
// DOM mutations. Mutations are batched by one observer, reduced to "did anything change inside
// the article / was substantial text added", and acted on once the page has been quiet for a
// moment (or at the latest after MAX_WAIT_MS of continuous change).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { OVERLAY_HOST, TOOLTIP_HOST } from './hosts';

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

/** Late-loading bodies may re-run the analysis this many times per URL, no more. */
export const MAX_AUTO_RERUNS = 5;
/** More mutated nodes than this in one batch: treat as "anything may have changed". */
export const MAX_TRACKED_TARGETS = 500;

/** What the page looked like after the last run, for deciding whether a batch matters. */
export interface LastRun {
  state: 'no-article' | 'no-coverage' | 'ready' | 'error' | 'working' | null;
  /** The element holding the anchored article, when there is one. */
  articleRoot: Node | null;
  /** Its text when the run finished. */
  articleText: string | null;
  autoReruns: number;
}

/**
 * Whether a batch of changes calls for a new analysis: the article's own text changed (not
 * ads, comments or timers around it), or substantial text arrived on a page that had no article
 * yet (a late-loading body), a bounded number of times.
 */
export function changesNeedRun(last: LastRun, changes: PageChanges, currentText: (root: Node) => string): boolean {
  if (last.articleText !== null) {
    const root = last.articleRoot;
    if (!root || !root.isConnected) return true;
    const touched = changes.targets.size >= MAX_TRACKED_TARGETS || [...changes.targets].some((t) => root.contains(t) || t.contains(root));
    return touched && currentText(root) !== last.articleText;
  }
  return last.state === 'no-article' && changes.addedText >= SUBSTANTIAL_TEXT && last.autoReruns < MAX_AUTO_RERUNS;
}

export interface PageWatchHandlers {
  onLocationChange(): void;
  onChanges(changes: PageChanges): void;
}

const OUR_HOSTS = `${TOOLTIP_HOST}, ${OVERLAY_HOST}`;

function isOurs(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest(OUR_HOSTS);
}

/** A record of our own doing: inside our elements, or adding and removing only them. */
function isOurRecord(record: MutationRecord): boolean {
  if (isOurs(record.target)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOurs);
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
      if (isOurRecord(record)) continue;
      relevant = true;
      // A huge burst is summarized, not itemized: the check afterwards looks at the article root.
      if (pending.targets.size < MAX_TRACKED_TARGETS) pending.targets.add(record.target);
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
