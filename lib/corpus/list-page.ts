// A page of varints read in place (LEB128, ./varint.ts), decoded only as far as a query asks:
//   - a postings page (IndexPiecesLayout.postingLists) holds each term's list from zero: the
//     list's first article number as it is, each next one as its step from the one before. A
//     query asks for one term's list; with the steps running on from one list to the next (the
//     layout before, decoded whole now), the numbers before it had to be decoded to know where it
//     started: at 40,000 articles some 100,000 numbers a warm analysis, against 11,000 it read.
//     Lists hold ascending article numbers, so steps are never negative and need no zigzag: a step
//     under 128 takes one byte, where a zigzagged one took one only under 64;
//   - a passage page's sentence numbers are numbers on their own: every entry is a list of one.
// A slice's first number is found by counting the bytes that end a number (under 0x80) from the
// byte offset of every 32nd, which the count check made when the page was read walks the bytes
// for anyway (numberStarts). Decoding whole pages instead meant fresh memory for 7 MB of numbers
// at a cold start at 40,000 articles (some 30 ms of page faults on this project's machines),
// most of which no query read: 79% of shingle lookups find nothing.
import { lowerBound } from '../sorted.ts';
import type { StoredPage } from './stored-page.ts';
import { encodeSteps, MARK_MASK, MARK_SHIFT, next, numberStarts, outOfRange } from './varint.ts';

/**
 * The page's numbers (`values`, ascending within each list) with each list from zero: `starts`
 * are the ascending entry numbers within the page where a list begins (0 is always one).
 */
export function encodeLists(values: ArrayLike<number>, starts: ArrayLike<number>): Uint8Array {
  let s = 0;
  return encodeSteps(values, (value, previous, i) => {
    while (s < starts.length && starts[s]! < i) s++;
    const step = i === 0 || (s < starts.length && starts[s] === i) ? value : value - previous;
    if (step < 0) throw new Error(`a postings list must hold ascending article numbers (entry ${i} of its page)`);
    return step;
  });
}

export class ListPage implements StoredPage {
  private constructor(
    private readonly bytes: Uint8Array,
    readonly length: number,
    /**
     * Where each list begins, numbered across every page (CorpusData.postingStart: ascending);
     * null for numbers on their own (each a list of one).
     */
    private readonly listStarts: ArrayLike<number> | null,
    /** The entry number, across every page, of this page's first. */
    private readonly first: number,
    /** Names the page in the error a damaged one gives. */
    private readonly what: string,
    /** Where the bytes of entry k << MARK_SHIFT start. */
    private readonly offsets: Uint32Array,
  ) {}

  /** The page of `count` numbers in `bytes`, checked to hold exactly that many; numbers are decoded when asked for. */
  static read(bytes: Uint8Array, count: number, listStarts: ArrayLike<number> | null, first: number, what: string): ListPage {
    return new ListPage(bytes, count, listStarts, first, what, numberStarts(bytes, count, what));
  }

  /**
   * Entries from ..< to, decoded into a new array. `from` must be where a list begins (or the
   * page's first entry): a list's numbers are known only from its first.
   */
  slice(from: number, to: number): Uint32Array {
    if (to > this.length) throw new RangeError(`${this.what} holds ${this.length} numbers, not ${to}`);
    const out = new Uint32Array(Math.max(0, to - from));
    if (out.length === 0) return out;
    const { bytes, listStarts, first, what } = this;
    // The next entry where a list begins after `from` (for numbers on their own, every one).
    let k = 0;
    let restart = from + 1;
    if (listStarts !== null) {
      k = lowerBound(listStarts, first + from);
      if (from !== 0 && listStarts[k] !== first + from) throw new Error(`${what}: a slice must begin where a list does, not at entry ${from}`);
      while (k < listStarts.length && listStarts[k]! <= first + from) k++;
      restart = k < listStarts.length ? listStarts[k]! - first : to;
    }
    let at = this.offsets[from >>> MARK_SHIFT]!;
    for (let skip = from & MARK_MASK; skip > 0; at++) if (bytes[at]! < 0x80) skip--;
    let value = 0;
    for (let i = from; i < to; i++) {
      if (i === restart) {
        value = 0;
        if (listStarts === null) restart = i + 1;
        else {
          while (k < listStarts.length && listStarts[k]! - first <= i) k++;
          restart = k < listStarts.length ? listStarts[k]! - first : to;
        }
      }
      // One and two bytes (nearly every number) written out; longer ones by the general reader.
      let byte = bytes[at++]!;
      let step = byte & 0x7f;
      if (byte >= 0x80) {
        byte = bytes[at++]!;
        step |= (byte & 0x7f) << 7;
        if (byte >= 0x80) {
          const state = { at: at - 2 };
          step = next(bytes, state);
          at = state.at;
        }
      }
      value = step === -1 ? -1 : value + step;
      if (value < 0 || value > 0xffffffff) throw outOfRange(what);
      out[i - from] = value;
    }
    return out;
  }
}
