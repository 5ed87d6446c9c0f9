import { describe, expect, test } from 'vitest';
import { daysApartText } from './days-apart';

describe('daysApartText', () => {
  test.each([
    [32, '32 days later'],
    [-3, '3 days earlier'],
    [1, '1 day later'],
    [-1, '1 day earlier'],
    [0, 'the same day'],
    [-0, 'the same day'],
    [400, '400 days later'],
    [null, 'undated'],
    [Number.NaN, 'undated'],
  ])('%s → %s', (days, text) => expect(daysApartText(days)).toBe(text));
});
