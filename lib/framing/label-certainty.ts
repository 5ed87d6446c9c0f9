// Hedging labels: one version hedges ("are expected to attend") or insists where the other
// states the same thing plainly.
import { foldedWords } from '../text/normalize.ts';
import { CONTENT_STOPWORDS } from '../text/stopwords.ts';
import type { DiffHunk } from './diff.ts';
import { inContext, quote, type FramingPair, type Side } from './label-sink.ts';
import { wordsBetween, type Phrase } from './sentence-reading.ts';

/**
 * A changed stretch of at most this many words on each side is a local change: the versions
 * word the same thing differently there ("will attend" / "are expected to attend"). A longer
 * one rewrites the clause, and the other version need not say the same thing at all.
 */
const LOCAL_CHANGE_MAX_WORDS = 6;

function isLocal(hunk: DiffHunk): boolean {
  return foldedWords(hunk.thisText).length <= LOCAL_CHANGE_MAX_WORDS && foldedWords(hunk.otherText).length <= LOCAL_CHANGE_MAX_WORDS;
}

/** Hedges of a side that are the outlet's own: not marked by another label, not inside a quotation (the speaker's). */
function own(pair: FramingPair, side: Side, phrases: readonly Phrase[]): Phrase[] {
  const quoted = pair.reading[side].quoted;
  return phrases.filter((p) => !pair.sink.covers(side, p.start, p.end) && !quoted.some(([s, e]) => s < p.start && p.start < e));
}

function inLocalChange(hunks: readonly DiffHunk[], side: Side, p: Phrase): boolean {
  return hunks.some((h) => isLocal(h) && (side === 'this' ? h.thisStart <= p.start && p.end <= h.thisEnd : h.otherStart <= p.start && p.end <= h.otherEnd));
}

const KINDS = [
  ['hedges', 'hedges'],
  ['boosters', 'asserts certainty'],
] as const;

/**
 * Hedging (or boosting) differs when one version hedges and the other does not, and the hedge
 * is a local change: the other version says the same stretch without it. A hedge inside a
 * rewritten clause qualifies something the other version may not say at all.
 */
export function labelCertainty(pair: FramingPair): void {
  const { thisName, otherName } = pair.sides;
  for (const [kind, what] of KINDS) {
    const mine = own(pair, 'this', pair.reading.this[kind]);
    const theirs = own(pair, 'other', pair.reading.other[kind]);
    // A difference only when one version hedges (or insists) and the other does not at all:
    // 'reportedly' against 'allegedly' is the same uncertainty in other words.
    if ((mine.length > 0) === (theirs.length > 0)) continue;
    const [side, name, rivalName, hedged] = mine.length > 0 ? (['this', thisName, otherName, mine] as const) : (['other', otherName, thisName, theirs] as const);
    const found = hedged.filter((p) => inLocalChange(pair.hunks, side, p));
    if (found.length === 0) continue;
    const text = pair.text[side];
    const reading = pair.reading[side];
    const words = [...new Set(found.map((p) => p.text))];
    const context = inContext(text, reading.words, wordsBetween(text, reading, found[0]!.start, found[0]!.end));
    pair.sink.add(
      {
        kind: 'hedging',
        side,
        thisText: side === 'this' ? words.join(', ') : '',
        otherText: side === 'other' ? words.join(', ') : '',
        // The hedge in its own words ("hedges: “are expected to attend”"), or named too when
        // the version has more than one.
        note: `${name} ${what}${words.length > 1 ? ` ${words.map(quote).join(', ')}` : ''}: ${context}; ${rivalName} does not`,
      },
      // The words that carry the hedge ("expected" of "is expected to"), not its function words.
      found.flatMap((p) => {
        const words = wordsBetween(text, reading, p.start, p.end);
        const carrying = words.filter((w) => !CONTENT_STOPWORDS.has(w.text.toLowerCase()));
        return (carrying.length > 0 ? carrying : words).map((w) => ({ side, start: w.start, end: w.end }));
      }),
    );
  }
}
