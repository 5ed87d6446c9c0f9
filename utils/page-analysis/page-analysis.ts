// One page through the pipeline: HTML → article (Readability) → engine → the answer the content
// script draws from. Pure apart from its inputs, so it runs the same in tests and in the worker.
import type { AnalysisResult, ArticleInput } from '@/lib/result';
import type { ExtractedArticle } from './article';
import { NotAnArticleError, extractArticle } from './article-extraction';
import { errorMessage } from '@/lib/error-message';

/** The background's answer to `analyze-html`. */
export type PageAnalysis =
  | { state: 'no-article'; reason: string }
  | { state: 'error'; error: string }
  | { state: 'no-coverage' | 'ready'; article: ExtractedArticle; result: AnalysisResult };

/** The engine's analysis; a corpus that reads its articles on demand needs the async one (analyzeAsync). */
export type Analyze<C> = (article: ArticleInput, corpus: C) => AnalysisResult | Promise<AnalysisResult>;

/** Other outlets cover this story: a same-story match, or any sentence aligned with another outlet. */
export function hasCoverage(result: AnalysisResult): boolean {
  return result.stories.some((story) => story.sameStory) || result.facts.length > 0;
}

export type Extraction = { ok: true; article: ExtractedArticle } | { ok: false; analysis: PageAnalysis };

/** The article of a page, or the no-article/error answer when there is none. */
export function extractPage(html: string, url: string): Extraction {
  try {
    const { byline: _byline, lang: _lang, ...article } = extractArticle(html, url);
    return { ok: true, article };
  } catch (error) {
    if (error instanceof NotAnArticleError) return { ok: false, analysis: { state: 'no-article', reason: error.message } };
    const message = errorMessage(error);
    return { ok: false, analysis: { state: 'error', error: `article extraction failed: ${message}` } };
  }
}

export async function analyzeArticle<C>(article: ExtractedArticle, url: string, corpus: C, analyze: Analyze<C>): Promise<PageAnalysis> {
  const input: ArticleInput = { url, text: article.text };
  if (article.title) input.title = article.title;
  if (article.published) input.published = article.published;
  if (article.outlet) input.outlet = article.outlet;
  const result = await analyze(input, corpus);
  return { state: hasCoverage(result) ? 'ready' : 'no-coverage', article, result };
}

/** A short, stable fingerprint of a text (FNV-1a, 32 bits, plus the length). */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}-${text.length.toString(36)}`;
}
