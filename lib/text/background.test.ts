import { describe, expect, test } from 'vitest';
import { backgroundRankClass, backgroundShare, backgroundShareOfClass, classTable, NO_BACKGROUND_CLASS, searchClass } from './background.ts';
import { BACKGROUND_RANKS } from './generated/background-ranks.ts';
import { stemWord } from './normalize.ts';

describe('background document shares', () => {
  test('common news words are in many articles, specific ones in few', () => {
    expect(backgroundShare(stemWord('government'))).toBeGreaterThan(0.05);
    expect(backgroundShare(stemWord('invitation'))).toBeLessThan(backgroundShare(stemWord('meeting')));
    expect(backgroundShare(stemWord('expulsion'))).toBeLessThan(0.01);
    expect(backgroundShare(stemWord('expulsion'))).toBeGreaterThan(0);
  });

  test("the forms of one word share their stem's entry", () => {
    const invite = backgroundRankClass(stemWord('invited'));
    expect(invite).toBe(backgroundRankClass(stemWord('invites')));
    expect(invite).toBeLessThan(NO_BACKGROUND_CLASS);
  });

  test('terms missing from the table (new names, stopwords, non-words) count as never seen', () => {
    expect(backgroundRankClass('zzyzx')).toBe(NO_BACKGROUND_CLASS);
    expect(backgroundShare('zzyzx')).toBe(0);
    expect(backgroundShare('the')).toBe(0); // a stopword: never a content term
  });

  test('shares fall with rank and stay probabilities', () => {
    let previous = 1;
    for (let k = 0; k < NO_BACKGROUND_CLASS; k++) {
      const share = backgroundShareOfClass(k);
      expect(share).toBeLessThanOrEqual(previous);
      expect(share).toBeGreaterThanOrEqual(0);
      previous = share;
    }
    expect(backgroundShareOfClass(0)).toBeLessThan(1);
  });

  test("a term searched in the generated string has the table's class, every term and every near miss", () => {
    const table = classTable();
    const terms = [...table.keys()];
    expect(terms.map((term) => searchClass(term))).toEqual([...table.values()]);
    // Pieces of terms (every tenth), terms run together across a space or a class's end, what the table lacks.
    const misses = terms.filter((_, i) => i % 10 === 0).flatMap((t) => [t.slice(1), t.slice(0, -1), `${t}s`]).filter((t) => !table.has(t));
    misses.push('', ' ', '|', 'zzyzx', ...BACKGROUND_RANKS.slice(0, 400).match(/\S+ \S+|[^|]+\|[^|]+/g)!);
    expect(misses.filter((term) => searchClass(term) !== undefined)).toEqual([]);
  });
});
