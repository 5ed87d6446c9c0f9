// Text folding shared by every stage, so that "Putin’s", "Putin's" and "PUTIN'S" and
// "Café"/"cafe" compare equal, and so that the machine-normalized seed (000) can be reproduced
// from its readable version (001).
import { stemmer } from 'stemmer';
import { CONTENT_STOPWORDS, SEED_STOPWORDS } from './stopwords.ts';

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const COMBINING_MARKS = /\p{M}+/gu;

/** Text normalizeText only lower-cases. */
const PLAIN_ASCII = /^[\t\n\r -~]*$/;
/**
 * ASCII with the typography of news copy: curly quotes, en and em dashes, no-break spaces. None
 * of these has a compatibility form, a diacritic or a case, so folding them is replacing them.
 */
const TYPESET_ASCII = /^[\t\n\r -~\u00A0\u2013\u2014\u2018\u2019\u201C\u201D]*$/;
const TYPESET_SINGLE_QUOTES = /[\u2018\u2019]/g;

/** normalizeText of TYPESET_ASCII text: what NFKC and the quote and dash folds make of it. */
function foldTypeset(text: string): string {
  return text.replace(TYPESET_SINGLE_QUOTES, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\u00A0/g, ' ').toLowerCase();
}

/** Whether a character code is an ASCII letter (A-Z, a-z). */
export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Folds Unicode compatibility forms (NFKC), typographic quotes and dashes, diacritics and case.
 * Keeps punctuation, digits and spacing otherwise, so word boundaries survive.
 */
export function normalizeText(text: string): string {
  // Plain ASCII has nothing to fold but case.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  if (TYPESET_ASCII.test(text)) return foldTypeset(text);
  return text
    .normalize('NFKC')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC')
    .toLowerCase();
}

/** Whether a character code is a regular expression word character (\w: A-Z, a-z, 0-9, _). */
function isWordCode(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/**
 * foldedWords of TYPESET_ASCII text, in one pass over its lower case: the words are its runs of
 * a-z, and a possessive 's (after any apostrophe, straight or curly) before a non-word
 * character or the end is no word. Every sentence of a page and of its sources is folded, some
 * of them by several stages: the chain of replacements and a split it replaces made a string
 * or an array at each step.
 */
function typesetWords(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) {
      if (start === -1) start = i;
      continue;
    }
    if (start !== -1) {
      words.push(lower.slice(start, i));
      start = -1;
    }
    // charCodeAt past the end is NaN: no word character, as the end is a word boundary.
    if ((code === 0x27 || code === 0x2018 || code === 0x2019) && lower.charCodeAt(i + 1) === 0x73 && !isWordCode(lower.charCodeAt(i + 2))) i++;
  }
  if (start !== -1) words.push(lower.slice(start));
  return words;
}

/**
 * The letter-only words of a text after folding: possessive 's dropped, digits and punctuation
 * (including apostrophes and hyphens inside words) turned into word breaks, as the seed
 * corpus's normalizer does ("tit-for-tat" gives tit, for, tat; "won't" gives won, t).
 */
export function foldedWords(text: string): string[] {
  // Plain ASCII, and ASCII with news typography once its apostrophes are straight, folds to lower
  // case alone (normalizeText): its only letters are then a-z, and its other typography only
  // separates words, as its folded forms would. Splitting at anything but a-z gives the same
  // words, several times faster than \p{L}.
  if (TYPESET_ASCII.test(text)) return typesetWords(text);
  return normalizeText(text)
    .replace(/'s\b/g, '')
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

/**
 * Reproduces the machine-normalized form of the seed corpus: lower-cased, punctuation, digits
 * and NLTK English stopwords removed, possessive 's dropped, words joined by single spaces.
 */
export function normalizeLikeSeed(text: string): string {
  return foldedWords(text)
    .filter((w) => !SEED_STOPWORDS.has(w))
    .join(' ');
}

/** A folded word term weighting counts: not a single letter, not a stopword. */
export function isContentWord(w: string): boolean {
  return w.length > 1 && !CONTENT_STOPWORDS.has(w);
}

/** Folded words that carry topic: no stopwords, no single letters. */
export function contentWords(text: string): string[] {
  return foldedWords(text).filter(isContentWord);
}

const stemCache = new Map<string, string>();

/** Porter stem of a folded word, cached: term statistics compare stems ("talks" = "talk"). */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** Stemmed content words: the terms that term weighting (BM25/IDF) counts. */
export function contentTerms(text: string): string[] {
  // contentWords(text).map(stemWord) in one pass: each sentence's terms are read this way.
  const terms: string[] = [];
  for (const w of foldedWords(text)) if (isContentWord(w)) terms.push(stemWord(w));
  return terms;
}
