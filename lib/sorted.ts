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

/** The entries equal to `value`: first ..< last (first === last where none is). */
export function equalRange(sorted: ArrayLike<number>, value: number): [number, number] {
  const first = lowerBound(sorted, value);
  let last = first;
  while (last < sorted.length && sorted[last] === value) last++;
  return [first, last];
}

/**
 * Of ascending starts (starts[0] ≤ value), the last index whose start is at most `value`: the
 * article holding a sentence number, the segment holding an article index. Of equal starts (an
 * empty article or segment before a full one) the last.
 */
export function lastStartAtMost(starts: ArrayLike<number>, value: number, count = starts.length): number {
  return lowerBound(starts, value + 1, 0, count) - 1;
}
