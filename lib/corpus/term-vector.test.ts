import { expect, test } from 'vitest';
import { ArticleCache, chooseTermVector } from './term-vector.ts';

test('keeps the highest weights, ties to the earlier term, in term order, with their norm', () => {
  // Weights (1 + ln count) * idf: term 0 and 3 weigh 1 + ln 2 ≈ 1.69; terms 1, 2, 4 weigh 1 (ties).
  const counts = Uint8Array.from([2, 1, 1, 2, 1]);
  const ids = [50, 40, 30, 20, 10];
  const chosen = chooseTermVector(counts, () => 1, (k) => ids[k]!, 3);
  expect([...chosen.vector.terms]).toEqual([50, 40, 20]);
  expect([...chosen.vector.counts]).toEqual([2, 1, 2]);
  expect(chosen.norm).toBeCloseTo(Math.sqrt(2 * (1 + Math.log(2)) ** 2 + 1), 12);
});

test('an article with no more terms than a vector holds keeps them all', () => {
  const chosen = chooseTermVector(Uint8Array.from([1, 3]), (k) => k + 1, (k) => k, 3);
  expect([...chosen.vector.terms]).toEqual([0, 1]);
  expect(chosen.norm).toBeCloseTo(Math.hypot(1, 2 * (1 + Math.log(3))), 12);
});

test('the selected threshold keeps what a full sort of the weights keeps', () => {
  // A seeded generator: many terms, few distinct weights (ties across the threshold) and some unique ones.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let round = 0; round < 200; round++) {
    const n = 1 + Math.floor(next() * 300);
    const limit = 1 + Math.floor(next() * 60);
    const counts = Uint8Array.from({ length: n }, () => 1 + Math.floor(next() * (round % 2 ? 3 : 255)));
    const idfs = Array.from({ length: n }, () => (round % 3 ? 1 + Math.floor(next() * 3) : next() * 10));
    const chosen = chooseTermVector(counts, (k) => idfs[k]!, (k) => k, limit);
    const weights = Array.from(counts, (c, k) => (1 + Math.log(c)) * idfs[k]!);
    // Reference: by weight descending, ties to the earlier term, the first `limit`, in term order.
    const expected = weights
      .map((w, k) => [w, k] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .slice(0, limit)
      .map(([, k]) => k)
      .sort((a, b) => a - b);
    expect([...chosen.vector.terms]).toEqual(expected);
  }
});

test('the article cache computes each article once, keeps null, and drops the oldest past its capacity', () => {
  const cache = new ArticleCache<number | null>(2);
  let computed = 0;
  const value = (article: number) => () => {
    computed += 1;
    return article === 1 ? null : article * 10;
  };
  expect(cache.get(1, value(1))).toBeNull();
  expect(cache.get(1, value(1))).toBeNull();
  expect(cache.get(2, value(2))).toBe(20);
  expect(computed).toBe(2);
  // A third article pushes out the first: it is computed again when next asked for.
  expect(cache.get(3, value(3))).toBe(30);
  expect(cache.get(2, value(2))).toBe(20);
  expect(computed).toBe(3);
  expect(cache.get(1, value(1))).toBeNull();
  expect(computed).toBe(4);
});
