import { describe, expect, test } from 'vitest';
import { backgroundRankClass, backgroundShare, backgroundShareOfClass, NO_BACKGROUND_CLASS } from './background.ts';
import { BACKGROUND_CLASS_CODE_BASE, BACKGROUND_FIRST_CLASS, BACKGROUND_TERMS } from './generated/background-ranks.ts';
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

  test('every term of the generated table has its class; pieces of terms, terms run together and non-terms have none', () => {
    const entries = BACKGROUND_TERMS.split(' ').slice(0, -1);
    const terms = entries.map((entry) => entry.slice(1));
    // Sorted as JavaScript compares strings, without repeats: what the binary search relies on.
    expect(terms.every((term, i) => i === 0 || terms[i - 1]! < term)).toBe(true);
    const classes = entries.map((entry) => BACKGROUND_FIRST_CLASS + entry.charCodeAt(0) - BACKGROUND_CLASS_CODE_BASE);
    expect(terms.map(backgroundRankClass)).toEqual(classes);
    expect(Math.min(...classes)).toBe(BACKGROUND_FIRST_CLASS);
    expect(Math.max(...classes)).toBeLessThan(NO_BACKGROUND_CLASS);
    const held = new Set(terms);
    const misses = terms.filter((_, i) => i % 10 === 0).flatMap((t) => [t.slice(1), t.slice(0, -1), `${t}s`, `${t}\u0000`]);
    misses.push('', ' ', 'zzyzx', '\uffff', ...terms.slice(0, 60).map((t, i) => `${t} ${entries[i + 1]!}`), ...entries.slice(0, 60), ...terms.slice(0, 60).map((t) => `${t[0]}`));
    expect(misses.filter((term) => !held.has(term) && backgroundRankClass(term) !== NO_BACKGROUND_CLASS)).toEqual([]);
  });
});
