// Near-duplicate versions (the same article as a readable page and as machine-normalized text,
// or a short and a long edition) are linked so that displays show one article, in its most
// readable form. Syndicated copies in different outlets stay separate: each outlet is a voice.
import { estimateContainment, estimateJaccard, lshCandidates, MAX_BUCKET, SIGNATURE_SIZE, type LshBuckets } from '../fingerprint/index.ts';

/** Containment (of the shorter in the longer) above which two texts are versions of one article. */
export const VERSION_CONTAINMENT = 0.8;
/** Texts with fewer shingles are too short to call versions from fingerprints alone. */
export const VERSION_MIN_SHINGLES = 20;

export interface VersionInput {
  signatures: Uint32Array;
  shingleCounts: Uint32Array;
  outlets: Int32Array;
  buckets: LshBuckets;
  /**
   * Articles in the same LSH buckets elsewhere (the corpus a segment joins), one count per band
   * of article a's signature: they count towards MAX_BUCKET as they would in one compile.
   */
  alsoInBuckets?: (a: number) => ArrayLike<number>;
}

/**
 * Whether a text reads as written prose: it has sentence punctuation and capital letters
 * (English prose has about one of each per 50 characters; machine-normalized text has none).
 */
export function isReadable(text: string): boolean {
  const length = Math.max(1, text.length);
  const punctuation = (text.match(/[.!?,;:]/g)?.length ?? 0) / length;
  const capitals = (text.match(/\p{Lu}/gu)?.length ?? 0) / length;
  return punctuation > 0.005 && capitals > 0.005;
}

/** Containment of the smaller shingle set in the larger, from two corpus signatures. */
export function versionContainment(input: Pick<VersionInput, 'signatures' | 'shingleCounts'>, a: number, b: number): number {
  const sizeA = input.shingleCounts[a]!;
  const sizeB = input.shingleCounts[b]!;
  const jaccard = estimateJaccard(input.signatures, input.signatures, a * SIGNATURE_SIZE, b * SIGNATURE_SIZE);
  return estimateContainment(jaccard, Math.min(sizeA, sizeB), Math.max(sizeA, sizeB));
}

/** What picks a group's primary version: readable first (the top bit), then longer. */
export function versionRank(text: string): number {
  return (isReadable(text) ? 0x80000000 : 0) + Math.min(text.length, 0x7fffffff);
}

/** Whether two articles are versions of one article (lib/corpus outlets compared by name; null is unknown). */
export function areVersions(input: Pick<VersionInput, 'signatures' | 'shingleCounts'>, a: number, b: number): boolean {
  return versionContainment(input, a, b) >= VERSION_CONTAINMENT;
}

/** Whether two outlets allow articles to be versions of each other: the same, or either unknown. */
export function sameOutletOrUnknown(a: string | null, b: string | null): boolean {
  return a === b || a === null || b === null;
}

/** Pairs of articles (a < b, back to back) that are versions of each other. */
export function findVersionPairs(input: VersionInput): Uint32Array {
  const n = input.shingleCounts.length;
  const pairs: number[] = [];
  for (let a = 0; a < n; a++) {
    if (input.shingleCounts[a]! < VERSION_MIN_SHINGLES) continue;
    const candidates = lshCandidates(input.buckets, input.signatures, a * SIGNATURE_SIZE, MAX_BUCKET, input.alsoInBuckets?.(a));
    for (const b of [...candidates.keys()].sort((x, y) => x - y)) {
      if (b <= a || input.shingleCounts[b]! < VERSION_MIN_SHINGLES) continue;
      const oa = input.outlets[a]!;
      const ob = input.outlets[b]!;
      if (oa !== ob && oa !== -1 && ob !== -1) continue;
      if (areVersions(input, a, b)) pairs.push(a, b);
    }
  }
  return Uint32Array.from(pairs);
}

/**
 * For every article, the index of its group's primary version: groups are the connected
 * articles of `pairs` (indices below `count`), the primary the highest `rank`, ties to the first.
 */
export function primaryVersions(count: number, pairs: ArrayLike<number>, rank: (index: number) => number): Uint32Array {
  const parent = new Uint32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let k = 0; k < pairs.length; k += 2) parent[find(pairs[k]!)] = find(pairs[k + 1]!);
  // Best member of each group, by root; members visited in index order, so ties go to the first.
  const best = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const root = find(i);
    const current = best[root]!;
    if (current === -1 || rank(i) > rank(current)) best[root] = i;
  }
  const primary = new Uint32Array(count);
  for (let i = 0; i < count; i++) primary[i] = best[find(i)]!;
  return primary;
}
