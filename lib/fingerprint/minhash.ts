// MinHash signatures over word shingles of an article's content terms, computed with one
// permutation and densification (Shrivastava 2017): each shingle is hashed once, which keeps
// compiling 100,000 articles fast, and the result estimates Jaccard similarity like classic
// k-permutation MinHash.
import { combineHashes, hashString, mix32 } from './hash.ts';

/** Signature length (number of bins). A power of two. */
export const SIGNATURE_SIZE = 64;
/** Words per shingle; shorter texts use one shingle of all their words. */
export const SHINGLE_WORDS = 3;
const SHINGLE_SEED = 0x5eed1234;
export const EMPTY = 0xffffffff;

const termHashCache = new Map<string, number>();

function termHash(term: string): number {
  let h = termHashCache.get(term);
  if (h === undefined) {
    h = hashString(term, SHINGLE_SEED);
    if (termHashCache.size > 200_000) termHashCache.clear();
    termHashCache.set(term, h);
  }
  return h;
}

/** The distinct shingle hashes of a term sequence, ascending. */
export function shingleHashes(terms: readonly string[], size = SHINGLE_WORDS): Uint32Array {
  const width = Math.min(size, terms.length);
  if (width === 0) return new Uint32Array(0);
  const termHashes = new Uint32Array(terms.length);
  for (let i = 0; i < terms.length; i++) termHashes[i] = termHash(terms[i]!);
  const count = terms.length - width + 1;
  const all = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = width;
    for (let j = 0; j < width; j++) h = combineHashes(h, termHashes[i + j]!);
    all[i] = h;
  }
  all.sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  return all.slice(0, distinct);
}

/**
 * The signature of a set of shingle hashes. An empty set gives a signature of EMPTY values,
 * which matches nothing.
 */
export function minhashSignature(shingles: Uint32Array, size = SIGNATURE_SIZE): Uint32Array {
  const signature = new Uint32Array(size).fill(EMPTY);
  if (shingles.length === 0) return signature;
  const bits = Math.log2(size);
  for (let i = 0; i < shingles.length; i++) {
    const h = mix32(shingles[i]! ^ 0x2545f491);
    const bin = h >>> (32 - bits);
    // The value is a second hash so that the bin choice and the value are independent.
    const value = mix32(shingles[i]! + 0x68e31da4);
    if (value < signature[bin]!) signature[bin] = value;
  }
  // Densify: an empty bin borrows the value of the bin a seeded probe sequence lands on first.
  const filled = signature.slice();
  for (let bin = 0; bin < size; bin++) {
    if (signature[bin] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const probe = combineHashes(bin, attempt) >>> (32 - bits);
      if (signature[probe] !== EMPTY) {
        filled[bin] = combineHashes(signature[probe]!, attempt);
        break;
      }
    }
  }
  return filled;
}

/** Estimated Jaccard similarity: the share of equal bins. */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>, aOffset = 0, bOffset = 0, size = SIGNATURE_SIZE): number {
  let equal = 0;
  for (let i = 0; i < size; i++) {
    const x = a[aOffset + i]!;
    if (x === b[bOffset + i] && x !== EMPTY) equal++;
  }
  return equal / size;
}

/**
 * Estimated share of A's shingles that are in B, from Jaccard J and the set sizes:
 * |A∩B| = J(|A|+|B|)/(1+J), so containment = J(|A|+|B|) / ((1+J)|A|), capped at 1.
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0 || jaccard === 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / ((1 + jaccard) * sizeA));
}
