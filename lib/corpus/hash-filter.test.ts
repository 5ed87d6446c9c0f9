import { expect, test } from 'vitest';
import { HashFilter } from './hash-filter.ts';

function randomHashes(count: number, seed: number): Uint32Array {
  let s = seed >>> 0;
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    hashes[i] = s;
  }
  return hashes;
}

function filterOf(hashes: Uint32Array, slotsPerHash: number): HashFilter {
  const filter = new HashFilter(hashes.length, slotsPerHash);
  for (const hash of hashes) filter.add(hash);
  return filter;
}

test('every hash added is held, the extremes and repeats too', () => {
  const hashes = Uint32Array.from([...randomHashes(5000, 1), 0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 9, 9]);
  const filter = filterOf(hashes, 8);
  for (const hash of hashes) expect(filter.mayHold(hash)).toBe(true);
});

test('absent hashes pass rarely, about as many as slots are set', () => {
  const hashes = randomHashes(20000, 2);
  // 2^18 slots (the power of two at or above 20,000 · 8): 1 - e^(-20000 / 2^18), some 7%, are set.
  const filter = filterOf(hashes, 8);
  const held = new Set(hashes);
  const probes = randomHashes(20000, 3).filter((h) => !held.has(h));
  const passed = probes.filter((h) => filter.mayHold(h)).length / probes.length;
  expect(passed).toBeGreaterThan(0.055);
  expect(passed).toBeLessThan(0.09);
});

test('a filter with nothing added holds nothing', () => {
  const filter = new HashFilter(0, 8);
  expect(randomHashes(100, 4).some((h) => filter.mayHold(h))).toBe(false);
});
