import { describe, expect, test } from 'vitest';
import { createKeyedLimiter, createLimiter } from './limiter';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createLimiter', () => {
  test('never runs more than the limit at once and runs every task', async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limiter.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick();
          running -= 1;
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
  });

  test('a failing task frees its slot', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  test.each([0, -1, 1.5])('rejects a limit of %s', (max) => {
    expect(() => createLimiter(max)).toThrow(RangeError);
  });
});

test('keyed limiter limits per key, not globally', async () => {
  const limiter = createKeyedLimiter(1);
  const running = new Map<string, number>();
  let peakSameKey = 0;
  let peakAll = 0;
  await Promise.all(
    ['a', 'a', 'a', 'b', 'b', 'c'].map((key) =>
      limiter.run(key, async () => {
        running.set(key, (running.get(key) ?? 0) + 1);
        peakSameKey = Math.max(peakSameKey, running.get(key)!);
        peakAll = Math.max(peakAll, [...running.values()].reduce((a, b) => a + b, 0));
        await tick();
        running.set(key, running.get(key)! - 1);
      }),
    ),
  );
  expect(peakSameKey).toBe(1);
  expect(peakAll).toBe(3);
});
