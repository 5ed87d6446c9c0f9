import { describe, expect, test } from 'vitest';
import { stemWord } from '../text/index.ts';
import { sharesSense, termSenses } from './senses.ts';

function synonyms(x: string, y: string): boolean | undefined {
  const a = termSenses(stemWord(x));
  const b = termSenses(stemWord(y));
  return a && b ? sharesSense(a, b) : undefined;
}

describe('WordNet senses of terms', () => {
  test.each([
    ['buy', 'purchased', true],
    ['proposal', 'suggested', true],
    ['released', 'discharged', true],
    ['big', 'large', true],
    ['murder', 'killing', true],
    ['car', 'truck', false],
    ['car', 'bank', false],
  ])('%s ~ %s: %s', (x, y, expected) => {
    expect(synonyms(x, y)).toBe(expected);
    expect(synonyms(y, x)).toBe(expected);
  });

  test('stopwords and made-up words have no senses', () => {
    expect(termSenses(stemWord('the'))).toBeUndefined();
    expect(termSenses('qzxv')).toBeUndefined();
  });

  test('sense ids ascend (intersections walk them in order)', () => {
    const ids = termSenses(stemWord('proposal'))!;
    expect(ids.length).toBeGreaterThan(1);
    for (let i = 1; i < ids.length; i++) expect(ids[i]!).toBeGreaterThan(ids[i - 1]!);
  });
});
