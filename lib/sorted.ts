// Binary searches over ascending arrays of numbers (term hashes, shingle hashes, LSH keys, the
// first sentence of each article), shared so that each index searches its arrays the same way.

/**
 * The first index in lo ..< hi whose entry is not below `value` (hi when every entry is):
 * entries lo ..< hi must ascend.
 */
export function lowerBound(sorted: ArrayLike<number>, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Interpolation steps before hashLowerBound settles the rest by halving. */
const INTERPOLATION_STEPS = 6;
/** A stretch this short is searched by halving: its entries share a few cache lines. */
const INTERPOLATION_MIN_SPAN = 32;

/**
 * lowerBound for 32-bit hashes, which spread evenly: each step guesses the position from the
 * values at the stretch's ends, so a few probes close in on a stretch of a few dozen entries,
 * where halving from the whole array makes ~22 probes into an array of millions, each one a
 * cache miss (the passage index at 40,000 articles). The answer is lowerBound's whatever the
 * values: a guess only narrows the stretch, as halving does, and halving ends the search.
 * `least` and `most`, when given, must bound every entry (a page's fence and the next page's).
 * Uint32Array only, halving written out here: a corpus of segments looks every term it meets up
 * in each segment's hashes, thousands of times in a first analysis, and a search that only ever
 * sees one array type stays monomorphic.
 */
export function hashLowerBound(sorted: Uint32Array, value: number, least = 0, most = 0xffffffff): number {
  let lo = 0;
  let hi = sorted.length;
  // Entries before lo are below `value`, entries from hi on are not; those between lie in
  // loValue ..= hiValue. `least` and `most` bound every entry where the caller knows it (a page
  // of an index between two fences): the first guess then lands among a few entries.
  let loValue = least;
  let hiValue = most;
  for (let step = 0; step < INTERPOLATION_STEPS && hi - lo > INTERPOLATION_MIN_SPAN; step++) {
    const share = (value - loValue) / (hiValue - loValue + 1);
    const at = Math.min(hi - 1, Math.max(lo, lo + Math.floor(share * (hi - lo))));
    const found = sorted[at]!;
    if (found < value) {
      lo = at + 1;
      loValue = found;
    } else {
      hi = at;
      hiValue = found;
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** equalRange for 32-bit hashes (see hashLowerBound). */
export function hashRange(sorted: Uint32Array, value: number): [number, number] {
  return runFrom(sorted, value, hashLowerBound(sorted, value));
}

/** The entries equal to `value`: first ..< last (first === last where none is). */
export function equalRange(sorted: ArrayLike<number>, value: number): [number, number] {
  return runFrom(sorted, value, lowerBound(sorted, value));
}

/** The run of entries equal to `value` that starts at `first`, its lower bound. */
function runFrom(sorted: ArrayLike<number>, value: number, first: number): [number, number] {
  return [first, runEnd(sorted, value, first)];
}

/** The end of the run of entries equal to `value` that starts at `from` (ascending entries). */
export function runEnd(sorted: ArrayLike<number>, value: number, from: number): number {
  let end = from;
  while (end < sorted.length && sorted[end] === value) end++;
  return end;
}

/**
 * Of pages of ascending hashes, known by each page's first hash (`fences`, ascending), the pages
 * that may hold `value`: first ..< last (a run of equal values may cross pages; none when there
 * are no pages). The LSH pages and the passage pages are found so.
 */
export function fencedPages(fences: Uint32Array, value: number): [number, number] {
  const atOrAbove = hashLowerBound(fences, value);
  return [Math.max(0, atOrAbove - 1), runEnd(fences, value, atOrAbove)];
}

/**
 * Of ascending starts (starts[0] ≤ value), the last index whose start is at most `value`: the
 * article holding a sentence number, the segment holding an article index. Of equal starts (an
 * empty article or segment before a full one) the last.
 */
export function lastStartAtMost(starts: ArrayLike<number>, value: number, count = starts.length): number {
  return lowerBound(starts, value + 1, 0, count) - 1;
}

/** Runs read from consecutive pages (a bucket or shingle that spans a page boundary) as one array; one run is returned as it is. */
export function joinRuns(runs: readonly Uint32Array[], empty: Uint32Array): Uint32Array {
  if (runs.length <= 1) return runs[0] ?? empty;
  const joined = new Uint32Array(runs.reduce((sum, run) => sum + run.length, 0));
  let at = 0;
  for (const run of runs) {
    joined.set(run, at);
    at += run.length;
  }
  return joined;
}
