// Article text from a saved HTML page, for `parallax analyze page.html`: Readability on a
// linkedom document, then the content cut into paragraphs (one a line) as the segmenter expects.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleInput } from '../result.ts';
import { InputError } from './io.ts';

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'DD', 'DT', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON']);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** Paragraph texts of an element, whitespace collapsed, walking iteratively (deep markup is common). */
function paragraphs(root: NodeLike): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
    buffer = '';
  };
  const stack: { node: NodeLike; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      buffer += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.nodeName.toUpperCase();
    if (tag === 'BR') {
      buffer += ' ';
      continue;
    }
    if (SKIPPED.has(tag)) continue;
    if (BLOCKS.has(tag)) flush();
    if (leaving) continue;
    stack.push({ node, leaving: true });
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i]!, leaving: false });
  }
  flush();
  return out;
}

function isoDate(value: string | null | undefined): string | undefined {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim()) : null;
  return m?.[1];
}

export function articleFromHtml(html: string, file: string): ArticleInput {
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? null;
  const published = isoDate(meta('meta[property="article:published_time"]')) ?? isoDate(meta('meta[name="date"]')) ?? isoDate(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const parsed = new Readability(document as unknown as Document).parse();
  if (!parsed?.content) throw new InputError(`${file}: no article found in the page`);
  const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const text = paragraphs(content.body as unknown as NodeLike).join('\n');
  if (!/[\p{L}\p{N}]/u.test(text)) throw new InputError(`${file}: the article has no text`);
  return {
    text,
    ...(parsed.title ? { title: parsed.title } : {}),
    ...(isoDate(parsed.publishedTime) ?? published ? { published: isoDate(parsed.publishedTime) ?? published } : {}),
    ...(parsed.siteName ? { outlet: parsed.siteName } : {}),
  };
}
