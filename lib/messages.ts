// The messages the extension's contexts exchange. Every listener parses what it receives with
// `parseMessage` and ignores anything else: page scripts and other extensions must not be able
// to drive the background.
import type { ArticleInput } from './result';

export type Message =
  /** Content script → background: analyze the article extracted from this tab. */
  | { type: 'analyze'; article: ArticleInput }
  /** Popup → background: the cached result for a tab, without re-analysis. */
  | { type: 'get-tab-result'; tabId: number }
  /** Any extension page → background: is it alive, and what corpus does it hold. */
  | { type: 'status' }
  /** Popup → content script: scroll to a sentence and flash its highlight. */
  | { type: 'reveal-sentence'; sentenceIndex: number };

const MAX_ARTICLE_CHARS = 2_000_000;

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
    default:
      return null;
  }
}
