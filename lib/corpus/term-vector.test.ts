import { expect, test } from 'vitest';
import { chooseTermVector } from './term-vector.ts';

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
