// The page's HTML for extraction in the background, serialized in slices: small subtrees with
// the browser's own outerHTML, large ones tag by tag, yielding to the page between slices, so a
// 2 MB page never costs one long task. Scripts, styles, templates and SVG carry no article text
// and are left out, which also shrinks what crosses to the background.
//
// Linear in the DOM's size whatever its shape: which subtrees are small (and free of left-out
// elements) is counted once, bottom-up, before serializing. Asking the DOM per element instead
// (a subtree count, a selector query) costs the subtree's size each time, quadratic in depth: a
// hidden 59,000-deep chain of divs kept a page busy for minutes.
import { tagOf } from '@/lib/article/rendered-text';
import { yieldToPage, type WorkBudget } from './work-budget';
import { OWN_TAGS } from './hosts';

const LEFT_OUT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'LINK',
  ...OWN_TAGS,
]);
/** Subtrees with fewer elements than this are serialized in one native call. */
const SMALL_SUBTREE = 400;
/** Elements visited between checks of the slice budget. */
const ELEMENTS_PER_CHECK = 256;
const VOID = new Set(['AREA', 'BASE', 'BR', 'COL', 'EMBED', 'HR', 'IMG', 'INPUT', 'LINK', 'META', 'PARAM', 'SOURCE', 'TRACK', 'WBR']);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

function openTag(element: Element): string {
  let tag = `<${element.localName}`;
  for (const attribute of element.attributes) tag += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
  return `${tag}>`;
}

/**
 * For each element whose whole subtree can go out in one outerHTML call (fewer than
 * SMALL_SUBTREE elements, nothing left out inside), the subtree's height. One post-order walk,
 * each element visited once.
 */
export async function nativeSubtrees(root: Element, budget: WorkBudget): Promise<Map<Element, number>> {
  // Per element still open: elements and height so far of its finished children's subtrees.
  const sizes = new Map<Element, number>();
  const heights = new Map<Element, number>();
  const tainted = new Set<Element>();
  const small = new Map<Element, number>();
  let visited = 0;
  let element: Element = root;
  for (;;) {
    // Down to the first leaf (left-out elements are not entered: they are dropped whole).
    while (element.firstElementChild && !LEFT_OUT.has(tagOf(element))) element = element.firstElementChild;
    // Finish elements on the way up until one has a next sibling.
    for (;;) {
      const size = 1 + (sizes.get(element) ?? 0);
      const height = 1 + (heights.get(element) ?? 0);
      const leftOut = LEFT_OUT.has(tagOf(element)) || tainted.has(element);
      sizes.delete(element);
      heights.delete(element);
      tainted.delete(element);
      if (!leftOut && size < SMALL_SUBTREE) small.set(element, height);
      if (++visited % ELEMENTS_PER_CHECK === 0 && budget.spent()) await yieldToPage(budget);
      if (element === root) return small;
      const parent = element.parentElement!;
      sizes.set(parent, (sizes.get(parent) ?? 0) + size);
      heights.set(parent, Math.max(heights.get(parent) ?? 0, height));
      if (leftOut) tainted.add(parent);
      const next = element.nextElementSibling;
      if (next) {
        element = next;
        break;
      }
      element = parent;
    }
  }
}

/**
 * Tags nested deeper than this are left out, their contents kept in place: HTML parsers cap
 * nesting too (Chromium's at 512), and extraction in the background recurses over the tree.
 */
export const MAX_DEPTH = 256;

export async function serializePage(document_: Document, budget: WorkBudget): Promise<string> {
  const small = await nativeSubtrees(document_.documentElement, budget);
  const parts: string[] = ['<!DOCTYPE html>'];
  // An explicit stack of pending work: a node to write, or the closing tag of an open element.
  const stack: (Node | string)[] = [document_.documentElement];
  let depth = 0;
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      depth--;
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
    const children = element.childNodes;
    if (depth >= MAX_DEPTH) {
      // Too deep: the element's tag is dropped, its children take its place.
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (depth + (small.get(element) ?? Infinity) <= MAX_DEPTH) {
      parts.push(element.outerHTML);
    } else {
      parts.push(openTag(element));
      if (!VOID.has(tag)) {
        stack.push(`</${element.localName}>`);
        depth++;
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      }
    }
    if (budget.spent()) await yieldToPage(budget);
  }
  return parts.join('');
}
