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
 * Every number of a page at once, checked as it is decoded. A loop of its own, not VarintPage's:
 * the passage hashes of a cold start at 40,000 articles (some 400,000) are decoded here in a
 * process whose code is young, and through VarintPage (a count of the page's bytes, then one run)
 * the cold start took 70-100 ms more (bench/kept-step/cold.ts, 2 alternating pairs).
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

/** A mark every 2^MARK_SHIFT numbers of a VarintPage: a slice steps over at most that many to reach its first. */
export const MARK_SHIFT = 5;
export const MARK_MASK = (1 << MARK_SHIFT) - 1;

/**
 * Checks that `bytes` hold exactly `count` numbers, by counting the bytes that end one (under
 * 0x80), and returns where the bytes of every 2^MARK_SHIFT-th number start (entry k << MARK_SHIFT
 * at [k]), found on the way: a page of numbers that need no value before them (numbers on their
 * own, lists from zero: ./list-page.ts) is read from there without decoding what comes before.
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

/**
 * A page of varints read in place, decoded only as far as asked: the numbers a query asks for
 * are decoded from the mark before them (one number in 32). Decoding whole pages meant fresh memory for
 * 7 MB of numbers at a cold start at 40,000 articles (some 30 ms of page faults on this project's
 * machines) and 1.8 million numbers decoded, most of which no query read: 79% of shingle lookups
 * find nothing, and a postings page holds a few hundred terms' lists besides the one asked for.
 * A page is checked when read: it must hold exactly its count of numbers (a cheap count of the
 * bytes that end one, numberStarts). A page of numbers on their own (passage pages' sentence
 * numbers) is then read from where its bytes start, found by that count; in a page of deltas, the
 * marks are found as far as the entries asked for. A number out of range is refused by name when
 * it is decoded. Passage pages' hashes, which every shingle lookup
 * searches, are decoded whole (decodeDeltas): searched through marks instead, a young
 * process's warm analyses were some 5 ms slower (bench/kept-step/warm.ts at 40,000 articles).
 */
export class VarintPage {
  /** Marks found so far (0 ..< known). */
  private known = 0;
  /** Where the last run() stopped: the byte after its last number. */
  private cursor = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly length: number,
    /** Numbers written by encodeDeltas (else encodeVarints). */
    private readonly deltas: boolean,
    /** Names the page in the error a damaged one gives. */
    private readonly what: string,
    /** The number at entry k << MARK_SHIFT (pages of deltas only). */
    private readonly marks: Uint32Array,
    /** Where the bytes of entry (k << MARK_SHIFT) + 1 start, in pages of deltas; of entry k << MARK_SHIFT, in pages of numbers on their own (found when read). */
    private readonly offsets: Uint32Array,
  ) {}

  /** The page of `count` numbers in `bytes`, checked to hold exactly that many; numbers are decoded when asked for. */
  static read(bytes: Uint8Array, count: number, deltas: boolean, what: string): VarintPage {
    const starts = numberStarts(bytes, count, what);
    if (!deltas) return new VarintPage(bytes, count, false, what, new Uint32Array(0), starts);
    const page = new VarintPage(bytes, count, true, what, new Uint32Array(starts.length), new Uint32Array(starts.length));
    page.firstMark();
    return page;
  }

  /** A page of deltas: its first number is decoded (the first mark). */
  private firstMark(): void {
    if (this.length === 0) return;
    this.marks[0] = this.run(0, 0, 1, null, 0);
    this.offsets[0] = this.cursor;
    this.known = 1;
  }

  /** Marks 0 ..= k found, each from the one before. */
  private markThrough(k: number): void {
    while (this.known <= k) {
      const j = this.known - 1;
      this.marks[j + 1] = this.run(this.offsets[j]!, this.marks[j]!, 1 << MARK_SHIFT, null, 0);
      this.offsets[j + 1] = this.cursor;
      this.known++;
    }
  }

  /** Entries from ..< to, decoded into a new array. */
  slice(from: number, to: number): Uint32Array {
    const out = new Uint32Array(Math.max(0, to - from));
    if (out.length === 0) return out;
    const k = from >>> MARK_SHIFT;
    let at: number;
    let value: number;
    if (this.deltas) {
      this.markThrough(k);
      at = this.offsets[k]!;
      value = this.marks[k]!;
      if (from > k << MARK_SHIFT) {
        value = this.run(at, value, from - (k << MARK_SHIFT), null, 0);
        at = this.cursor;
      }
    } else {
      const bytes = this.bytes;
      at = this.offsets[k]!;
      for (let skip = from & MARK_MASK; skip > 0; at++) if (bytes[at]! < 0x80) skip--;
      this.run(at, 0, out.length, out, 0);
      return out;
    }
    out[0] = value;
    if (out.length > 1) this.run(at, value, out.length - 1, out, 1);
    return out;
  }

  /**
   * The `count` numbers after `previous` from byte `at`, written to `out` from `into` when given;
   * returns the last, leaving this.cursor after it. The page holds its count of numbers (checked
   * when read), so a number that does not end within 5 bytes, or steps out of 32 bits, is damage.
   * next() is written out for numbers of one and two bytes (nearly all): a cold start at 40,000
   * articles decodes some 400,000 hashes here, mostly before the code is optimized, where each
   * call costs.
   */
  private run(at: number, previous: number, count: number, out: Uint32Array | null, into: number): number {
    const { bytes, deltas } = this;
    let value = previous;
    for (let n = 0; n < count; n++) {
      let byte = bytes[at++]!;
      let z = byte & 0x7f;
      if (byte >= 0x80) {
        byte = bytes[at++]!;
        z |= (byte & 0x7f) << 7;
        if (byte >= 0x80) {
          // Three bytes or more: the general reader, from the number's start.
          const state = { at: at - 2 };
          z = next(bytes, state);
          at = state.at;
        }
      }
      value = z === -1 ? -1 : deltas ? value + unzigzag(z) : z;
      if (value < 0 || value > 0xffffffff) throw outOfRange(this.what);
      if (out) out[into + n] = value;
    }
    this.cursor = at;
    return value;
  }
}
