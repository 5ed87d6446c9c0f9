// Seeded 32-bit hashes written with Math.imul and shifts only, so Node and every browser
// produce the same values (no node:crypto, no platform-dependent number handling).

/** MurmurHash3 (x86, 32-bit) over a string's UTF-16 code units, two per block (not over UTF-8 bytes). */
export function hashString(text: string, seed = 0): number {
  let h = seed >>> 0;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    let k = (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)) >>> 0;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < length) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= length * 2;
  return mix32(h);
}

/** Murmur3's finalizer: a bijective avalanche of 32 bits. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two 32-bit values into one hash (order matters). */
export function combineHashes(a: number, b: number): number {
  return mix32((Math.imul(a ^ 0x9e3779b9, 0x01000193) + b) | 0);
}

/**
 * Checksum of a byte range (corrupted or truncated artifacts): four independent lanes over
 * little-endian 32-bit words, each step a bijection (xor the word, multiply by an odd constant,
 * rotate), so any single changed word changes the result; lanes let the CPU overlap the work,
 * several times faster than murmur's serial chain on a cold 100 MB artifact.
 */
export function hashBytes(input: Uint8Array, seed = 0): number {
  // Word access needs 4-byte alignment; an unaligned view is copied (rare: loaders align).
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const n = bytes.length;
  const words = n >>> 2;
  const view = new Uint32Array(bytes.buffer, bytes.byteOffset, words);
  const blocks = words & ~3;
  let tail = 0;
  for (let w = blocks; w < words; w++) tail = combineHashes(tail, view[w]!);
  let last = 0;
  for (let i = words * 4, shift = 0; i < n; i++, shift += 8) last |= bytes[i]! << shift;
  return mix32(combineHashes(laneHash(view, blocks, seed), combineHashes(tail, last) ^ n));
}

/**
 * hashBytes's four lanes over words 0 ..< blocks, combined. A function of its own, seeing only
 * Uint32Arrays, so the JIT optimizes it once for good: with the loop inside hashBytes, Node 20
 * entered the copy it had made in the middle of the first long checksum (on-stack) on every call
 * and fell back to the interpreter where the loop ended, as that copy had not seen the code after
 * it: 714 times in a cold start at 40,000 articles (every part read is checksummed), and the
 * checksums ran at a third of their speed (some 40 ms of the cold start).
 */
function laneHash(view: Uint32Array, blocks: number, seed: number): number {
  let a = (seed ^ 0x9e3779b9) | 0;
  let b = (seed ^ 0x85ebca6b) | 0;
  let c = (seed ^ 0xc2b2ae35) | 0;
  let d = (seed ^ 0x27d4eb2f) | 0;
  for (let w = 0; w < blocks; w += 4) {
    a = Math.imul(a ^ view[w]!, 0x01000193);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b ^ view[w + 1]!, 0x01000193);
    b = (b << 13) | (b >>> 19);
    c = Math.imul(c ^ view[w + 2]!, 0x01000193);
    c = (c << 13) | (c >>> 19);
    d = Math.imul(d ^ view[w + 3]!, 0x01000193);
    d = (d << 13) | (d >>> 19);
  }
  return combineHashes(combineHashes(combineHashes(a, b), c), d);
}

// Typed-array word reads are little-endian on every platform browsers and Node run on; the
// artifact says so too (format.ts).
