// The page's HTML for extraction in the background, serialized in slices: small subtrees with
// the browser's own outerHTML, large ones tag by tag, yielding to the page between slices, so a
// 2 MB page never costs one long task. Scripts, styles, templates and SVG carry no article text
// and are left out, which also shrinks what crosses to the background.
import { tagOf } from '@/lib/article/rendered-text';
import { yieldToPage, type WorkBudget } from './work-budget';

const LEFT_OUT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'PARALLAX-TOOLTIP', 'LINK']);
/** Subtrees with fewer elements than this are serialized in one native call. */
const SMALL_SUBTREE = 400;
const VOID = new Set(['AREA', 'BASE', 'BR', 'COL', 'EMBED', 'HR', 'IMG', 'INPUT', 'LINK', 'META', 'PARAM', 'SOURCE', 'TRACK', 'WBR']);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

function openTag(element: Element): string {
  let tag = `<${element.localName}`;
  for (const attribute of element.attributes) tag += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
  return `${tag}>`;
}

function containsLeftOut(element: Element): boolean {
  return element.querySelector('script, style, noscript, template, svg, iframe, parallax-tooltip') !== null;
}

export async function serializePage(document_: Document, budget: WorkBudget): Promise<string> {
  const parts: string[] = ['<!DOCTYPE html>'];
  // An explicit stack of pending work: an element to open, or a closing tag to emit.
  const stack: (Node | string)[] = [document_.documentElement];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.nodeType === 3) {
      parts.push(escapeText((item as Text).data));
      continue;
    }
    if (item.nodeType !== 1) continue;
    const element = item as Element;
    const tag = tagOf(element);
    if (LEFT_OUT.has(tag)) continue;
    if (element.getElementsByTagName('*').length < SMALL_SUBTREE && !containsLeftOut(element)) {
      parts.push(element.outerHTML);
    } else {
      parts.push(openTag(element));
      if (!VOID.has(tag)) {
        stack.push(`</${element.localName}>`);
        const children = element.childNodes;
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      }
    }
    if (budget.spent()) await yieldToPage(budget);
  }
  return parts.join('');
}
