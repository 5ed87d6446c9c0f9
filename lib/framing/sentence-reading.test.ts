import { describe, expect, test } from 'vitest';
import { foldedWords, stemWord } from '../text/normalize.ts';
import { readSentence, wordsBetween, wordsIn } from './sentence-reading.ts';

describe('wordsBetween', () => {
  test.each([
    'Peskov, the Kremlin’s spokesman, said the 3-year-old deal — “won’t work” — was well- and ill-judged.',
    "Jones' rock'n'roll U.S. co-op -- ex-aide's 'quote' x-",
    'Ünïcödé wörds and 𝒜stral letters, COVID19abc and 12,000 people.',
  ])('reads every stretch of a sentence as wordsIn does: %s', (text) => {
    const reading = readSentence(text);
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        expect(wordsBetween(text, reading, start, end), `${start}..${end}`).toEqual(wordsIn(text, start, end));
      }
    }
  });
});

describe('readSentence', () => {
  test('folded words and stems, read when first asked, are those of the whole sentence', () => {
    const text = 'Peskov’s aides INSISTED the talks were “going well,” reporters said.';
    const reading = readSentence(text);
    expect(reading.folded).toEqual(foldedWords(text));
    expect(reading.stems).toEqual(new Set(foldedWords(text).map(stemWord)));
    expect(reading.stems).toBe(reading.stems);
  });
});
