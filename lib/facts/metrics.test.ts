import { describe, expect, test } from 'vitest';
import { binaryFigures, rocAuc, spearman } from './metrics.ts';

describe('metrics', () => {
  test.each([
    [[0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
    [[0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1],
    [[0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0], 0.5],
  ])('rocAuc(%j, %j) = %d', (scores, labels, expected) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(expected, 10);
  });

  test('spearman is 1 for a monotone relation and -1 for a reversed one', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 35, 90])).toBeCloseTo(1, 10);
    expect(spearman([1, 2, 3, 4], [9, 7, 3, 1])).toBeCloseTo(-1, 10);
  });

  test('binaryFigures', () => {
    expect(binaryFigures([true, true, false, false], [1, 0, 1, 0])).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
