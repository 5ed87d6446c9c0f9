// An index of the page's rendered text: one string (whitespace collapsed, invisible characters
// dropped, <br> as a space) plus, for each of its characters, the text node and offset it came
// from. Sentences are matched against the string; DOM Ranges are made from it only when drawing
// (hypothesis/client's TextPosition idea, with the node walk done once per run).
import { SKIPPED_ELEMENTS, isCollapsibleSpace, isInvisibleChar, tagOf } from '@/lib/article/rendered-text';
import { yieldToPage, type WorkBudget } from './work-budget';

export interface LiveText {
  text: string;
  nodes: Text[];
  /** Per character of `text`: index into `nodes`. */
  charNode: Int32Array;
  /** Per character of `text`: offset in that node's data. */
  charOffset: Int32Array;
}

export class PageTooLargeError extends Error {
  constructor(readonly chars: number) {
    super(`page text is longer than ${chars} characters`);
    this.name = 'PageTooLargeError';
  }
}

/** A text position in the live DOM (hypothesis' TextPosition): a node and an offset in it. */
export interface DomPosition {
  node: Text;
  offset: number;
}

const NODES_PER_CHECK = 200;

/**
 * Walks `root` in document order, skipping scripts, styles and our own tooltip host, and yields
 * to the page whenever the slice budget is spent so the walk never makes a long task.
 */
export async function buildLiveText(root: Node, budget: WorkBudget, maxChars: number): Promise<LiveText> {
  const parts: string[] = [];
  const nodes: Text[] = [];
  let charNode = new Int32Array(4096);
  let charOffset = new Int32Array(4096);
  let length = 0;
  let pendingSpace: { node: number; offset: number } | null = null;

  const push = (code: string, node: number, offset: number) => {
    if (length === charNode.length) {
      const grownNode = new Int32Array(length * 2);
      grownNode.set(charNode);
      charNode = grownNode;
      const grownOffset = new Int32Array(length * 2);
      grownOffset.set(charOffset);
      charOffset = grownOffset;
    }
    charNode[length] = node;
    charOffset[length] = offset;
    parts.push(code);
    length++;
  };

  let visited = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      const index = nodes.length;
      nodes.push(node as Text);
      for (let i = 0; i < data.length; i++) {
        const code = data.charCodeAt(i);
        if (isInvisibleChar(code)) continue;
        if (isCollapsibleSpace(code)) {
          pendingSpace ??= { node: index, offset: i };
          continue;
        }
        if (pendingSpace && length > 0) push(' ', pendingSpace.node, pendingSpace.offset);
        pendingSpace = null;
        push(data[i]!, index, i);
      }
      if (length > maxChars) throw new PageTooLargeError(maxChars);
    } else if (node.nodeType === 1) {
      const tag = tagOf(node as Element);
      if (tag === 'BR') {
        // A line break reads as a space; it maps to the end of the text before it.
        const last = nodes.length - 1;
        if (last >= 0 && !pendingSpace) pendingSpace = { node: last, offset: nodes[last]!.data.length };
      } else if (!SKIPPED_ELEMENTS.has(tag)) {
        descend = true;
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
    } else {
      while (node && node !== root && !node.nextSibling) node = node.parentNode;
      node = node && node !== root ? node.nextSibling : null;
    }
    if (++visited % NODES_PER_CHECK === 0 && budget.spent()) await yieldToPage(budget);
  }
  return { text: parts.join(''), nodes, charNode: charNode.subarray(0, length), charOffset: charOffset.subarray(0, length) };
}

/** The live DOM positions of the characters [start, end) of the index, or null when out of range. */
export function domSpan(live: LiveText, start: number, end: number): { start: DomPosition; end: DomPosition } | null {
  if (start < 0 || end > live.text.length || end <= start) return null;
  const startNode = live.nodes[live.charNode[start]!];
  const endNode = live.nodes[live.charNode[end - 1]!];
  if (!startNode || !endNode) return null;
  return {
    start: { node: startNode, offset: live.charOffset[start]! },
    end: { node: endNode, offset: live.charOffset[end - 1]! + 1 },
  };
}

/** A Range over [start, end) of the index; null when the page has since removed those nodes. */
export function rangeOf(live: LiveText, start: number, end: number, document_: Document = document): Range | null {
  const span = domSpan(live, start, end);
  if (!span || !span.start.node.isConnected || !span.end.node.isConnected) return null;
  if (span.end.offset > span.end.node.data.length || span.start.offset > span.start.node.data.length) return null;
  const range = document_.createRange();
  range.setStart(span.start.node, span.start.offset);
  range.setEnd(span.end.node, span.end.offset);
  return range;
}
