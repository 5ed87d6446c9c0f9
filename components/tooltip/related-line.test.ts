import { describe, expect, test } from 'vitest';
import type { Fact, RelatedCoverage } from '@/lib/result';
import { relatedLine } from './related-line';

const fact = (index: number): Fact => ({ sentence: { index, start: 0, end: 10, text: `Sentence ${index}.` }, passages: [], conflict: false });
const related = (outlet: string | null, daysApart: number | null, indexes: number[], published: string | null = '2018-05-04'): RelatedCoverage => ({
  id: `${outlet}-${daysApart}`, outlet, title: null, url: null, published, daysApart, score: 0.5, facts: indexes.map(fact),
});

describe('relatedLine', () => {
  test.each([
    ['one later article', [related('The New Yorker', 32, [4, 7])], 4, 'Also in later coverage: The New Yorker, 32 days later'],
    ['one earlier article', [related('Reuters', -3, [4])], 4, 'Also in earlier coverage: Reuters, 3 days earlier'],
    ['both, in time order', [related('The New Yorker', 32, [4]), related('Reuters', -3, [4])], 4, 'Also in related coverage: Reuters, 3 days earlier; The New Yorker, 32 days later'],
    ['an undated one and an unnamed outlet', [related(null, null, [4], null)], 4, 'Also in related coverage: Unnamed outlet, undated'],
    ['a dated one when this page has no date', [related('BBC', null, [4])], 4, 'Also in related coverage: BBC, 4 May 2018'],
    [
      'more than two: the rest counted',
      [related('A', 1, [4]), related('B', 2, [4]), related('C', 3, [4]), related('D', 4, [4])],
      4,
      'Also in later coverage: A, 1 day later; B, 2 days later; and 2 more',
    ],
    ['no related article reports this sentence', [related('The New Yorker', 32, [7])], 4, null],
    ['no related coverage at all', [], 4, null],
  ])('%s', (_name, list, index, line) => expect(relatedLine(list, index)).toBe(line));
});
