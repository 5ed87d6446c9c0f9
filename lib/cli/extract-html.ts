// Article text from a saved HTML page, for `parallax analyze page.html`: the same extraction
// (Readability on linkedom) that turns fetched feed items into corpus records.
import { extractArticle, NotAnArticleError } from '../article/from-html.ts';
import type { ArticleInput } from '../result.ts';
import { InputError } from './io.ts';

/** Any article with words in it is worth analyzing when a user names the file. */
const MIN_ARTICLE_CHARS = 1;

export function articleFromHtml(html: string, file: string): ArticleInput {
  let article;
  try {
    article = extractArticle(html, { minChars: MIN_ARTICLE_CHARS });
  } catch (error) {
    if (error instanceof NotAnArticleError) throw new InputError(`${file}: no article found in the page (${error.message})`);
    throw error;
  }
  if (!/[\p{L}\p{N}]/u.test(article.text)) throw new InputError(`${file}: the article has no text`);
  return {
    text: article.text,
    ...(article.title ? { title: article.title } : {}),
    ...(article.published ? { published: article.published } : {}),
    ...(article.siteName ? { outlet: article.siteName } : {}),
  };
}
