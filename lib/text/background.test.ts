import { describe, expect, test } from 'vitest';
import { backgroundRankClass, backgroundShare, backgroundShareOfClass, NO_BACKGROUND_CLASS } from './background.ts';
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
});
