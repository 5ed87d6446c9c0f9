import { describe, expect, test } from 'vitest';
import { CorpusFormatError } from './format.ts';
import { encodeLists, ListPage } from './list-page.ts';
import { encodeDeltas, encodeVarints } from './varint.ts';

// Lists of every shape a postings page holds, one after the other: long ones with small steps,
// rare terms' single articles, an empty list (a repeated start), steps past 2^14 and 2^21, and
// article numbers above 2^31.
const lists: number[][] = [
  Array.from({ length: 70 }, (_, i) => 3 * i + (i % 2)),
  [5],
  [],
  [0, 16_384, 16_385, 2 ** 21 + 7],
  Array.from({ length: 40 }, (_, i) => 2 ** 31 + 12_345 + 1000 * i),
  [9],
  Array.from({ length: 33 }, (_, i) => 100 + i),
];

/** The lists as one page numbered from `first`: its numbers, where each list starts within it, and postingStart across pages. */
function page(first: number) {
  const values = Uint32Array.from(lists.flat());
  const starts: number[] = [];
  let at = 0;
  for (const list of lists) {
    starts.push(at);
    at += list.length;
  }
  const postingStart = Uint32Array.from([0, ...starts.map((s) => first + s), first + values.length]);
  return { values, starts, postingStart };
}

describe('postings pages with each list from zero', () => {
  test('each list, and the whole page, come back as written, wherever the 32-number offsets fall', () => {
    for (const first of [0, 4096]) {
      const { values, starts, postingStart } = page(first);
      const bytes = encodeLists(values, starts);
      const read = ListPage.read(bytes, values.length, postingStart, first, 'test');
      expect(read.slice(0, values.length)).toEqual(values);
      starts.forEach((start, k) => {
        const end = k + 1 < starts.length ? starts[k + 1]! : values.length;
        expect(Array.from(read.slice(start, end))).toEqual(lists[k]);
        // A list read on to the page's end restarts at each list after it.
        expect(read.slice(start, values.length)).toEqual(values.subarray(start));
      });
    }
  });

  test('ascending lists take fewer bytes than steps zigzagged across them', () => {
    const { values, starts } = page(0);
    expect(encodeLists(values, starts).length).toBeLessThan(encodeDeltas(values).length);
    // Steps under 128 take a byte each.
    expect(encodeLists(lists[6]!, [0]).length).toBe(1 + 32);
  });

  test('a slice must begin where a list does; a list not ascending is not written', () => {
    const { values, starts, postingStart } = page(0);
    const read = ListPage.read(encodeLists(values, starts), values.length, postingStart, 0, 'postings page 0');
    expect(() => read.slice(3, 10)).toThrow(/postings page 0: a slice must begin where a list does, not at entry 3/);
    expect(() => read.slice(0, values.length + 1)).toThrow(RangeError);
    expect(() => encodeLists([5, 4], [0])).toThrow(/ascending/);
  });

  test('damaged pages are refused by name when read: cut short, too long; a number past 32 bits when decoded', () => {
    const { values, starts, postingStart } = page(0);
    const bytes = encodeLists(values, starts);
    expect(() => ListPage.read(bytes.subarray(0, bytes.length - 1), values.length, postingStart, 0, 'postings page 2')).toThrow(new CorpusFormatError(`postings page 2 ends before its ${values.length} numbers`));
    expect(() => ListPage.read(bytes, values.length - 1, postingStart, 0, 'postings page 2')).toThrow(/postings page 2 has \d+ bytes past its \d+ numbers/);
    // One list of one number, 2^32 + 1: five bytes, the page's count right.
    const past = ListPage.read(Uint8Array.from([0x81, 0x80, 0x80, 0x80, 0x10]), 1, [0, 1], 0, 'postings page 3');
    expect(() => past.slice(0, 1)).toThrow(new CorpusFormatError('postings page 3 holds a number out of range'));
    expect(ListPage.read(new Uint8Array(0), 0, [0], 0, 'empty').slice(0, 0)).toEqual(new Uint32Array(0));
  });
});

describe('pages of numbers on their own (passage sentence numbers: each a list of one)', () => {
  let seed = 3;
  // Numbers of 1 to 5 bytes, in no order.
  const random = Uint32Array.from({ length: 150 }, () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) >>> (seed % 20));

  test('any stretch of a page comes back as written, from any entry, across the 32-number offsets', () => {
    const page = ListPage.read(encodeVarints(random), random.length, null, 1024, 'test');
    expect(page.length).toBe(random.length);
    for (let from = 0; from <= random.length; from += 7) {
      for (const to of [from, from + 1, from + 31, from + 33, random.length]) {
        const end = Math.min(to, random.length);
        expect(page.slice(from, end)).toEqual(random.slice(from, end));
      }
    }
  });

  test('a page holding more or fewer numbers than its count is refused when read; a number out of range, when decoded', () => {
    const bytes = encodeVarints(random);
    expect(() => ListPage.read(bytes.subarray(0, bytes.length - 1), random.length, null, 0, 'passage page 9')).toThrow(new CorpusFormatError(`passage page 9 ends before its ${random.length} numbers`));
    expect(() => ListPage.read(bytes, random.length - 1, null, 0, 'passage page 9')).toThrow(new RegExp(`passage page 9 has \\d+ bytes past its ${random.length - 1} numbers`));
    // Number 40 steps past 32 bits (the last byte of its 5 made larger).
    const sentences = encodeVarints(Uint32Array.from({ length: 64 }, (_, i) => (i === 40 ? 0xffffffff : i)));
    const page = ListPage.read(sentences.map((b, i) => (i === 44 ? 0x1f : b)), 64, null, 0, 'passage page 3');
    expect(page.slice(0, 40)).toEqual(Uint32Array.from({ length: 40 }, (_, i) => i));
    expect(() => page.slice(38, 42)).toThrow(new CorpusFormatError('passage page 3 holds a number out of range'));
  });
});
