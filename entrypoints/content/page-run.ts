// One analysis of the page: gate → live text index → page HTML to the background (Readability and
// the engine run there) → anchor the answer's sentences in the live text. Every step is sliced
// or native, and every await checks the run's AbortSignal.
import type { MessageTransport } from './transport';
import type { PageAnalysis } from '@/utils/page-analysis/page-analysis';
import { MAX_PAGE_HTML_CHARS } from '@/lib/messages';
import { anchorSentences, type SentenceAnchor } from './article-anchors';
import { gateArticle } from './article-gate';
import { PageTooLargeError, buildLiveText, type LiveText } from './live-text';
import { createBudget, endSlice, yieldToPage, type WorkBudget } from './work-budget';
import { serializePage } from './page-html';

/** Pages with more rendered text than this are not analyzed (a long article has ~60,000). */
export const MAX_LIVE_CHARS = 2_000_000;

export interface PageModel {
  url: string;
  analysis: Extract<PageAnalysis, { state: 'ready' | 'no-coverage' }>;
  live: LiveText;
  anchors: SentenceAnchor[];
  /** The element holding every anchored sentence; its text decides whether a re-run is needed. */
  articleRoot: Node | null;
  articleText: string;
}

export type RunOutcome =
  | { state: 'no-article'; reason: string }
  | { state: 'error'; error: string }
  | { state: 'ready' | 'no-coverage'; model: PageModel };

function isPageAnalysis(value: unknown): value is PageAnalysis {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.state === 'no-article') return typeof v.reason === 'string';
  if (v.state === 'error') return typeof v.error === 'string';
  if (v.state !== 'ready' && v.state !== 'no-coverage') return false;
  const article = v.article as Record<string, unknown> | undefined;
  const result = v.result as Record<string, unknown> | undefined;
  return (
    typeof article?.text === 'string' && Array.isArray(article.paragraphs) &&
    Array.isArray(result?.sentences) && Array.isArray(result.facts)
  );
}

/** The closest node containing both ends of the anchored text. */
function commonRoot(live: LiveText, anchors: readonly SentenceAnchor[]): Node | null {
  const first = anchors.find((a) => a !== null);
  const last = [...anchors].reverse().find((a) => a !== null);
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStart(live.nodes[live.charNode[first.start]!]!, 0);
  range.setEnd(live.nodes[live.charNode[last.end - 1]!]!, 0);
  return range.commonAncestorContainer;
}

/** The article's raw text; compared as a whole, natively, to tell a changed article from ads and timers. */
export function articleTextOf(root: Node | null): string {
  return root?.isConnected ? (root.textContent ?? '') : '';
}

/** Phase marks on the page's performance timeline, only when the page asks (evaluations). */
function mark(name: string): void {
  if (document.documentElement.dataset.parallaxDebug) performance.mark(`parallax:${name}`);
}

export async function runPage(signal: AbortSignal, transport: MessageTransport, budget: WorkBudget = createBudget(signal)): Promise<RunOutcome> {
  mark('gate');
  const gate = gateArticle(document);
  mark('live-text');
  if (!gate.ok) return gate.state === 'error' ? { state: 'error', error: gate.reason } : { state: 'no-article', reason: gate.reason };

  let live: LiveText;
  try {
    live = await buildLiveText(document.body, budget, MAX_LIVE_CHARS);
  } catch (error) {
    if (error instanceof PageTooLargeError) return { state: 'error', error: `page too large to analyze (${error.message})` };
    throw error;
  }
  mark('serialize');
  const html = await serializePage(document, budget);
  mark('send');
  if (html.length > MAX_PAGE_HTML_CHARS) return { state: 'error', error: `page too large to analyze (${html.length} characters of HTML)` };
  const url = location.href;
  endSlice(budget);
  const answer = await transport.send({ type: 'analyze-html', url, html });
  mark('answer');
  budget.reset();
  signal.throwIfAborted();
  if (!isPageAnalysis(answer)) return { state: 'error', error: 'the background sent no valid answer' };
  if (answer.state === 'no-article') return { state: 'no-article', reason: answer.reason };
  if (answer.state === 'error') return { state: 'error', error: answer.error };

  // The page may have changed while the background worked (single-page apps swap the article):
  // index the live text again so that anchors point at nodes that are still there.
  if (live.nodes.some((node) => !node.isConnected)) live = await buildLiveText(document.body, budget, MAX_LIVE_CHARS);
  const anchors = await anchorSentences(live.text, answer.article, answer.result.sentences, budget);
  mark('anchored');
  // Drawing gets a slice of its own.
  await yieldToPage(budget);
  const articleRoot = commonRoot(live, anchors);
  return {
    state: answer.state,
    model: { url, analysis: answer, live, anchors, articleRoot, articleText: articleTextOf(articleRoot) },
  };
}
