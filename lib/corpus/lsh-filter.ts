// A Bloom filter over a segment's LSH bucket keys, kept in its known part beside the pages'
// fences. A search looks up 16 bucket keys per signature in every segment, and most of them name
// no bucket there: at 100,000 articles, 14% of a refresh's lookups in the largest segment found
// one, yet each read an LSH page (some 900 page reads a refresh). The filter answers "no bucket"
// for most of the others without reading a page; it never answers "no" for a key the segment has,
// so what a search finds is unchanged.
import { mix32 } from '../fingerprint/hash.ts';

/** Bits probed per key. With 8 to 16 bits a key (the size is a power of two), 0.2-2.4% of absent keys pass. */
export const LSH_FILTER_PROBES = 4;
/** Bits per distinct key at least. */
const BITS_PER_KEY = 8;

/** The filter of these keys (ascending, repeats allowed, as a segment's buckets hold them). */
export function buildLshFilter(sortedKeys: Uint32Array): Uint8Array {
  let distinct = 0;
  for (let i = 0; i < sortedKeys.length; i++) if (i === 0 || sortedKeys[i] !== sortedKeys[i - 1]) distinct++;
  let bits = 64;
  while (bits < distinct * BITS_PER_KEY) bits *= 2;
  const filter = new Uint8Array(bits / 8);
  const mask = bits - 1;
  for (let i = 0; i < sortedKeys.length; i++) {
    if (i > 0 && sortedKeys[i] === sortedKeys[i - 1]) continue;
    const key = sortedKeys[i]!;
    const step = probeStep(key);
    for (let p = 0; p < LSH_FILTER_PROBES; p++) {
      const bit = (key + Math.imul(p, step)) & mask;
      filter[bit >>> 3]! |= 1 << (bit & 7);
    }
  }
  return filter;
}

/** Whether the segment may have a bucket for the key: false only for a key it has none for. */
export function lshFilterMayHold(filter: Uint8Array, key: number): boolean {
  const mask = filter.length * 8 - 1;
  const step = probeStep(key);
  for (let p = 0; p < LSH_FILTER_PROBES; p++) {
    const bit = (key + Math.imul(p, step)) & mask;
    if ((filter[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** Double hashing: the key itself is a hash; the stride is another, odd so that probes differ. */
function probeStep(key: number): number {
  return mix32(key ^ 0x5bd1e995) | 1;
}
