// Article fingerprints: seeded hashes, MinHash signatures over content-word shingles, LSH buckets.
import { contentTerms } from '../text/normalize.ts';
import { minhashSignature, shingleHashes } from './minhash.ts';

export { hashString, hashBytes, mix32, combineHashes } from './hash.ts';
export { SIGNATURE_SIZE, SHINGLE_WORDS, shingleHashes, minhashSignature, estimateJaccard, estimateContainment } from './minhash.ts';
export { LSH_BANDS, LSH_ROWS, MAX_BUCKET, bandKeys, bucketKeys, bucketRange, buildLshBuckets, lshBucketSizes, lshCandidates, type LshBuckets } from './lsh.ts';

export interface Fingerprint {
  signature: Uint32Array;
  /** Number of distinct shingles, for containment estimates. */
  shingles: number;
}

/** The fingerprint of an article text (or of its already computed content terms). */
export function fingerprintText(text: string, terms: readonly string[] = contentTerms(text)): Fingerprint {
  const shingles = shingleHashes(terms);
  return { signature: minhashSignature(shingles), shingles: shingles.length };
}
