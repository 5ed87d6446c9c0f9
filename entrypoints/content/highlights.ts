// Which facts get a highlight, and where: a Range over each anchored sentence. Drawing them is
// highlight-layer.ts's job (Parallax's own closed layer, not the page's highlight registry).
import type { Fact } from '@/lib/result';
import type { SentenceAnchor } from './article-anchors';
import { rangeOf, type LiveText } from './live-text';

/**
 * Every anchored sentence as a CSS custom highlight, registered only when the page asks for it
 * (data-parallax-debug="anchors", for evaluations). It holds every sentence of the article, not
 * which ones other outlets cover, so the page learns nothing from it that it did not have.
 */
export const DEBUG_HIGHLIGHT = 'parallax-debug-sentences';

export interface DrawnFact {
  fact: Fact;
  range: Range;
}

/** A Range for each fact whose sentence was anchored in the live page, in reading order. */
export function factRanges(facts: readonly Fact[], anchors: readonly SentenceAnchor[], live: LiveText): DrawnFact[] {
  const drawn: DrawnFact[] = [];
  for (const fact of facts) {
    const anchor = anchors[fact.sentence.index];
    const range = anchor ? rangeOf(live, anchor.start, anchor.end) : null;
    if (range) drawn.push({ fact, range });
  }
  return drawn.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
}

export function clearDebugHighlight(): void {
  if (highlightsSupported()) CSS.highlights.delete(DEBUG_HIGHLIGHT);
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Which drawn fact contains a caret position (highlights are not elements to hover). */
export function factAtCaret(drawn: readonly DrawnFact[], node: Node, offset: number): DrawnFact | null {
  for (const entry of drawn) {
    try {
      if (entry.range.isPointInRange(node, offset)) return entry;
    } catch {
      // A node in another document or a detached one: not ours.
    }
  }
  return null;
}
