// Labels of facts the versions state differently: numbers and dates that disagree, and one name
// in the place of another.
import { matchNames, type NameMention } from '../facts/names.ts';
import { quantityConflicts } from '../facts/quantities.ts';
import type { DiffHunk } from './diff.ts';
import { quote, type FramingPair } from './label-sink.ts';

export function labelQuantities(pair: FramingPair): void {
  const { thisName, otherName } = pair.sides;
  for (const conflict of quantityConflicts(pair.reading.this.quantities, pair.reading.other.quantities)) {
    pair.sink.add(
      {
        kind: conflict.kind,
        side: 'both',
        thisText: conflict.a.phrase,
        otherText: conflict.b.phrase,
        note: `${thisName} says ${quote(conflict.a.phrase)}; ${otherName} says ${quote(conflict.b.phrase)}`,
      },
      [
        { side: 'this', start: conflict.a.start, end: conflict.a.start + conflict.a.phrase.length },
        { side: 'other', start: conflict.b.start, end: conflict.b.start + conflict.b.phrase.length },
      ],
    );
  }
}

/** A changed stretch of at most this many words on each side can swap one name for another. */
const NAME_SWAP_MAX_WORDS = 4;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Whether a hunk may swap names: short on both sides ("Peskov said" / "Ushakov said"; longer
 * rewordings name different people for other reasons, not in disagreement), with a name inside it on both sides.
 */
function maySwapNames(hunk: DiffHunk, mine: readonly NameMention[], theirs: readonly NameMention[]): boolean {
  if (wordCount(hunk.thisText) > NAME_SWAP_MAX_WORDS || wordCount(hunk.otherText) > NAME_SWAP_MAX_WORDS) return false;
  return mine.some((n) => n.start >= hunk.thisStart && n.end <= hunk.thisEnd) && theirs.some((n) => n.start >= hunk.otherStart && n.end <= hunk.otherEnd);
}

export function labelNames(pair: FramingPair): void {
  const { thisName, otherName } = pair.sides;
  const allMine = pair.reading.this.names;
  const allTheirs = pair.reading.other.names;
  // Names the versions share (matchNames, approximate spelling too) swap nothing. Most pairs
  // have no short change with a name on both sides, and then nothing is matched at all.
  const swaps = pair.hunks.filter((hunk) => maySwapNames(hunk, allMine, allTheirs));
  if (swaps.length === 0) return;
  const matched = matchNames(allMine, allTheirs);
  const mineMatched = new Set(matched.map(([i]) => i));
  const theirsMatched = new Set(matched.map(([, j]) => j));
  for (const hunk of swaps) {
    const mine = allMine.filter((n, i) => !mineMatched.has(i) && n.start >= hunk.thisStart && n.end <= hunk.thisEnd);
    const theirs = allTheirs.filter((n, j) => !theirsMatched.has(j) && n.start >= hunk.otherStart && n.end <= hunk.otherEnd);
    if (mine.length === 0 || theirs.length === 0) continue;
    const a = mine.map((n) => n.text).join(', ');
    const b = theirs.map((n) => n.text).join(', ');
    pair.sink.add(
      { kind: 'name', side: 'both', thisText: a, otherText: b, note: `${thisName} names ${a} where ${otherName} names ${b}` },
      [
        ...mine.map((n) => ({ side: 'this' as const, start: n.start, end: n.end })),
        ...theirs.map((n) => ({ side: 'other' as const, start: n.start, end: n.end })),
      ],
    );
  }
}
