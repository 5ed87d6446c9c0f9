// Article extraction from HTML (fetched feed items, pages given to the CLI): linkedom builds a
// DOM that never runs the page's scripts or loads its resources, and Readability finds the
// article in it. Runs in Node and in the
// extension's background alike; fetched HTML never touches a live document.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { publishedDay } from './dates.ts';

export interface ExtractedArticle {
  title: string | null;
  text: string;
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
}

// Minimal structural view of the linkedom nodes this file walks (lib/ stays free of DOM types).
interface TreeNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TreeNode>;
}
interface QueryRoot {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
}

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE']);
const SKIP = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'svg']);

/** The element's text with one paragraph per block, as the corpus keeps it. */
function paragraphs(root: TreeNode): string {
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const collapsed = line.replace(/\s+/g, ' ').trim();
    if (collapsed) out.push(collapsed);
    line = '';
  };
  const walk = (node: TreeNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) line += child.textContent ?? '';
      else if (child.nodeType !== 1 || SKIP.has(child.nodeName.toUpperCase())) continue;
      else if (child.nodeName.toUpperCase() === 'BR') line += ' ';
      else if (BLOCK.has(child.nodeName.toUpperCase())) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  walk(root);
  flush();
  return out.join('\n\n');
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

const clean = (value: string | null | undefined): string | null => value?.replace(/\s+/g, ' ').trim() || null;

/** Extracts the article of a page; throws NotAnArticleError when there is none. */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const minChars = options.minChars ?? 400;
  const { document } = parseHTML(html);
  const query = document as unknown as QueryRoot;
  const published = metaDate(query);
  const lang = clean(document.documentElement?.getAttribute('lang'));
  const dom = document as unknown as Parameters<typeof isProbablyReaderable>[0];
  if (!isProbablyReaderable(dom)) throw new NotAnArticleError('the page does not look like an article (no substantial body text)');
  const parsed = new Readability<TreeNode>(dom, { serializer: (node) => node as unknown as TreeNode }).parse();
  if (!parsed?.content) throw new NotAnArticleError('no article found on the page');
  const text = paragraphs(parsed.content);
  if (text.length < minChars) throw new NotAnArticleError(`too little article text (${text.length} characters)`);
  return {
    title: clean(parsed.title),
    text,
    byline: clean(parsed.byline),
    siteName: clean(parsed.siteName),
    published: publishedDay(parsed.publishedTime) ?? published,
    lang: clean(parsed.lang) ?? lang,
  };
}
