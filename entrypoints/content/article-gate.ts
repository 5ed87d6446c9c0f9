// The cheap first question on every page: could this be an article? Only pages that pass are
// serialized and sent for extraction. Oversized pages stop here with a reason instead of costing
// the page long tasks.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

/** Pages with more elements than this are not analyzed (a real news page has a few thousand). */
export const MAX_PAGE_ELEMENTS = 60_000;

export type Gate = { ok: true } | { ok: false; state: 'no-article' | 'error'; reason: string };

export function gateArticle(document_: Document = document): Gate {
  const body = document_.body;
  if (!body || body.tagName.toUpperCase() !== 'BODY') return { ok: false, state: 'no-article', reason: 'the page has no body' };
  // A live HTMLCollection's length is counted natively, without building an array.
  const elements = document_.getElementsByTagName('*').length;
  if (elements > MAX_PAGE_ELEMENTS) return { ok: false, state: 'error', reason: `page too large to analyze (${elements} elements)` };
  if (!isProbablyReaderable(document_)) return { ok: false, state: 'no-article', reason: 'the page does not look like an article' };
  return { ok: true };
}
