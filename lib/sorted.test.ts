import { describe, expect, test } from 'vitest';
import { equalRange, fencedPages, hashLowerBound, hashRange, joinRuns, lastStartAtMost, lowerBound } from './sorted.ts';

const hashes = Uint32Array.of(2, 5, 5, 5, 9, 4_000_000_000);

describe('lowerBound', () => {
  test.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 4],
    [9, 4],
    [4_000_000_000, 5],
    [4_294_967_295, 6],
  ])('of %d in the hashes is %d', (value, index) => {
    expect(lowerBound(hashes, value)).toBe(index);
  });

  test('searches only lo ..< hi', () => {
    expect(lowerBound(hashes, 5, 2)).toBe(2);
    expect(lowerBound(hashes, 9, 0, 3)).toBe(3);
    expect(lowerBound(hashes, 9, 4, 4)).toBe(4);
  });

  test('an empty array gives 0', () => {
    expect(lowerBound(new Uint32Array(0), 7)).toBe(0);
    expect(lowerBound([], 7)).toBe(0);
  });
});

describe('equalRange', () => {
  test.each([
    [5, [1, 4]],
    [2, [0, 1]],
    [4_000_000_000, [5, 6]],
    [6, [4, 4]],
    [1, [0, 0]],
    [4_294_967_295, [6, 6]],
  ] as const)('of %d in the hashes is %j', (value, range) => {
    expect(equalRange(hashes, value)).toEqual(range);
  });
});

describe('lastStartAtMost', () => {
  // Articles of 3, 0, 2 and 1 sentences: sentence starts 0, 3, 3, 5, then the end, 6.
  const sentenceStart = Uint32Array.of(0, 3, 3, 5, 6);

  test.each([
    [0, 0],
    [2, 0],
    [3, 2],
    [4, 2],
    [5, 3],
  ])('sentence %d is in article %d', (sentence, article) => {
    expect(lastStartAtMost(sentenceStart, sentence)).toBe(article);
  });

  test('counts only the first `count` starts', () => {
    expect(lastStartAtMost(sentenceStart, 9, 4)).toBe(3);
    expect(lastStartAtMost(sentenceStart, 9)).toBe(4);
  });
});

describe('hashLowerBound', () => {
  // A small deterministic generator (xorshift), so that a failure can be replayed.
  function numbers(count: number, seed: number, draw: (next: () => number) => number): Uint32Array {
    let state = seed;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state >>> 0;
    };
    return Uint32Array.from({ length: count }, () => draw(next)).sort();
  }
  const arrays: [string, Uint32Array][] = [
    ['even hashes', numbers(5000, 7, (next) => next())],
    ['hashes with repeats', numbers(5000, 11, (next) => next() % 700)],
    ['bunched values', numbers(5000, 13, (next) => (next() % 10 === 0 ? 4_000_000_000 + (next() % 50) : next() % 1000))],
    ['one value', new Uint32Array(100).fill(42)],
    ['few entries', Uint32Array.of(3, 3, 9)],
    ['none', new Uint32Array(0)],
  ];

  test.each(arrays)('gives lowerBound and equalRange of every value in and around %s', (_name, sorted) => {
    const probes = [0, 1, 4_294_967_295, ...sorted, ...Array.from(sorted, (v) => v + 1), ...Array.from(sorted, (v) => Math.max(0, v - 1))];
    for (const value of probes) {
      expect(hashLowerBound(sorted, value)).toBe(lowerBound(sorted, value));
      expect(hashRange(sorted, value)).toEqual(equalRange(sorted, value));
    }
  });

  test.each(arrays)('gives lowerBound in %s searched within its least and greatest entries, or looser bounds', (_name, sorted) => {
    const least = sorted[0] ?? 0;
    const most = sorted[sorted.length - 1] ?? 0;
    const probes = [0, 1, 4_294_967_295, ...sorted, ...Array.from(sorted, (v) => v + 1), ...Array.from(sorted, (v) => Math.max(0, v - 1))];
    for (const value of probes) {
      expect(hashLowerBound(sorted, value, least, most)).toBe(lowerBound(sorted, value));
      expect(hashLowerBound(sorted, value, Math.max(0, least - 5), Math.min(4_294_967_295, most + 5))).toBe(lowerBound(sorted, value));
    }
  });
});

describe('joinRuns', () => {
  test('joins runs in order; one run is returned itself, none gives the empty array', () => {
    const empty = new Uint32Array(0);
    const one = Uint32Array.of(4, 5);
    expect(joinRuns([], empty)).toBe(empty);
    expect(joinRuns([one], empty)).toBe(one);
    expect(Array.from(joinRuns([Uint32Array.of(1, 2), new Uint32Array(0), Uint32Array.of(3)], empty))).toEqual([1, 2, 3]);
  });
});

describe('fencedPages', () => {
  test('the pages whose first entries bound a value, a run of equal fences included; none without pages', () => {
    const fences = Uint32Array.of(10, 20, 20, 30);
    expect(fencedPages(fences, 5)).toEqual([0, 0]);
    expect(fencedPages(fences, 10)).toEqual([0, 1]);
    expect(fencedPages(fences, 15)).toEqual([0, 1]);
    expect(fencedPages(fences, 20)).toEqual([0, 3]);
    expect(fencedPages(fences, 25)).toEqual([2, 3]);
    expect(fencedPages(fences, 40)).toEqual([3, 4]);
    expect(fencedPages(new Uint32Array(0), 7)).toEqual([0, 0]);
  });
});
