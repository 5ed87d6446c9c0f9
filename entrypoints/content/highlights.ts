// Draws the analysis on the page with the CSS Custom Highlight API: no element is added or
// changed. All ranges are made first, then registered at once (no interleaved layout reads).
import type { Fact } from '@/lib/result';
import type { SentenceAnchor } from './article-anchors';
import { rangeOf, type LiveText } from './live-text';

export const SHARED_HIGHLIGHT = 'parallax-shared';
export const CONFLICT_HIGHLIGHT = 'parallax-conflict';
export const FOCUS_HIGHLIGHT = 'parallax-focus';
/** Every anchored sentence, registered only when the page asks for it (evaluations). */
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

export function drawHighlights(drawn: readonly DrawnFact[]): void {
  const shared = new Highlight();
  const conflict = new Highlight();
  for (const { fact, range } of drawn) (fact.conflict ? conflict : shared).add(range);
  CSS.highlights.set(SHARED_HIGHLIGHT, shared);
  CSS.highlights.set(CONFLICT_HIGHLIGHT, conflict);
}

export function clearHighlights(): void {
  for (const name of [SHARED_HIGHLIGHT, CONFLICT_HIGHLIGHT, FOCUS_HIGHLIGHT, DEBUG_HIGHLIGHT]) CSS.highlights.delete(name);
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Which drawn fact contains a caret position (custom highlights are not elements to hover). */
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
