// Finds a quote (a paragraph or sentence of the extracted article) in the page's rendered text.
// Exact `indexOf` first, from where the previous quote ended; approximate matching only when that
// fails (hypothesis/client's order). The approximate pass anchors the quote's head and tail
// exactly and accepts a span whose length stays close to the quote's, ranked by named weights.

export interface QuoteMatch {
  start: number;
  end: number;
  exact: boolean;
}

/** How much each piece of evidence counts when ranking approximate candidates. */
export const MATCH_WEIGHTS = Object.freeze({
  /** Both head and tail found: the span is bounded by real text of the quote. */
  bothEnds: 2,
  /** Closeness of the span's length to the quote's (1 when equal). */
  length: 1,
  /** Closeness to where the previous quote ended (1 at the hint). */
  position: 0.5,
});

/** Length of the head and tail pieces anchored exactly. */
const PIECE = 24;
/** How far past the hint approximate matching looks. */
const SEARCH_AHEAD = 20_000;
/** A span may differ from the quote's length by this share. */
const LENGTH_TOLERANCE = 0.2;

function occurrences(text: string, piece: string, from: number, to: number, limit = 16): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(piece, from); at !== -1 && at <= to && found.length < limit; at = text.indexOf(piece, at + 1)) found.push(at);
  return found;
}

/** The quote's exact occurrence at or after `hint`, else the one nearest before it. */
export function findExact(text: string, quote: string, hint = 0): number {
  if (!quote) return -1;
  const after = text.indexOf(quote, hint);
  return after !== -1 ? after : text.lastIndexOf(quote, hint);
}

export function findQuote(text: string, quote: string, hint = 0): QuoteMatch | null {
  const exact = findExact(text, quote, hint);
  if (exact !== -1) return { start: exact, end: exact + quote.length, exact: true };
  if (quote.length < PIECE * 2) return null;

  const head = quote.slice(0, PIECE);
  const tail = quote.slice(-PIECE);
  const from = Math.max(0, hint);
  const to = Math.min(text.length, from + SEARCH_AHEAD + quote.length);
  const heads = occurrences(text, head, from, to);
  const tails = occurrences(text, tail, from, to);
  const minLength = quote.length * (1 - LENGTH_TOLERANCE);
  const maxLength = quote.length * (1 + LENGTH_TOLERANCE);
  let best: { start: number; end: number; score: number } | null = null;
  for (const start of heads) {
    for (const tailAt of tails) {
      const end = tailAt + PIECE;
      const length = end - start;
      if (length < minLength || length > maxLength) continue;
      const score =
        MATCH_WEIGHTS.bothEnds +
        MATCH_WEIGHTS.length * (1 - Math.abs(length - quote.length) / quote.length) +
        MATCH_WEIGHTS.position * (1 - (start - from) / (to - from + 1));
      if (!best || score > best.score) best = { start, end, score };
    }
  }
  return best ? { start: best.start, end: best.end, exact: false } : null;
}
