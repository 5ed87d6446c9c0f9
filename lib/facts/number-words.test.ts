// Numbers written as words compare as numbers: in what a quantity is, in fact matching and in conflicts.
import { describe, expect, test } from 'vitest';
import { seedRecords } from '../corpus/test-seeds.ts';
import { segmentSentences } from '../text/segment.ts';
import { compareSentences } from './compare.ts';
import { compatibleNumbers, extractQuantities, quantityConflicts } from './quantities.ts';
import { termStatsFromTexts } from './stats.ts';

describe('number words are numbers', () => {
  test.each([
    ['the American tally of sixty expelled diplomats', '60', 'sixty expelled diplomats', undefined],
    ['a dozen diplomats left', '12', 'a dozen diplomats', undefined],
    ['two dozen officers arrived', '24', 'two dozen officers', undefined],
    ['half a dozen officers arrived', '6', 'half a dozen officers', undefined],
    ['five hundred people marched', '500', 'five hundred people', undefined],
    ['forty-one minutes', '41', 'forty-one minutes', undefined],
    ['more than 150 Russian diplomats', '150', 'more than 150 Russian diplomats', 'over'],
    ['150-plus diplomats', '150', '150-plus diplomats', 'over'],
    ['150+ diplomats', '150', '150+ diplomats', 'over'],
    ['nearly 60 diplomats', '60', 'nearly 60 diplomats', 'about'],
    ['fewer than 20 people', '20', 'fewer than 20 people', 'under'],
  ])('%s', (text, value, phrase, bound) => {
    const [q] = extractQuantities(text);
    expect(q).toMatchObject({ kind: 'number', value, phrase });
    expect(q!.bound).toBe(bound);
  });
});

describe('conflicts compare values, as the wording allows them', () => {
  const conflicts = (a: string, b: string): string[] =>
    quantityConflicts(extractQuantities(a), extractQuantities(b)).map((c) => `${c.a.phrase} / ${c.b.phrase}`);

  test.each([
    ['the U.S. expelled sixty Russian diplomats', 'the U.S. expelled 60 Russian diplomats'],
    ['a dozen officers were hurt', '12 officers were hurt'],
    ['two dozen officers were hurt', '24 officers were hurt'],
    ['more than 150 diplomats were expelled', '150+ diplomats were expelled'],
    ['more than 150 diplomats were expelled', '151 diplomats were expelled'],
    ['nearly 60 diplomats were expelled', '58 diplomats were expelled'],
  ])('no conflict: %s | %s', (a, b) => {
    expect(conflicts(a, b)).toEqual([]);
    expect(conflicts(b, a)).toEqual([]);
  });

  test.each([
    ['the U.S. expelled sixty Russian diplomats', 'the U.S. expelled 48 Russian diplomats', 'sixty Russian diplomats / 48 Russian diplomats'],
    ['more than 150 diplomats were expelled', '120 diplomats were expelled', 'more than 150 diplomats / 120 diplomats'],
    ['a dozen officers were hurt', '20 officers were hurt', 'a dozen officers / 20 officers'],
    ['60 diplomats were expelled', '58 diplomats were expelled', '60 diplomats / 58 diplomats'],
  ])('conflict: %s | %s', (a, b, expected) => {
    expect(conflicts(a, b)).toEqual([expected]);
  });

  test('bounds meet only where both allow the value', () => {
    const [over] = extractQuantities('more than 150 diplomats');
    const [under] = extractQuantities('fewer than 150 diplomats');
    const [plus] = extractQuantities('150-plus diplomats');
    expect(compatibleNumbers(over!, plus!)).toBe(true);
    expect(compatibleNumbers(over!, under!)).toBe(false);
  });
});

describe('fact matching reads number words as numbers', () => {
  const stats = termStatsFromTexts(seedRecords().flatMap((r) => segmentSentences(r.text).map((s) => s.text)));

  test('"sixty expelled diplomats" and "60 diplomats" share a number', () => {
    const comparison = compareSentences(
      'Trump exploded when the American tally of sixty expelled diplomats became public.',
      'Each of them expelled 60 diplomats and closed consulates.',
      stats,
    );
    expect(comparison.reasons).toContain('numbers');
    expect(comparison.conflicts).toEqual([]);
  });

  test('"a dozen" and 12 share a number; 20 does not', () => {
    const a = 'Police said a dozen officers were hurt in the clashes outside parliament.';
    expect(compareSentences(a, 'Twelve officers were hurt in the clashes outside parliament, police said.', stats).reasons).toContain('numbers');
    expect(compareSentences(a, 'Police said 12 officers were hurt in the clashes outside parliament.', stats).reasons).toContain('numbers');
    expect(compareSentences(a, 'Police said 20 officers were hurt in the clashes outside parliament.', stats).conflicts).toHaveLength(1);
  });
});
