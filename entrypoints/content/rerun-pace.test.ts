import { describe, expect, test } from 'vitest';
import { CALM_MS, FIRST_GAP_MS, MAX_GAP_MS, RerunPace } from './rerun-pace';

/** Start times of the analyses a page gets when it asks for one again at every moment. */
function runsWhenAlwaysAsked(until: number, from = 0, pace = new RerunPace()): number[] {
  const starts: number[] = [];
  let now = from;
  while (now <= until) {
    const at = pace.nextAllowed(now);
    if (at > until) break;
    pace.started(at);
    starts.push(at);
    now = at;
  }
  return starts;
}

describe('RerunPace', () => {
  test('the first analysis starts at once', () => {
    expect(new RerunPace().nextAllowed(1234)).toBe(1234);
  });

  test('a page whose article keeps changing gets re-runs further and further apart', () => {
    const starts = runsWhenAlwaysAsked(10 * 60_000);
    expect(starts.slice(0, 5)).toEqual([0, FIRST_GAP_MS, 3 * FIRST_GAP_MS, 7 * FIRST_GAP_MS, 15 * FIRST_GAP_MS]);
    const gaps = starts.slice(1).map((start, i) => start - starts[i]!);
    expect(Math.max(...gaps)).toBe(MAX_GAP_MS);
    // At most a few analyses in any minute, and one a minute once the pace has settled.
    for (const start of starts) expect(starts.filter((s) => s >= start && s < start + 60_000).length).toBeLessThanOrEqual(4);
    expect(starts.filter((s) => s >= 5 * 60_000 && s < 6 * 60_000).length).toBe(1);
  });

  test('after a calm spell the short gap is back', () => {
    const pace = new RerunPace();
    runsWhenAlwaysAsked(5 * 60_000, 0, pace);
    const last = 5 * 60_000;
    const calm = last + MAX_GAP_MS + CALM_MS;
    expect(pace.nextAllowed(calm)).toBe(calm);
    pace.started(calm);
    expect(pace.nextAllowed(calm + 1)).toBe(calm + FIRST_GAP_MS);
  });
});
