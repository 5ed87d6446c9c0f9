// The article as the background extracts it and the content script anchors it in the page:
// shared by both entrypoints, so it lives here rather than in either.
import type { TextSpan } from '@/lib/article/from-html';

/** The article as the background extracted it: text plus paragraph spans into that text. */
export interface ExtractedArticle {
  title: string | null;
  text: string;
  paragraphs: TextSpan[];
  /** YYYY-MM-DD from the page's metadata, when it has one (story matching weighs time). */
  published?: string | null;
  /** The site's name (og:site_name), when it has one. */
  outlet?: string | null;
}
