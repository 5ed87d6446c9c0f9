import { describe, expect, test } from 'vitest';
import { parseWindow, publishedDay } from './dates';

describe('publishedDay', () => {
  test.each([
    ['Mon, 02 Jun 2025 10:00:00 GMT', '2025-06-02'],
    ['Mon, 02 Jun 2025 23:30:00 -0500', '2025-06-02'],
    ['2 June 2025 08:00 +0100', '2025-06-02'],
    ['Tue, 3 Jun 25 08:00:00 EST', '2025-06-03'],
    ['2025-06-01T22:00:00-07:00', '2025-06-01'],
    ['2025-06-01', '2025-06-01'],
    ['2025-02-30', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(publishedDay(input)).toBe(expected);
  });
});

describe('parseWindow', () => {
  test.each([
    ['7d', 7 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['2w', 14 * 86_400_000],
    ['30m', 30 * 60_000],
    ['0d', null],
    ['7 days', null],
    ['d', null],
  ])('%s', (input, expected) => {
    expect(parseWindow(input)).toBe(expected);
  });
});
