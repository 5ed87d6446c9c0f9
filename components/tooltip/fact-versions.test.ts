import { describe, expect, test } from 'vitest';
import { factVersions, outletCountText } from './fact-versions';
import type { AlignedPassage, Fact } from '@/lib/result';

const passage = (articleId: string, outlet: string | null, score: number, sameFact = true): AlignedPassage => ({
  articleId, outlet, sentenceIndex: 0, start: 0, end: 1, text: `${articleId} text`, score, sameFact, reasons: ['words'], diff: [], labels: [],
});
const fact = (passages: AlignedPassage[], conflict = false): Fact => ({
  sentence: { index: 0, start: 0, end: 10, text: 'A sentence.' }, passages, conflict,
});

describe('factVersions', () => {
  test('keeps the best passage per outlet, best first, and counts outlets', () => {
    const v = factVersions(fact([passage('a1', 'NBC News', 0.6), passage('a2', 'NBC News', 0.8), passage('b', 'The New Yorker', 0.7)]));
    expect(v.outletCount).toBe(2);
    expect(v.versions.map((x) => [x.outlet, x.passage.articleId])).toEqual([['NBC News', 'a2'], ['The New Yorker', 'b']]);
  });

  test.each([
    ['passages short of the strict same-fact judgment (still reported)', [passage('a', 'NBC News', 0.9, false)], 1],
    ['unnamed outlets, told apart by article', [passage('x', null, 0.5), passage('y', null, 0.6)], 2],
  ])('handles %s', (_name, passages, count) => {
    expect(factVersions(fact(passages)).outletCount).toBe(count);
  });

  test('puts strict same-fact versions first', () => {
    const v = factVersions(fact([passage('a', 'NBC News', 0.9, false), passage('b', 'The New Yorker', 0.5, true)]));
    expect(v.versions.map((x) => x.outlet)).toEqual(['The New Yorker', 'NBC News']);
  });

  test('does not count the page’s own outlet', () => {
    expect(factVersions(fact([passage('a', 'The New York Times', 0.9), passage('b', 'NBC News', 0.5)]), 'The New York Times').outletCount).toBe(1);
  });

  test.each([
    [1, '1 other outlet reports this'],
    [3, '3 other outlets report this'],
  ])('count text for %i', (n, text) => {
    expect(outletCountText(n)).toBe(text);
  });
});
