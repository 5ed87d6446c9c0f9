import { expect, test } from 'vitest';
import { buildLshFilter, lshFilterMayHold } from './lsh-filter.ts';

function randomKeys(count: number, seed: number): Uint32Array {
  let s = seed >>> 0;
  const keys = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    keys[i] = s;
  }
  return keys;
}

test('every key put in is held, repeated keys too, whatever its high or low bits', () => {
  const keys = Uint32Array.from([...randomKeys(5000, 1), 0, 1, 0xffffffff, 0x80000000, 7, 7, 7]).sort();
  const filter = buildLshFilter(keys);
  for (const key of keys) expect(lshFilterMayHold(filter, key)).toBe(true);
});

test('absent keys pass rarely: about 5.6% at 6 bits a key', () => {
  const keys = randomKeys(20000, 2).sort();
  const filter = buildLshFilter(keys);
  expect(filter.length).toBe(15000);
  const held = new Set(keys);
  const probes = randomKeys(20000, 3).filter((k) => !held.has(k));
  const passed = probes.filter((k) => lshFilterMayHold(filter, k)).length;
  expect(passed / probes.length).toBeGreaterThan(0.04);
  expect(passed / probes.length).toBeLessThan(0.075);
  // And not an all-ones filter that passes everything.
  expect(passed).toBeGreaterThan(0);
});

test('an empty segment has a small filter that holds nothing', () => {
  const filter = buildLshFilter(new Uint32Array(0));
  expect(filter.length).toBe(8);
  expect(randomKeys(100, 4).some((k) => lshFilterMayHold(filter, k))).toBe(false);
});

test('a large filter (a segment of 100,000 articles) passes as few absent keys as a small one: every bit is reachable', () => {
  const keys = randomKeys(1_500_000, 5).sort();
  const filter = buildLshFilter(keys);
  expect(filter.length).toBeGreaterThan(2 ** 20);
  for (let i = 0; i < keys.length; i += 97) expect(lshFilterMayHold(filter, keys[i]!)).toBe(true);
  const held = new Set(keys);
  const probes = randomKeys(50000, 6).filter((k) => !held.has(k));
  const passed = probes.filter((k) => lshFilterMayHold(filter, k)).length;
  expect(passed / probes.length).toBeGreaterThan(0.04);
  expect(passed / probes.length).toBeLessThan(0.075);
});
