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
 * Hash of a byte range, for artifact checksums: murmur3's block step over little-endian 32-bit
 * words, then the tail bytes. Reads through a Uint32Array when the range is aligned (the common
 * case, and several times faster than DataView while the code is still cold).
 */
export function hashBytes(bytes: Uint8Array, seed = 0): number {
  const n = bytes.length;
  const words = n >>> 2;
  const aligned = bytes.byteOffset % 4 === 0 && littleEndian;
  const view = aligned ? new Uint32Array(bytes.buffer, bytes.byteOffset, words) : null;
  const data = aligned ? null : new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let h = seed >>> 0;
  for (let w = 0; w < words; w++) {
    let k = view ? view[w]! : data!.getUint32(w * 4, true);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  for (let i = words * 4, shift = 0; i < n; i++, shift += 8) k |= bytes[i]! << shift;
  if (n & 3) {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= n;
  return mix32(h);
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
