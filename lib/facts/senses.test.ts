import { describe, expect, test } from 'vitest';
import { stemWord } from '../text/index.ts';
import { WORDNET_SENSES } from './generated/wordnet-senses.ts';
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

  test('every stem of the table is found with its own list, and no word between two stems is (stems ascend: looked up by binary search)', () => {
    const entries = WORDNET_SENSES.split(';').map((entry) => {
      const space = entry.indexOf(' ');
      return { stem: entry.slice(0, space), ids: entry.slice(space + 1).split(',') };
    });
    for (let k = 1; k < entries.length; k++) expect(entries[k - 1]!.stem < entries[k]!.stem).toBe(true);
    for (const { stem, ids } of entries) {
      const senses = termSenses(stem)!;
      expect(senses.length).toBe(ids.length);
      // The first id as written, each other one the previous plus its base-36 difference.
      let id = 0;
      expect([...senses]).toEqual(ids.map((delta, i) => (id = i === 0 ? parseInt(delta, 36) : id + parseInt(delta, 36))));
      // Words sorting just after a stem, before the next one: none is in the table.
      expect(termSenses(`${stem}\u0000`)).toBeUndefined();
    }
    expect(termSenses('')).toBeUndefined();
    expect(termSenses('\uffff')).toBeUndefined();
  });
});
