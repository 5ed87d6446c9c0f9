import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { contentTerms, contentWords, foldedWords, normalizeLikeSeed, normalizeText } from './normalize.ts';

const seed = (name: string) => readFileSync(new URL(`../../corpus/seeds/${name}`, import.meta.url), 'utf8');
const normalizedSeed = seed('000_0812b1be2a60d229.txt');
const readableSeed = seed('001_4938277a76e1a9f3.txt');

describe('normalizeText', () => {
  test.each([
    ['Putin’s “idea”', `putin's "idea"`],
    ['CAFÉ Ünïcödé', 'cafe unicode'],
    ['ﬁve ＡＢＣ', 'five abc'],
    ['tit–for—tat', 'tit-for-tat'],
    ['‘quoted’ ‚low‛', "'quoted' 'low'"],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('normalizeLikeSeed reproduces the machine-normalized seed (000) from its readable version (001)', () => {
  const paragraphs = readableSeed.split('\n').filter((line) => line.trim());

  test('every paragraph of 001, normalized, appears verbatim in 000', () => {
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const paragraph of paragraphs) expect(normalizedSeed).toContain(normalizeLikeSeed(paragraph));
  });

  test.each([
    ['Mr. Trump’s call on March 20 came before last week’s tit-for-tat expulsions.', 'mr trump call march came last week tit tat expulsions'],
    ['He didn’t say whom he won’t invite.', 'say invite'],
    ['Russia, the U.S. and its allies', 'russia u allies'],
  ])('%s', (input, expected) => {
    expect(normalizeLikeSeed(input)).toBe(expected);
  });

  test('normalizing the normalized seed again changes nothing', () => {
    expect(normalizeLikeSeed(normalizedSeed)).toBe(normalizedSeed.trim().split(/\s+/).join(' '));
  });
});

describe('content words', () => {
  test('drop stopwords and reporting verbs, keep topic words', () => {
    expect(contentWords('The Kremlin said it would welcome a summit.')).toEqual(['kremlin', 'welcome', 'summit']);
  });

  test('are the same for 000 and for 001 normalized (what fingerprints compare)', () => {
    const fromReadable = contentWords(readableSeed).join(' ');
    const fromNormalized = contentWords(normalizedSeed).join(' ');
    for (const paragraph of readableSeed.split('\n').filter((l) => l.trim())) {
      expect(fromNormalized).toContain(contentWords(paragraph).join(' '));
    }
    expect(fromReadable.length).toBeGreaterThan(1000);
  });

  test('terms are stemmed', () => {
    expect(contentTerms('talks talking diplomats')).toEqual(['talk', 'talk', 'diplomat']);
  });

  test('folded words split hyphens, apostrophes and digits', () => {
    expect(foldedWords("G-20 won't 60th")).toEqual(['g', 'won', 't', 'th']);
  });
});

/** foldedWords written out over a given fold: possessives dropped, split at non-letters. */
function wordsOf(fold: (text: string) => string): (text: string) => string[] {
  return (text) =>
    fold(text)
      .replace(/'s\b/g, '')
      .split(/[^\p{L}]+/u)
      .filter(Boolean);
}

describe('foldedWords on plain ASCII', () => {
  // What foldedWords gives any text: normalizeText, possessives dropped, split at non-letters.
  const reference = wordsOf(normalizeText);
  test.each([
    "The U.S. expelled 60 Russian diplomats; Kennebunkport's mayor said it's tit-for-tat.",
    "\tTabs,\nnew lines\r\nand   spaces: O'Brien's 3rd-quarter $4.1bn (2018) ~ [x] {y} |z| `w` @v #u",
    "''s 's' ABC's DEF'S",
    '',
  ])('%j folds as any text does', (text) => {
    expect(foldedWords(text)).toEqual(reference(text));
    // The same words with a non-ASCII character beside them (the general path).
    expect(foldedWords(`${text} é`).slice(0, -1)).toEqual(reference(text));
  });
});

describe('foldedWords read in one pass', () => {
  // The chain of replacements and the split it replaced for plain and typeset ASCII.
  const chain = (text: string): string[] =>
    text
      .replace(/[\u2018\u2019]/g, "'")
      .toLowerCase()
      .replace(/'s\b/g, '')
      .split(/[^a-z]+/)
      .filter(Boolean);
  test('random text of apostrophes, s, word characters and separators folds as the chain did', () => {
    const alphabet = ["'", '\u2018', '\u2019', 's', 'S', 'a', 'Z', '0', '9', '_', ' ', '-', '.', '\u00A0', '\u2014', '\u201C', '`', '\n'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(foldedWords(text), JSON.stringify(text)).toEqual(chain(text));
    }
  });
  test.each(["it's", "'s", "'s'", "x's5", "x's_", "x'ss", "BOB'S", "a\u2019s\u2019s b", "end's."])('%j folds as the chain did', (text) => {
    expect(foldedWords(text)).toEqual(chain(text));
  });
});

describe('typeset ASCII (curly quotes, en and em dashes, no-break spaces)', () => {
  // The general fold, written out: what normalizeText and foldedWords give any text.
  const folded = (text: string): string =>
    text
      .normalize('NFKC')
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC')
      .toLowerCase();
  const words = wordsOf(folded);
  test.each([
    '“We’re not going,” Putin’s aide said — and the Kremlin’s ‘tit–for–tat’ reply came.',
    'PUTIN’S\u00A0ADVISER’s ‘s’ ’s’ “A”—B–C ’S',
    'No typography at all here.',
    '’’’ “” —– \u00A0',
  ])('%j folds as the general fold does', (text) => {
    expect(normalizeText(text)).toBe(folded(text));
    expect(foldedWords(text)).toEqual(words(text));
    // The same text with a character only the general fold changes.
    expect(foldedWords(`${text} é`).slice(0, -1)).toEqual(words(text));
  });
});
