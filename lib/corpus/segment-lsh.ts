// LSH over several segments searched as one: bucket sizes and candidates count live articles of
// every segment, and a bucket of more than MAX_BUCKET live articles is skipped, as in one compile
// of the live articles. Shared by the corpus queries search (./segmented-corpus.ts) and the
// lookups a refresh opens (./known-articles.ts), so both give the same answers.
import { bucketKeys, bucketRange, LSH_BANDS, MAX_BUCKET, type LshBuckets } from '../fingerprint/index.ts';

/** One segment's LSH buckets in a corpus of several. */
export interface LshSegment {
  /** Corpus index of the segment's first article. */
  readonly first: number;
  /** The segment's articles in the bucket of this key (all in memory, or read in pages: ./lsh-pages.ts). */
  bucket(key: number): Uint32Array;
  /** removed[a] is 1 for a tombstoned article; null when none is. */
  readonly removed: Uint8Array | null;
}

/** The articles in a bucket of buckets held whole. */
export function bucketOf(buckets: LshBuckets, key: number): Uint32Array {
  const [first, last] = bucketRange(buckets, key);
  return buckets.articles.subarray(first, last);
}

/** Live articles in the segment's bucket, counted up to `enough` (past it the count is only known to exceed it). */
export function liveInBucket(segment: LshSegment, key: number, enough: number): { articles: Uint32Array; live: number } {
  const articles = segment.bucket(key);
  const removed = segment.removed;
  if (!removed) return { articles, live: articles.length };
  let live = 0;
  for (let i = 0; i < articles.length && live <= enough; i++) if (!removed[articles[i]!]) live++;
  return { articles, live };
}

/** Live articles in each of the signature's buckets, over every segment. */
export function lshBucketSizesOver(segments: readonly LshSegment[], signature: Uint32Array): Uint32Array {
  const keys = bucketKeys(signature);
  const sizes = new Uint32Array(LSH_BANDS);
  for (let band = 0; band < LSH_BANDS; band++) {
    let size = 0;
    for (const segment of segments) size += liveInBucket(segment, keys[band]!, Infinity).live;
    sizes[band] = size;
  }
  return sizes;
}

/** Live articles (corpus indices) sharing a band with the signature, with the number of bands shared, over every segment. */
export function lshCandidatesOver(segments: readonly LshSegment[], signature: Uint32Array, alsoInBand?: ArrayLike<number>): Map<number, number> {
  const found = new Map<number, number>();
  const keys = bucketKeys(signature);
  for (let band = 0; band < LSH_BANDS; band++) {
    let total = alsoInBand?.[band] ?? 0;
    const buckets: Uint32Array[] = [];
    for (const segment of segments) {
      const { articles, live } = liveInBucket(segment, keys[band]!, MAX_BUCKET - total);
      buckets.push(articles);
      total += live;
      if (total > MAX_BUCKET) break;
    }
    // As in one compile: a bucket of more than MAX_BUCKET live articles is skipped.
    if (total > MAX_BUCKET) continue;
    segments.forEach((segment, s) => {
      const articles = buckets[s]!;
      for (let i = 0; i < articles.length; i++) {
        const a = articles[i]!;
        if (segment.removed?.[a]) continue;
        const index = segment.first + a;
        found.set(index, (found.get(index) ?? 0) + 1);
      }
    });
  }
  return found;
}
