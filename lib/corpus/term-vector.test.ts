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

test('an article chosen after longer ones, and one longer than any before, keep what they keep alone', () => {
  // The weights are worked in arrays kept from one article to the next (grown for a longer one):
  // what a longer article left in them must not count for a shorter one.
  const article = (n: number, seed: number) => ({
    counts: Uint8Array.from({ length: n }, (_, k) => 1 + ((k * 7 + seed) % 5)),
    idfs: Array.from({ length: n }, (_, k) => 1 + ((k * 13 + seed) % 11) / 3),
  });
  const choose = (a: ReturnType<typeof article>) => chooseTermVector(a.counts, (k) => a.idfs[k]!, (k) => k, 192);
  const short = article(400, 1);
  const first = choose(short);
  const long = article(5000, 2);
  const longFirst = choose(long);
  expect(choose(short)).toEqual(first);
  expect(choose(long)).toEqual(longFirst);
  // The long one keeps its 192 highest weights, ties to the earlier term, in term order.
  const weights = Array.from(long.counts, (c, k) => (1 + Math.log(c)) * long.idfs[k]!);
  const expected = weights
    .map((w, k) => [w, k] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, 192)
    .map(([, k]) => k)
    .sort((a, b) => a - b);
  expect([...longFirst.vector.terms]).toEqual(expected);
});

test('the article cache computes each article once, keeps null, and drops the oldest past its capacity', () => {
  let computed = 0;
  const cache = new ArticleCache<number | null>((article) => {
    computed += 1;
    return article === 1 ? null : article * 10;
  }, 2);
  expect(cache.get(1)).toBeNull();
  expect(cache.get(1)).toBeNull();
  expect(cache.get(2)).toBe(20);
  expect(computed).toBe(2);
  // A third article pushes out the first: it is computed again when next asked for.
  expect(cache.get(3)).toBe(30);
  expect(cache.get(2)).toBe(20);
  expect(computed).toBe(3);
  expect(cache.get(1)).toBeNull();
  expect(computed).toBe(4);
});
