import { describe, expect, test } from 'vitest';
import { foldedWords, stemWord } from '../text/index.ts';
import { intern, trigramKey, trigramVector, wordStem } from './word-table.ts';

/** The trigrams of the line, counted one position at a time: what the table's keys must add up to. */
function lineTrigrams(words: string[]): Map<number, number> {
  const line = ` ${words.join(' ')} `;
  const counts = new Map<number, number>();
  for (let i = 0; i + 2 < line.length; i++) {
    const key = trigramKey(line.charCodeAt(i), line.charCodeAt(i + 1), line.charCodeAt(i + 2));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('word table', () => {
  test.each([
    'Dmitry Peskov said the talks, the talks, went well',
    'Ünïcödé words: Zürich, Kraków and Αθήνα meet 東京',
    'a',
    '',
  ])('trigrams of %j are those of its line, ascending, with counts and norm', (text) => {
    const words = foldedWords(text);
    const vector = trigramVector(words, Int32Array.from(words, intern));
    const expected = [...lineTrigrams(words)].sort((x, y) => x[0] - y[0]);
    expect(Array.from(vector.ids)).toEqual(expected.map(([key]) => key));
    expect(Array.from(vector.counts)).toEqual(expected.map(([, count]) => count));
    expect(vector.norm).toBeCloseTo(Math.sqrt(expected.reduce((sum, [, c]) => sum + c * c, 0)), 12);
  });

  test('a word keeps its id; content words have their stems, stopwords and single letters none', () => {
    expect(intern('diplomats')).toBe(intern('diplomats'));
    expect(intern('diplomats')).not.toBe(intern('diplomat'));
    expect(wordStem('diplomats', intern('diplomats'))).toBe(stemWord('diplomats'));
    expect(wordStem('the', intern('the'))).toBeNull();
    expect(wordStem('x', intern('x'))).toBeNull();
  });
});
