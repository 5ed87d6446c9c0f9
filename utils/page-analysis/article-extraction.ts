// The article of the page a reader opened, from the HTML the content script sent: lib/article's
// extractor runs here in the background, so the page's main thread never pays for it.
import { extractArticle as extractFromHtml, NotAnArticleError } from '@/lib/article/from-html';
import { outletNameFor } from '@/lib/outlets/directory';
import type { ExtractedArticle } from './article';

export { NotAnArticleError };

/** An article shorter than this (in characters of running text) is not worth cross-referencing. */
export const MIN_ARTICLE_CHARS = 280;
/** Paragraphs shorter than this (menu entries, list items, labels) are not running text. */
export const MIN_PROSE_PARAGRAPH = 60;

/** The article in `html`, or NotAnArticleError when there is none worth analyzing. */
export function extractArticle(html: string, url: string): ExtractedArticle & { byline: string | null; lang: string | null } {
  // The reader chose this page: Readability alone decides where its article is, and the length
  // of its running text whether it is worth comparing.
  const article = extractFromHtml(html, { url, minChars: 0, requireReaderable: false });
  const prose = article.paragraphs.reduce((sum, p) => sum + (p.end - p.start >= MIN_PROSE_PARAGRAPH ? p.end - p.start : 0), 0);
  if (prose < MIN_ARTICLE_CHARS) throw new NotAnArticleError('the page has too little running text for an article');
  return {
    title: article.title,
    text: article.text,
    paragraphs: article.paragraphs,
    published: article.published,
    // The directory's name for the page's address ("TASS", not "tass.com"), else the page's own.
    outlet: outletNameFor(url, article.siteName),
    byline: article.byline,
    lang: article.lang,
  };
}
