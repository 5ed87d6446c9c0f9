// A Bloom filter over a segment's LSH bucket keys, kept in its known part beside the pages'
// fences. A search looks up 16 bucket keys per signature in every segment, and most of them name
// no bucket there: at 100,000 articles, 14% of a refresh's lookups in the largest segment found
// one, yet each read an LSH page (some 900 page reads a refresh). The filter answers "no bucket"
// for most of the others without reading a page; it never answers "no" for a key the segment has,
// so what a search finds is unchanged.
import { mix32 } from '../fingerprint/hash.ts';

/**
 * How a filter's bits are placed, stored with it: a known part whose filter was written another
 * way (1: a power-of-two size; 2: probed from the top 21 bits of the hash; neither written by a
 * release) is read without it, never misread.
 */
export const LSH_FILTER_SCHEME = 3;
/** Bits probed per key: with BITS_PER_KEY, about 5.6% of absent keys pass. */
const LSH_FILTER_PROBES = 4;
/**
 * Bits per distinct key. The known part holding the filter is read whole at every refresh and
 * every start, and reading costs by the byte (about 5 ms per MB cloned out of IndexedDB here):
 * at 100,000 articles 6 bits a key (about 1.1 MB) cost less than the LSH pages they spare a refresh
 * (some 1.7 MB), where 16 (2 MB, 0.2% passing) cost about what they spared.
 */
const BITS_PER_KEY = 6;
/** A filter's bits at most (16 MB): at most 2^27, as `probeBit` needs. */
export const MAX_FILTER_BITS = 2 ** 27;

/** The filter of these keys (ascending, repeats allowed, as a segment's buckets hold them). */
export function buildLshFilter(sortedKeys: Uint32Array): Uint8Array {
  let distinct = 0;
  for (let i = 0; i < sortedKeys.length; i++) if (i === 0 || sortedKeys[i] !== sortedKeys[i - 1]) distinct++;
  // Capped (a segment of some 1.4 million articles reaches the cap; past it more keys pass, none is missed).
  const filter = new Uint8Array(Math.min(MAX_FILTER_BITS / 8, Math.max(8, Math.ceil((distinct * BITS_PER_KEY) / 8))));
  const bits = filter.length * 8;
  for (let i = 0; i < sortedKeys.length; i++) {
    if (i > 0 && sortedKeys[i] === sortedKeys[i - 1]) continue;
    const key = sortedKeys[i]!;
    const step = probeStep(key);
    for (let p = 0; p < LSH_FILTER_PROBES; p++) {
      const bit = probeBit(key, p, step, bits);
      filter[bit >>> 3]! |= 1 << (bit & 7);
    }
  }
  return filter;
}

/** Whether the segment may have a bucket for the key: false only for a key it has none for. */
export function lshFilterMayHold(filter: Uint8Array, key: number): boolean {
  const bits = filter.length * 8;
  const step = probeStep(key);
  for (let p = 0; p < LSH_FILTER_PROBES; p++) {
    const bit = probeBit(key, p, step, bits);
    if ((filter[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/**
 * Probe p's bit among `bits`: the probe's hash scaled to the size, from its top 26 bits (the
 * product, below 2^26 times at most MAX_FILTER_BITS, is exact in doubles), so that the filter
 * need not be a power of two and every bit of one up to 2^26 bits (8 MB, a segment of some
 * 700,000 articles) is reachable; a larger one reaches 2^26 of its bits, passing more absent keys.
 */
function probeBit(key: number, p: number, step: number, bits: number): number {
  const hash = (key + Math.imul(p, step)) >>> 0;
  return Math.floor(((hash >>> 6) * bits) / 67108864);
}

/** Double hashing: the key itself is a hash; the stride is another, odd so that probes differ. */
function probeStep(key: number): number {
  return mix32(key ^ 0x5bd1e995) | 1;
}
