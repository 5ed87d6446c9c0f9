// LSH banding of MinHash signatures: articles whose signatures agree on all rows of any band
// land in the same bucket. With 16 bands of 4 rows, pairs with Jaccard 0.5 meet with
// probability 0.65 and pairs at 0.8 with probability 0.9999; pairs below 0.2 rarely meet.
import { combineHashes } from './hash.ts';
import { SIGNATURE_SIZE } from './minhash.ts';
import { hashRange } from '../sorted.ts';

export const LSH_BANDS = 16;
export const LSH_ROWS = SIGNATURE_SIZE / LSH_BANDS;

/** One bucket key per band. */
export function bandKeys(signature: ArrayLike<number>, offset = 0): Uint32Array {
  const keys = new Uint32Array(LSH_BANDS);
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = band + 1;
    for (let r = 0; r < LSH_ROWS; r++) h = combineHashes(h, signature[offset + band * LSH_ROWS + r]!);
    keys[band] = h;
  }
  return keys;
}

/**
 * Buckets as two parallel arrays sorted by (key, article): `keys[i]` is a hash of a band number
 * and its band key, `articles[i]` the article index. Lookup is a binary search.
 */
export interface LshBuckets {
  keys: Uint32Array;
  articles: Uint32Array;
}

/** Builds buckets for `count` signatures stored back to back in `signatures`. */
export function buildLshBuckets(signatures: Uint32Array, count: number): LshBuckets {
  const total = count * LSH_BANDS;
  const keys = new Uint32Array(total);
  const articles = new Uint32Array(total);
  for (let a = 0; a < count; a++) {
    const k = bandKeys(signatures, a * SIGNATURE_SIZE);
    for (let band = 0; band < LSH_BANDS; band++) {
      keys[a * LSH_BANDS + band] = combineHashes(band, k[band]!);
      articles[a * LSH_BANDS + band] = a;
    }
  }
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  order.sort((x, y) => keys[x]! - keys[y]! || articles[x]! - articles[y]!);
  return { keys: order.map((i) => keys[i]!), articles: order.map((i) => articles[i]!) };
}

/**
 * Buckets holding more articles than this are skipped: so many articles agreeing on a whole band
 * share boilerplate (or are one wire story copied a hundred times), and reading them all would
 * make one lookup cost as much as a scan.
 */
export const MAX_BUCKET = 100;

/** The bucket of each band for a signature (keys as stored in LshBuckets.keys). */
export function bucketKeys(signature: ArrayLike<number>, offset = 0): Uint32Array {
  const k = bandKeys(signature, offset);
  for (let band = 0; band < LSH_BANDS; band++) k[band] = combineHashes(band, k[band]!);
  return k;
}

/** Where a bucket's articles are in `buckets`: entries first ..< last. */
export function bucketRange(buckets: LshBuckets, key: number): [number, number] {
  // Bucket keys are 32-bit hashes, spread evenly: hashRange's few probes (each story match
  // looks up every band of its signature in every segment).
  return hashRange(buckets.keys, key);
}

/** Articles in each of the signature's buckets (one count per band). */
export function lshBucketSizes(buckets: LshBuckets, signature: ArrayLike<number>, offset = 0): Uint32Array {
  const keys = bucketKeys(signature, offset);
  const sizes = new Uint32Array(LSH_BANDS);
  for (let band = 0; band < LSH_BANDS; band++) {
    const [first, last] = bucketRange(buckets, keys[band]!);
    sizes[band] = last - first;
  }
  return sizes;
}

/**
 * Articles sharing at least one band with the signature, with the number of shared bands.
 * `alsoInBand[band]` counts articles of the same bucket held elsewhere (another segment of the
 * corpus being searched together) towards `maxBucket`.
 */
export function lshCandidates(buckets: LshBuckets, signature: ArrayLike<number>, offset = 0, maxBucket = MAX_BUCKET, alsoInBand?: ArrayLike<number>): Map<number, number> {
  const found = new Map<number, number>();
  const keys = bucketKeys(signature, offset);
  for (let band = 0; band < LSH_BANDS; band++) {
    const [first, last] = bucketRange(buckets, keys[band]!);
    if (last - first + (alsoInBand?.[band] ?? 0) > maxBucket) continue;
    for (let i = first; i < last; i++) {
      const a = buckets.articles[i]!;
      found.set(a, (found.get(a) ?? 0) + 1);
    }
  }
  return found;
}
