// Near-duplicate versions (the same article as a readable page and as machine-normalized text,
// or a short and a long edition) are linked so that displays show one article, in its most
// readable form. Syndicated copies in different outlets stay separate: each outlet is a voice.
import { estimateContainment, estimateJaccard, lshCandidates, SIGNATURE_SIZE, type LshBuckets } from '../fingerprint/index.ts';

/** Containment (of the shorter in the longer) above which two texts are versions of one article. */
export const VERSION_CONTAINMENT = 0.8;
/** Texts with fewer shingles are too short to call versions from fingerprints alone. */
export const VERSION_MIN_SHINGLES = 20;

export interface VersionInput {
  signatures: Uint32Array;
  shingleCounts: Uint32Array;
  outlets: Int32Array;
  texts: (index: number) => string;
  buckets: LshBuckets;
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

/** For every article, the index of its group's primary (most readable, then longest) version. */
export function linkVersions(input: VersionInput): Uint32Array {
  const n = input.shingleCounts.length;
  const parent = new Uint32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let a = 0; a < n; a++) {
    if (input.shingleCounts[a]! < VERSION_MIN_SHINGLES) continue;
    for (const b of lshCandidates(input.buckets, input.signatures, a * SIGNATURE_SIZE).keys()) {
      if (b <= a || input.shingleCounts[b]! < VERSION_MIN_SHINGLES) continue;
      const oa = input.outlets[a]!;
      const ob = input.outlets[b]!;
      if (oa !== ob && oa !== -1 && ob !== -1) continue;
      if (versionContainment(input, a, b) >= VERSION_CONTAINMENT) parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const members = groups.get(root);
    if (members) members.push(i);
    else groups.set(root, [i]);
  }
  const primary = new Uint32Array(n);
  for (const members of groups.values()) {
    let best = members[0]!;
    if (members.length > 1) {
      let bestKey = -1;
      for (const m of members) {
        const text = input.texts(m);
        const key = (isReadable(text) ? 2 ** 32 : 0) + text.length;
        if (key > bestKey) {
          bestKey = key;
          best = m;
        }
      }
    }
    for (const m of members) primary[m] = best;
  }
  return primary;
}
