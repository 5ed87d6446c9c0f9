// How common a term is in general English news, before any corpus is seen: the prior that lets
// the corpus IDF tell "ushakov" from "week" when the corpus is a handful of articles about one
// story (lib/corpus `inverseDocumentFrequency`). The ranks are the GloVe 6B vocabulary's
// frequency order (lib/text/generated/background-ranks.ts, scripts/build-background-frequencies.ts).
import { BACKGROUND_CLASSES_PER_OCTAVE, BACKGROUND_FIRST_CLASS, BACKGROUND_RANKS } from './generated/background-ranks.ts';

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

/**
 * A query looks up only the page's terms the corpus does not hold (a couple a page at 40,000
 * articles): each is found in the generated string itself. Compiling looks up every term of the
 * articles it adds, and after LOOKUPS_BEFORE_TABLE lookups the table is made. Making it on the
 * first lookup (15,000 terms) was about 10 ms of a cold start's first analysis.
 */
const LOOKUPS_BEFORE_TABLE = 64;
let lookups = 0;
let table: Map<string, number> | undefined;
/** Offsets of the class separators ("|") in BACKGROUND_RANKS, ascending. */
let separators: Int32Array | undefined;

/** Every term's class (exported for the test that searchClass agrees). */
export function classTable(): Map<string, number> {
  if (table !== undefined) return table;
  table = new Map();
  BACKGROUND_RANKS.split('|').forEach((terms, k) => {
    if (terms === '') return;
    for (const term of terms.split(' ')) table!.set(term, BACKGROUND_FIRST_CLASS + k);
  });
  return table;
}

/** The class of the term at offset `at`: how many separators come before it. */
function classAt(at: number): number {
  if (separators === undefined) {
    const found: number[] = [];
    for (let i = BACKGROUND_RANKS.indexOf('|'); i !== -1; i = BACKGROUND_RANKS.indexOf('|', i + 1)) found.push(i);
    separators = Int32Array.from(found);
  }
  let low = 0;
  let high = separators.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (separators[mid]! < at) low = mid + 1;
    else high = mid;
  }
  return BACKGROUND_FIRST_CLASS + low;
}

const bounds = (char: string | undefined) => char === undefined || char === ' ' || char === '|';

/** The term's class found in the string, as the table gives it: its last occurrence, a whole term (exported for its test). */
export function searchClass(term: string): number | undefined {
  // The table's terms hold neither separator and none is empty.
  if (term === '' || term.includes(' ') || term.includes('|')) return undefined;
  for (let at = BACKGROUND_RANKS.lastIndexOf(term); at !== -1; at = at === 0 ? -1 : BACKGROUND_RANKS.lastIndexOf(term, at - 1)) {
    if (bounds(BACKGROUND_RANKS[at - 1]) && bounds(BACKGROUND_RANKS[at + term.length])) return classAt(at);
  }
  return undefined;
}

/**
 * Frequency rank class of a stemmed content term (lib/text `contentTerms`): its rank is about
 * 2^(class / 8). NO_BACKGROUND_CLASS for terms rarer than the table goes.
 */
export function backgroundRankClass(term: string): number {
  if (table === undefined && ++lookups <= LOOKUPS_BEFORE_TABLE) return searchClass(term) ?? NO_BACKGROUND_CLASS;
  return classTable().get(term) ?? NO_BACKGROUND_CLASS;
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
