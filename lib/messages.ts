// The messages the extension's contexts exchange. Every listener parses what it receives with
// `parseMessage` and ignores anything else: page scripts and other extensions must not be able
// to drive the background.
import type { AnalysisResult, ArticleInput } from './result';

export type Message =
  /** Content script → background: analyze the article extracted from this tab. */
  | { type: 'analyze'; article: ArticleInput }
  /** Popup → background: the cached result for a tab, without re-analysis. */
  | { type: 'get-tab-result'; tabId: number }
  /** Any extension page → background: is it alive, and what corpus does it hold. */
  | { type: 'status' }
  /** Popup → content script: scroll to a sentence and flash its highlight. */
  | { type: 'reveal-sentence'; sentenceIndex: number }
  /** Popup → content script: analyze this page now (auto-run is off, or nothing ran yet). */
  | { type: 'analyze-page' }
  /**
   * Extension page → content script: what it drew in the page (highlights, the tooltip), which
   * the page itself cannot read (closed shadow roots). For tests and debugging.
   */
  | { type: 'inspect-page' }
  /** Options page → background: imported corpora were added or removed; reload them. */
  | { type: 'corpora-changed' }
  /**
   * Content script → background: extract the article from this page's HTML (Readability runs in
   * the background, off the page's main thread) and analyze it. Answered with a PageAnalysis.
   */
  | { type: 'analyze-html'; url: string; html: string }
  /** Content script → background: the page's state when no analysis answers for it (no article, error, disabled). */
  | { type: 'tab-state'; url: string; report: TabReport }
  /** Background → content script: the `next-shared-fact` command was pressed in this tab. */
  | { type: 'next-shared-fact' }
  /** Options page → background: refresh the followed feeds now (progress is kept in storage). */
  | { type: 'feeds-refresh' }
  /** Extension pages → background: stop the running refresh (first-run page). */
  | { type: 'feeds-stop' };

/** What the page is, as the content script extracted it; shown in the popup's header. */
export interface PageArticle {
  title?: string;
  url?: string;
  outlet?: string | null;
}

/**
 * The background's answer to `get-tab-result`: where the tab's analysis stands.
 * `idle`: nothing analyzed for this tab yet (auto-run off, not a web page, or the content script
 * has not reported). `progress` is 0..1 when known.
 */
export type TabReport =
  | { state: 'idle' }
  | { state: 'working'; progress?: number }
  | { state: 'no-article' }
  | { state: 'disabled'; host: string }
  | { state: 'no-coverage'; article?: PageArticle; result: AnalysisResult }
  | { state: 'ready'; article?: PageArticle; result: AnalysisResult }
  | { state: 'error'; error: string };

/** The background's answer to `status`: the extension's version. */
export interface StatusReply {
  ok: true;
  version: string;
}

const MAX_ARTICLE_CHARS = 2_000_000;
/** Larger pages are not analyzed: the content script reports them as too large instead. */
export const MAX_PAGE_HTML_CHARS = 12_000_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function parseArticle(value: unknown): ArticleInput | null {
  if (!isRecord(value) || typeof value.text !== 'string') return null;
  if (value.text.length > MAX_ARTICLE_CHARS) return null;
  if (![value.url, value.title, value.published, value.id].every(optionalString)) return null;
  if (value.outlet !== undefined && value.outlet !== null && typeof value.outlet !== 'string') return null;
  const article: ArticleInput = { text: value.text };
  if (typeof value.url === 'string') article.url = value.url;
  if (typeof value.title === 'string') article.title = value.title;
  if (typeof value.published === 'string') article.published = value.published;
  if (typeof value.outlet === 'string') article.outlet = value.outlet;
  return article;
}

/** Returns the message when `value` has exactly an expected shape, otherwise null. */
export function parseMessage(value: unknown): Message | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'analyze': {
      const article = parseArticle(value.article);
      return article ? { type: 'analyze', article } : null;
    }
    case 'get-tab-result':
      return Number.isInteger(value.tabId) ? { type: 'get-tab-result', tabId: value.tabId as number } : null;
    case 'status':
      return { type: 'status' };
    case 'reveal-sentence':
      return Number.isInteger(value.sentenceIndex) && (value.sentenceIndex as number) >= 0
        ? { type: 'reveal-sentence', sentenceIndex: value.sentenceIndex as number }
        : null;
    case 'analyze-page':
      return { type: 'analyze-page' };
    case 'inspect-page':
      return { type: 'inspect-page' };
    case 'corpora-changed':
      return { type: 'corpora-changed' };
    case 'analyze-html':
      return typeof value.url === 'string' && typeof value.html === 'string' && value.html.length <= MAX_PAGE_HTML_CHARS
        ? { type: 'analyze-html', url: value.url, html: value.html }
        : null;
    case 'tab-state': {
      const report = typeof value.url === 'string' ? parseTabReport(value.report) : null;
      return report ? { type: 'tab-state', url: value.url as string, report } : null;
    }
    case 'next-shared-fact':
      return { type: 'next-shared-fact' };
    case 'feeds-refresh':
      return { type: 'feeds-refresh' };
    case 'feeds-stop':
      return { type: 'feeds-stop' };
    default:
      return null;
  }
}

function parsePageArticle(value: unknown): PageArticle | undefined {
  if (!isRecord(value)) return undefined;
  const article: PageArticle = {};
  if (typeof value.title === 'string') article.title = value.title;
  if (typeof value.url === 'string') article.url = value.url;
  if (typeof value.outlet === 'string' || value.outlet === null) article.outlet = value.outlet;
  return article;
}

function looksLikeResult(value: unknown): value is AnalysisResult {
  return (
    isRecord(value) &&
    Array.isArray(value.stories) &&
    Array.isArray(value.sentences) &&
    Array.isArray(value.facts) &&
    Array.isArray(value.omissions) &&
    Array.isArray(value.unique) &&
    isRecord(value.coverage) &&
    isRecord(value.corpus)
  );
}

/**
 * A TabReport from the background's reply, or null when the reply has another shape. The
 * popup shows "error" for null rather than rendering half a result.
 */
export function parseTabReport(value: unknown): TabReport | null {
  if (!isRecord(value) || typeof value.state !== 'string') return null;
  switch (value.state) {
    case 'idle':
    case 'no-article':
      return { state: value.state };
    case 'working':
      return typeof value.progress === 'number' && value.progress >= 0 && value.progress <= 1
        ? { state: 'working', progress: value.progress }
        : { state: 'working' };
    case 'disabled':
      return typeof value.host === 'string' ? { state: 'disabled', host: value.host } : null;
    case 'no-coverage':
    case 'ready': {
      if (!looksLikeResult(value.result)) return null;
      const article = parsePageArticle(value.article);
      return article ? { state: value.state, article, result: value.result } : { state: value.state, result: value.result };
    }
    case 'error':
      return { state: 'error', error: typeof value.error === 'string' && value.error ? value.error : 'unknown error' };
    default:
      return null;
  }
}
