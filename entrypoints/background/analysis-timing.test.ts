import { afterEach, describe, expect, test } from 'vitest';
import { measured, MEASURES_KEPT } from './analysis-timing';

const NAME = 'parallax:test-measure';
const measures = () => performance.getEntriesByName(NAME, 'measure');

describe('measured', () => {
  afterEach(() => performance.clearMeasures(NAME));

  test('records one measure spanning the work, and gives back its result', async () => {
    const before = performance.now();
    const value = await measured(NAME, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 'answer';
    });
    expect(value).toBe('answer');
    expect(measures()).toHaveLength(1);
    const [entry] = measures();
    expect(entry!.startTime).toBeGreaterThanOrEqual(before);
    // Timers may fire a little early; the measure covers the wait, not a token length.
    expect(entry!.duration).toBeGreaterThanOrEqual(15);
  });

  test('records work that throws, and throws the same error', async () => {
    const failure = new Error('no corpus');
    await expect(measured(NAME, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(measures()).toHaveLength(1);
  });

  test('keeps at most MEASURES_KEPT measures of a name, the latest among them', async () => {
    for (let i = 0; i < MEASURES_KEPT; i++) await measured(NAME, () => Promise.resolve(i));
    expect(measures()).toHaveLength(MEASURES_KEPT);
    // The next one drops the older ones all at once (User Timing clears by name only) and is kept.
    const before = performance.now();
    await measured(NAME, () => Promise.resolve('latest'));
    expect(measures()).toHaveLength(1);
    expect(measures()[0]!.startTime).toBeGreaterThanOrEqual(before);
  });
});
