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

function encode(values: ArrayLike<number>, map: (value: number, previous: number) => number): Uint8Array {
  const out = new Uint8Array(values.length * MAX_BYTES);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    at = put(out, at, map(values[i]!, previous));
    previous = values[i]!;
  }
  return out.slice(0, at);
}

/**
 * The next number of `bytes` from `state.at` (moved past it), or -1 where the bytes end first or
 * the number runs past 2^35. Nearly every number fits 4 bytes (below 2^28) and is read with
 * 32-bit operations; longer ones go on in floating point.
 */
function next(bytes: Uint8Array, state: { at: number }): number {
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

const outOfRange = (what: string) => new CorpusFormatError(`${what} holds a number out of range`);
const endsEarly = (what: string, count: number) => new CorpusFormatError(`${what} ends before its ${count} numbers`);

const zigzag = (delta: number) => (delta >= 0 ? 2 * delta : -2 * delta - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** Each number as its difference from the one before (the first from 0), zigzagged: small for ascending runs. */
export function encodeDeltas(values: ArrayLike<number>): Uint8Array {
  return encode(values, (value, previous) => zigzag(value - previous));
}

/** The `count` numbers `encodeDeltas` wrote; `what` names them in the error a damaged piece gives. */
export function decodeDeltas(bytes: Uint8Array, count: number, what: string): Uint32Array {
  const out = new Uint32Array(count);
  const state = { at: 0 };
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const z = next(bytes, state);
    if (z === -1) throw endsEarly(what, count);
    const value = previous + unzigzag(z);
    if (value < 0 || value > 0xffffffff) throw outOfRange(what);
    out[i] = previous = value;
  }
  checkedEnd(bytes, state.at, count, what);
  return out;
}

/** Each number on its own (numbers with no order, smaller than 2^21 or so for a gain). */
export function encodeVarints(values: ArrayLike<number>): Uint8Array {
  return encode(values, (value) => value);
}

/** The `count` numbers `encodeVarints` wrote. */
export function decodeVarints(bytes: Uint8Array, count: number, what: string): Uint32Array {
  const out = new Uint32Array(count);
  const state = { at: 0 };
  for (let i = 0; i < count; i++) {
    const value = next(bytes, state);
    if (value === -1) throw endsEarly(what, count);
    if (value > 0xffffffff) throw outOfRange(what);
    out[i] = value;
  }
  checkedEnd(bytes, state.at, count, what);
  return out;
}
