// How common a term is in general English news, before any corpus is seen: the prior that lets
// the corpus IDF tell "ushakov" from "week" when the corpus is a handful of articles about one
// story (lib/corpus `inverseDocumentFrequency`). The ranks are the GloVe 6B vocabulary's
// frequency order (lib/text/generated/background-ranks.ts, scripts/build-background-frequencies.ts).
import { BACKGROUND_CLASS_CODE_BASE, BACKGROUND_CLASSES_PER_OCTAVE, BACKGROUND_FIRST_CLASS, BACKGROUND_TERMS } from './generated/background-ranks.ts';

/** Rank class of a term the table does not hold: rarer than anything it holds, a new name. */
export const NO_BACKGROUND_CLASS = 255;

/**
 * Share of news articles containing a term of a given frequency rank: ln share = A + B·x + C·x²
 * with x = ln rank, fitted by `npx tsx scripts/build-background-frequencies.ts --calibrate` to the
 * document shares of the table's terms in BASIL's 300 news articles (Fox News, The New York
 * Times, HuffPost, 2010-2019), octave by octave, where the articles hold enough occurrences to
 * measure (ranks 2^6 to 2^18; within 10% of the measured shares from rank 90 to 2^15, where they
 * fall from 0.32 to 0.0004, and within 21% beyond). Only the curve is fitted, three numbers: which term has which rank comes from
 * GloVe alone. A straight Zipf line does not fit: news articles repeat their common words less
 * and their rare ones more than the tokens of Wikipedia and newswire taken together suggest.
 */
const SHARE_A = -1.2956;
const SHARE_B = 0.5992;
const SHARE_C = -0.12468;
/** The parabola's top (rank 11): commoner ranks keep its share rather than fall back. */
const TOP_LN_RANK = -SHARE_B / (2 * SHARE_C);

// A local name: a module loader may read an imported binding through a getter, slow in the loop.
const ENTRIES = BACKGROUND_TERMS;
const SPACE = 0x20;

/**
 * Compares `term` with the stored term of the entry starting at `at` (class character, term,
 * " "), as JavaScript orders strings.
 */
function compareEntry(term: string, at: number): number {
  for (let i = 0; ; i++) {
    const stored = ENTRIES.charCodeAt(at + 1 + i);
    if (i === term.length) return stored === SPACE ? 0 : -1;
    if (stored === SPACE) return 1;
    const diff = term.charCodeAt(i) - stored;
    if (diff !== 0) return diff;
  }
}

/**
 * Frequency rank class of a stemmed content term (lib/text `contentTerms`): its rank is about
 * 2^(class / 8). NO_BACKGROUND_CLASS for terms rarer than the table goes.
 *
 * A binary search over the generated string's characters, each probe moved back to the start of
 * its entry: nothing is built at start (a Map of the ~14,000 terms was about 10 ms of a cold
 * start's first analysis, which looks up a couple of terms), and nothing is allocated.
 */
export function backgroundRankClass(term: string): number {
  // Stored terms hold no space; a term with one (or none at all) would match across entries.
  if (term === '' || term.includes(' ')) return NO_BACKGROUND_CLASS;
  // Entries start in [low, high); high is always an entry's start (or the end).
  let low = 0;
  let high = ENTRIES.length;
  while (low < high) {
    // A class character is never a space, so the space before the probe ends the entry before it.
    let at = (low + high) >>> 1;
    while (at > low && ENTRIES.charCodeAt(at - 1) !== SPACE) at--;
    const order = compareEntry(term, at);
    if (order === 0) return BACKGROUND_FIRST_CLASS + ENTRIES.charCodeAt(at) - BACKGROUND_CLASS_CODE_BASE;
    if (order < 0) high = at;
    else {
      low = at + 1;
      while (ENTRIES.charCodeAt(low - 1) !== SPACE) low++;
    }
  }
  return NO_BACKGROUND_CLASS;
}

const shareOfClass = new Float64Array(NO_BACKGROUND_CLASS + 1);
for (let k = 0; k < NO_BACKGROUND_CLASS; k++) {
  // The middle of the class, in log rank.
  const x = Math.max(TOP_LN_RANK, ((k + 0.5) / BACKGROUND_CLASSES_PER_OCTAVE) * Math.LN2);
  shareOfClass[k] = Math.exp(SHARE_A + SHARE_B * x + SHARE_C * x * x);
}
// Absent from the table: rarer than its last class, and unknown beyond that; counted as never.
shareOfClass[NO_BACKGROUND_CLASS] = 0;

/** Estimated share of news articles containing a term of this rank class, 0..1. */
export function backgroundShareOfClass(rankClass: number): number {
  return shareOfClass[rankClass] ?? 0;
}

/** Estimated share of news articles containing a stemmed content term, 0..1 (0 when not in the table). */
export function backgroundShare(term: string): number {
  return backgroundShareOfClass(backgroundRankClass(term));
}
