// Hover over a highlighted sentence shows its tooltip. Custom highlights are not elements, so the
// pointer is hit-tested: the caret position under it against the drawn ranges, then the range's
// line boxes (the caret snaps to the nearest text even in margins).
import { factAtCaret, type DrawnFact } from './highlights';

interface CaretPosition {
  node: Node;
  offset: number;
}

export function caretAt(x: number, y: number, document_: Document = document): CaretPosition | null {
  const d = document_ as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function within(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

export function factAtPoint(drawn: readonly DrawnFact[], x: number, y: number): DrawnFact | null {
  if (!drawn.length) return null;
  const caret = caretAt(x, y);
  if (!caret) return null;
  const hit = factAtCaret(drawn, caret.node, caret.offset);
  return hit && within(hit.range, x, y) ? hit : null;
}
