// Extracts the article from a page's HTML with @mozilla/readability, run on a parsed copy of the
// page (linkedom) here in the background, so the page's main thread never pays for it. The
// content is cut into paragraphs of rendered text (the same folding the content script's live
// text index uses) so that each paragraph can be found again verbatim in the live page.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { publishedDay } from '@/lib/article/dates';
import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS, renderedText, tagOf } from '@/entrypoints/content/rendered-text';
import type { ExtractedArticle, TextSpan } from '@/entrypoints/content/article-anchors';

/** Readability gives up on documents with more elements than this (hostile or broken pages). */
export const MAX_ELEMENTS = 60_000;
/** An article shorter than this (in characters) is not worth cross-referencing. */
export const MIN_ARTICLE_CHARS = 280;
/** Paragraphs shorter than this (menu entries, list items, labels) are not running text. */
export const MIN_PROSE_PARAGRAPH = 60;

export class NotAnArticleError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAnArticleError';
  }
}

/** Paragraph texts of an element, in document order, each a run of inline text between blocks. */
export function paragraphsOf(root: Element): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = renderedText(buffer);
    if (text) paragraphs.push(text);
    buffer = '';
  };
  // Iterative walk: deeply nested markup must not overflow the stack.
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      buffer += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = tagOf(node as Element);
    if (tag === 'BR') {
      buffer += ' ';
      continue;
    }
    if (SKIPPED_ELEMENTS.has(tag)) continue;
    const block = BLOCK_ELEMENTS.has(tag);
    if (leaving) {
      if (block) flush();
      continue;
    }
    if (block) flush();
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return paragraphs;
}

/** Joins paragraphs with blank lines, the paragraph form the engine's segmenter expects. */
export function articleFromParagraphs(title: string | null, paragraphs: string[]): ExtractedArticle {
  let text = '';
  const spans: TextSpan[] = [];
  for (const paragraph of paragraphs) {
    if (text) text += '\n\n';
    spans.push({ start: text.length, end: text.length + paragraph.length });
    text += paragraph;
  }
  return { title, text, paragraphs: spans };
}

/** A byline is a short line; longer paragraphs that mention the author are article text. */
const MAX_BYLINE_CHARS = 160;
/** Only the first paragraphs can be the byline/dateline block. */
const BYLINE_SEARCH = 3;

/**
 * Drops the byline line ("By Andrew Higgins and Peter Baker · 2018-04-02") from the top of the
 * paragraphs. Readability leaves it in when the page also names the author in its metadata; it
 * is no sentence of the story and its names and date would count as facts.
 */
export function withoutByline(paragraphs: string[], byline: string | null): string[] {
  const names = byline ? renderedText(byline).replace(/^by\s+/i, '').toLowerCase() : '';
  return paragraphs.filter((paragraph, i) => {
    if (i >= BYLINE_SEARCH || paragraph.length > MAX_BYLINE_CHARS) return true;
    const lower = paragraph.toLowerCase();
    return !((names && lower.includes(names)) || /^[Bb]y\s+\p{Lu}/u.test(paragraph));
  });
}

/** The article in `html`, or NotAnArticleError when Readability finds none worth analyzing. */
export function extractArticle(html: string, url: string): ExtractedArticle & { byline: string | null; lang: string | null } {
  const { document } = parseHTML(html);
  const attribute = (selector: string, name: string) => document.querySelector(selector)?.getAttribute(name) ?? null;
  // Read before Readability, which rewrites the document.
  const metaPublished =
    publishedDay(attribute('meta[property="article:published_time"]', 'content')) ??
    publishedDay(attribute('meta[name="date"]', 'content')) ??
    publishedDay(attribute('time[datetime]', 'datetime'));
  // Readability resolves relative links against the document's URL; linkedom has none.
  const base = document.createElement('base');
  base.setAttribute('href', url);
  document.head?.prepend(base);
  const parsed = new Readability<Element>(document as unknown as Document, {
    maxElemsToParse: MAX_ELEMENTS,
    serializer: (node) => node as Element,
  }).parse();
  if (!parsed?.content) throw new NotAnArticleError('no article found on this page');
  const article: ExtractedArticle = {
    ...articleFromParagraphs(parsed.title ? renderedText(parsed.title) : null, withoutByline(paragraphsOf(parsed.content), parsed.byline ?? null)),
    published: publishedDay(parsed.publishedTime) ?? metaPublished,
    outlet: parsed.siteName ? renderedText(parsed.siteName) : null,
  };
  // Running text, not menus and lists: only paragraphs of some length count.
  const prose = article.paragraphs.reduce((sum, p) => sum + (p.end - p.start >= MIN_PROSE_PARAGRAPH ? p.end - p.start : 0), 0);
  if (prose < MIN_ARTICLE_CHARS) throw new NotAnArticleError('the page has too little running text for an article');
  return { ...article, byline: parsed.byline ?? null, lang: parsed.lang ?? null };
}
