// Unsigned 32-bit integers in fewer bytes, for the index pieces a query reads (./index-pieces.ts):
// in a browser, reading IndexedDB costs in proportion to the bytes read (some 25-40 MB/s on the
// project's machines, bench/browser-warm.json), and a postings page or a passage page holds
// ascending numbers whose differences are small. Each number is written as LEB128: seven bits a
// byte, low bits first, the high bit set on every byte but the last. Deltas are zigzagged (0, -1,
// 1, -2 ... as 0, 1, 2, 3 ...) so that the drop where one ascending run ends and the next begins
// costs a few bytes, not a failure.
import { CorpusFormatError } from './format.ts';

/** Bytes of `value` (0 <= value < 2^53) as LEB128 at `at` of `out`; returns the next place. */
function put(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  out[at++] = value;
  return at;
}

/** At most 5 bytes a number below 2^32, 6 for a zigzagged delta of two of them (below 2^33). */
const MAX_BYTES = 6;

/** Each of `values` as `map` gives it (0 <= result < 2^53), from the value before it and its place, as LEB128. */
export function encodeSteps(values: ArrayLike<number>, map: (value: number, previous: number, i: number) => number): Uint8Array {
  const out = new Uint8Array(values.length * MAX_BYTES);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    at = put(out, at, map(values[i]!, previous, i));
    previous = values[i]!;
  }
  return out.slice(0, at);
}

/**
 * The next number of `bytes` from `state.at` (moved past it), or -1 where the bytes end first or
 * the number runs past 2^35. Nearly every number fits 4 bytes (below 2^28) and is read with
 * 32-bit operations; longer ones go on in floating point.
 */
export function next(bytes: Uint8Array, state: { at: number }): number {
  let at = state.at;
  const end = bytes.length;
  if (at >= end) return -1;
  let byte = bytes[at++]!;
  let value = byte & 0x7f;
  if (byte >= 0x80) {
    if (at >= end) return -1;
    byte = bytes[at++]!;
    value |= (byte & 0x7f) << 7;
    if (byte >= 0x80) {
      if (at >= end) return -1;
      byte = bytes[at++]!;
      value |= (byte & 0x7f) << 14;
      if (byte >= 0x80) {
        if (at >= end) return -1;
        byte = bytes[at++]!;
        value |= (byte & 0x7f) << 21;
        let scale = 2 ** 28;
        while (byte >= 0x80) {
          if (at >= end || scale > 2 ** 35) return -1;
          byte = bytes[at++]!;
          value += (byte & 0x7f) * scale;
          scale *= 0x80;
        }
      }
    }
  }
  state.at = at;
  return value;
}

function checkedEnd(bytes: Uint8Array, at: number, count: number, what: string): void {
  if (at !== bytes.length) throw new CorpusFormatError(`${what} has ${bytes.length - at} bytes past its ${count} numbers`);
}

export const outOfRange = (what: string) => new CorpusFormatError(`${what} holds a number out of range`);
const endsEarly = (what: string, count: number) => new CorpusFormatError(`${what} ends before its ${count} numbers`);

const zigzag = (delta: number) => (delta >= 0 ? 2 * delta : -2 * delta - 1);
/** Integer operations below 2^31 (nearly every delta): the floating-point division halved how fast a page is read. */
const unzigzag = (z: number) => (z < 0x80000000 ? (z >>> 1) ^ -(z & 1) : z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** Each number as its difference from the one before (the first from 0), zigzagged: small for ascending runs. */
export function encodeDeltas(values: ArrayLike<number>): Uint8Array {
  return encodeSteps(values, (value, previous) => zigzag(value - previous));
}

/** The `count` numbers `encodeDeltas` wrote; `what` names them in the error a damaged piece gives. */
export function decodeDeltas(bytes: Uint8Array, count: number, what: string): Uint32Array {
  return decodeAll(bytes, count, true, what);
}

/** Each number on its own (numbers with no order, smaller than 2^21 or so for a gain). */
export function encodeVarints(values: ArrayLike<number>): Uint8Array {
  return encodeSteps(values, (value) => value);
}

/** The `count` numbers `encodeVarints` wrote. */
export function decodeVarints(bytes: Uint8Array, count: number, what: string): Uint32Array {
  return decodeAll(bytes, count, false, what);
}

/**
 * Every number of a page at once, checked as it is decoded: passage pages' hashes, which every
 * shingle lookup searches, and postings pages written before lists started from zero. A loop of
 * its own, not ListPage's: some 400,000 hashes are decoded here at a cold start at 40,000
 * articles, in a process whose code is young, and through a page read in place (a count of its
 * bytes, then one run) the cold start took 70-100 ms more (bench/kept-step/cold.ts, 2 pairs).
 */
function decodeAll(bytes: Uint8Array, count: number, deltas: boolean, what: string): Uint32Array {
  const out = new Uint32Array(count);
  const end = bytes.length;
  let at = 0;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    if (at >= end) throw endsEarly(what, count);
    let byte = bytes[at++]!;
    let z = byte & 0x7f;
    if (byte >= 0x80) {
      if (at >= end) throw endsEarly(what, count);
      byte = bytes[at++]!;
      z |= (byte & 0x7f) << 7;
      if (byte >= 0x80) {
        if (at >= end) throw endsEarly(what, count);
        byte = bytes[at++]!;
        z |= (byte & 0x7f) << 14;
        if (byte >= 0x80) {
          // Four bytes or more (first hashes of pages): the general reader, from the number's start.
          const state = { at: at - 3 };
          z = next(bytes, state);
          if (z === -1) throw endsEarly(what, count);
          at = state.at;
        }
      }
    }
    const value = deltas ? previous + unzigzag(z) : z;
    if (value < 0 || value > 0xffffffff) throw outOfRange(what);
    out[i] = previous = value;
  }
  checkedEnd(bytes, at, count, what);
  return out;
}

/** Where every 2^MARK_SHIFT-th number of a page starts is kept (numberStarts): a slice steps over at most that many to reach its first. */
export const MARK_SHIFT = 5;
export const MARK_MASK = (1 << MARK_SHIFT) - 1;

/**
 * Checks that `bytes` hold exactly `count` numbers, by counting the bytes that end one (under
 * 0x80), and returns where the bytes of every 2^MARK_SHIFT-th number start (entry k << MARK_SHIFT
 * at [k]), found on the way: a page whose numbers need no value before them (./list-page.ts)
 * is read from there without decoding what comes before.
 */
export function numberStarts(bytes: Uint8Array, count: number, what: string): Uint32Array {
  const starts = new Uint32Array((count + MARK_MASK) >>> MARK_SHIFT);
  let ends = 0;
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at]! < 0x80) {
      ends++;
      if ((ends & MARK_MASK) === 0 && ends >>> MARK_SHIFT < starts.length) starts[ends >>> MARK_SHIFT] = at + 1;
    }
  }
  if (ends < count || (count > 0 && bytes[bytes.length - 1]! >= 0x80)) throw endsEarly(what, count);
  if (ends > count) {
    let at = 0;
    for (let seen = 0; seen < count; at++) if (bytes[at]! < 0x80) seen++;
    checkedEnd(bytes, at, count, what);
  }
  return starts;
}
