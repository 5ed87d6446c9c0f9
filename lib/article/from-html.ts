// Article extraction from HTML, one extractor for every caller: the page a reader opened (sent
// by the content script to the background), fetched feed items and pages given to the CLI.
// linkedom builds a DOM that never runs the page's scripts or loads its resources, and
// Readability finds the article in it. Paragraphs are cut as rendered text (lib/article
// rendered-text.ts), the folding the content script's live text index uses, so that each
// paragraph can be found again verbatim in the live page.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { publishedDay } from './dates.ts';
import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS, renderedText, tagOf } from './rendered-text.ts';

/** A paragraph's place in the extracted text. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface ExtractedArticle {
  title: string | null;
  /** Paragraphs joined by blank lines, the form the engine's segmenter expects. */
  text: string;
  paragraphs: TextSpan[];
  byline: string | null;
  /** og:site_name or the JSON-LD publisher. */
  siteName: string | null;
  /** YYYY-MM-DD from the page's metadata. */
  published: string | null;
  lang: string | null;
}

/** The page is reachable but holds no article (an index, a login wall, an error page). */
export class NotAnArticleError extends Error {
  override name = 'NotAnArticleError';
}

export interface ExtractOptions {
  /** Shorter bodies are teasers or index blurbs, not articles. */
  minChars?: number;
  /** The page's address: relative links resolve against it. */
  url?: string;
  /**
   * Ask Readability first whether the page looks like an article at all (feeds: an index page
   * must not become a corpus record). The page a reader opened skips it: the reader chose it.
   */
  requireReaderable?: boolean;
}

/** Readability gives up on documents with more elements than this (hostile or broken pages). */
export const MAX_ELEMENTS = 60_000;

/** Not article text, though a reader may see it: captions describe pictures, buttons act. */
const EXTRACTION_SKIPPED = new Set([...SKIPPED_ELEMENTS, 'FIGCAPTION', 'BUTTON']);

// Minimal structural view of the linkedom nodes this file walks (lib/ stays free of DOM types).
interface TreeNode {
  nodeType: number;
  tagName: string;
  data?: string;
  childNodes: ArrayLike<TreeNode>;
}
interface QueryRoot {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/** Paragraph texts of an element, in document order, each a run of inline text between blocks. */
export function paragraphsOf(root: TreeNode): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = renderedText(buffer);
    if (text) paragraphs.push(text);
    buffer = '';
  };
  // Iterative walk: deeply nested markup must not overflow the stack.
  const stack: { node: TreeNode; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      buffer += node.data ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = tagOf(node);
    if (tag === 'BR') {
      buffer += ' ';
      continue;
    }
    if (EXTRACTION_SKIPPED.has(tag)) continue;
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

/** Joins paragraphs with blank lines and records where each one is. */
export function joinParagraphs(paragraphs: readonly string[]): { text: string; paragraphs: TextSpan[] } {
  let text = '';
  const spans: TextSpan[] = [];
  for (const paragraph of paragraphs) {
    if (text) text += '\n\n';
    spans.push({ start: text.length, end: text.length + paragraph.length });
    text += paragraph;
  }
  return { text, paragraphs: spans };
}

function metaDate(document: QueryRoot): string | null {
  const selectors = [
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="pubdate"]',
  ];
  for (const selector of selectors) {
    const day = publishedDay(document.querySelector(selector)?.getAttribute('content'));
    if (day) return day;
  }
  return publishedDay(document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'));
}

const clean = (value: string | null | undefined): string | null => (value ? renderedText(value) : '') || null;

/** Extracts the article of a page; throws NotAnArticleError when there is none. */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const minChars = options.minChars ?? 400;
  const { document } = parseHTML(html);
  // Read before Readability, which rewrites the document.
  const published = metaDate(document as unknown as QueryRoot);
  const lang = clean(document.documentElement?.getAttribute('lang'));
  if (options.url !== undefined && document.head) {
    // Readability resolves relative links against the document's URL; linkedom has none.
    const base = document.createElement('base');
    base.setAttribute('href', options.url);
    document.head.prepend(base);
  }
  // Readability's own limit (maxElemsToParse) counts getElementsByTagName('*'), which is empty
  // in linkedom: the limit is checked here instead, before any parsing work.
  const elements = (document as unknown as { querySelectorAll(selector: string): ArrayLike<unknown> }).querySelectorAll('*').length;
  if (elements > MAX_ELEMENTS) throw new NotAnArticleError(`the page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements (${elements.toLocaleString('en')})`);
  const dom = document as unknown as Parameters<typeof isProbablyReaderable>[0];
  if ((options.requireReaderable ?? true) && !isProbablyReaderable(dom)) {
    throw new NotAnArticleError('the page does not look like an article (no substantial body text)');
  }
  const parsed = new Readability<TreeNode>(dom, { serializer: (node) => node as unknown as TreeNode }).parse();
  if (!parsed?.content) throw new NotAnArticleError('no article found on the page');
  const byline = clean(parsed.byline);
  const body = joinParagraphs(withoutByline(paragraphsOf(parsed.content), byline));
  if (body.text.length < minChars) throw new NotAnArticleError(`too little article text (${body.text.length} characters)`);
  return {
    title: clean(parsed.title),
    ...body,
    byline,
    siteName: clean(parsed.siteName),
    published: publishedDay(parsed.publishedTime) ?? published,
    lang: clean(parsed.lang) ?? lang,
  };
}
