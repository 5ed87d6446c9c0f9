// Tokens with character offsets into the original text. Numbers, names and dates are kept as
// their own kinds (with normalized forms) because they carry the facts that later stages
// compare, even where fingerprints leave them out.
import { isAsciiLetter, normalizeText } from './normalize.ts';
import { CONTENT_STOPWORDS } from './stopwords.ts';

export type TokenKind = 'word' | 'number' | 'name' | 'date';

export interface Token {
  /** The token as written, `text.slice(start, end)`. */
  text: string;
  /**
   * Comparable form. word: folded word; number: canonical decimal ("60", "2.5", "41");
   * name: folded words without titles ("vladimir v putin"); date: "YYYY-MM-DD", "YYYY-MM",
   * "MM-DD" (no year given), "YYYY" or a weekday ("monday").
   */
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Numeric value of a number token (percent signs and ordinal suffixes dropped). */
  value?: number;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6,
  jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9,
  trillion: 1e12, dozen: 12,
};
const SCALE_WORDS: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Titles dropped from a name's comparable form: "Mr. Putin" and "President Putin" are "putin". */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'president', 'prime', 'minister',
  'secretary', 'senator', 'governor', 'sir', 'lord', 'lady', 'king', 'queen', 'pope', 'judge',
  'justice', 'chancellor', 'mayor', 'ambassador', 'general', 'rev', 'st', 'vice',
]);

/** A month name followed by an optional day and year: "March 20", "Nov. 11, 2017", "April 2018". */
const MONTH_DATE = /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+((?:1[6-9]|20)\d\d)\b)?/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+((?:1[6-9]|20)\d\d)\b)?/;
const ISO_DATE = /^((?:1[6-9]|20)\d\d)-(\d\d)-(\d\d)\b/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/((?:19|20)?\d\d)\b/;
const NUMBER = /^\d+(?:[,.]\d+)*(?:%|st|nd|rd|th|s)?(?![\p{L}\d])/u;
/**
 * Digits with letters attached ("4.1bn", "2,300m", "40C", "9mm"): all the digits are the number,
 * never just those before the decimal point, and a scale written as a suffix multiplies it.
 */
const NUMBER_WITH_SUFFIX = /^(\d+(?:[,.]\d+)*)(\p{L}+)/u;
/** Scale suffixes of news copy. "m" and "k" are millions and thousands only after a currency sign ("$2.5m"; "a 5m wall" is metres). */
const SCALE_SUFFIXES: Record<string, number> = { bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12, m: 1e6, mn: 1e6, k: 1e3 };
const CURRENCY_SCALES = new Set(['m', 'mn', 'k', 'b']);
const WORD = /^[\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{M}\d]+)*/u;
const INITIAL = /^\p{Lu}\.(?:\p{Lu}\.)*/u;
/**
 * WORD and INITIAL anchored at a position of the whole text (sticky), so that a word is read
 * without first copying the LOOK_AHEAD characters after it. Neither pattern looks past its match,
 * so a match no longer than LOOK_AHEAD is the one the copy would give, and no match here means
 * none there; a longer one is read again from the copy (wordAt).
 */
const WORD_AT = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{M}\d]+)*/uy;
const INITIAL_AT = /\p{Lu}\.(?:\p{Lu}\.)*/uy;
/** How far a token is read ahead of its start: tokens are cut there. */
const LOOK_AHEAD = 64;
/** The three letters every month pattern of MONTH_DATE starts with. */
const MONTH_STARTS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function dateNorm(year: string | undefined, month: number, day: string | undefined): string {
  if (year && day) return `${year}-${pad(month)}-${pad(Number(day))}`;
  if (year) return `${year}-${pad(month)}`;
  if (day) return `${pad(month)}-${pad(Number(day))}`;
  return pad(month);
}

function parseNumber(raw: string): number {
  const digits = raw.replace(/(%|st|nd|rd|th|s)$/, '');
  // "1,000" and "1.000" both as thousands separators when followed by exactly three digits.
  const unified = /^\d{1,3}([,.]\d{3})+$/.test(digits) && !/^\d+\.\d{3}$/.test(digits) ? digits.replace(/[,.]/g, '') : digits.replace(/,/g, '');
  return Number(unified);
}

function isCapitalized(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/** True at the first word of a sentence or line (where capitals say nothing about names). */
function atSentenceStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (/["'“‘([\s•—–-]/.test(ch)) {
      if (ch === '\n') return true;
      continue;
    }
    return /[.!?:]/.test(ch);
  }
  return true;
}

interface RawToken {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  norm: string;
  value?: number;
}

/** Whether a character code is an ASCII digit or the capital a month starts with (J, F, M, A, S, O, N, D). */
function mayStartDate(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x4a || code === 0x46 || code === 0x4d || code === 0x41 || code === 0x53 || code === 0x4f || code === 0x4e || code === 0x44;
}

function readDate(text: string, pos: number): RawToken | null {
  // Dates start with a digit or a month's capital; skip the regexes for every other word.
  if (!mayStartDate(text.charCodeAt(pos))) return null;
  // Without a digit only MONTH_DATE can match, and only at a month's first three letters.
  const digit = text.charCodeAt(pos) <= 57;
  if (!digit && !MONTH_STARTS.some((month) => text.startsWith(month, pos))) return null;
  const rest = text.slice(pos, pos + 40);
  let m = ISO_DATE.exec(rest);
  if (m) return { text: m[0], start: pos, end: pos + m[0].length, kind: 'date', norm: m[0] };
  m = SLASH_DATE.exec(rest);
  if (m) {
    const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
    return { text: m[0], start: pos, end: pos + m[0].length, kind: 'date', norm: `${year}-${pad(Number(m[1]))}-${pad(Number(m[2]))}` };
  }
  m = DAY_MONTH.exec(rest);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()]!;
    return { text: m[0], start: pos, end: pos + m[0].length, kind: 'date', norm: dateNorm(m[3], month, m[1]) };
  }
  m = MONTH_DATE.exec(rest);
  if (m) {
    const name = m[1]!.replace('.', '').toLowerCase();
    // "May" and "March" alone are too often a verb or a walk; they count with a day or a year.
    if ((name === 'may' || name === 'march') && !m[2] && !m[3]) return null;
    const month = MONTHS[name]!;
    return { text: m[0], start: pos, end: pos + m[0].length, kind: 'date', norm: dateNorm(m[3], month, m[2]) };
  }
  return null;
}

const TOKEN_START = /[\p{L}\p{N}]/gu;

/** Folds one word; plain ASCII words (most of them) skip the Unicode passes. */
function foldWord(word: string): string {
  return /^[A-Za-z]+$/.test(word) ? word.toLowerCase() : normalizeText(word);
}

/** The match of `sticky` at `pos`, as `anchored` would give it on the LOOK_AHEAD characters from `pos`. */
function matchAt(text: string, pos: number, sticky: RegExp, anchored: RegExp): string | null {
  sticky.lastIndex = pos;
  const m = sticky.exec(text);
  if (m === null) return null;
  if (m[0].length <= LOOK_AHEAD) return m[0];
  const cut = anchored.exec(text.slice(pos, pos + LOOK_AHEAD));
  return cut === null ? null : cut[0];
}

/**
 * Where the next token starts at or after `pos` (TOKEN_START), or -1. News copy is mostly ASCII,
 * where a letter or digit is told by its code; the pattern reads on from the first other character.
 */
function tokenStart(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      TOKEN_START.lastIndex = i;
      const next = TOKEN_START.exec(text);
      return next === null ? -1 : next.index;
    }
    if (isAsciiLetter(code) || (code >= 0x30 && code <= 0x39)) return i;
  }
  return -1;
}

/**
 * The end of the word at `pos` when it is ASCII letters only, followed by the text's end or by
 * an ASCII character WORD cannot go on with (not a letter, an apostrophe or a hyphen), and no
 * longer than LOOK_AHEAD: then WORD matches exactly those letters, and foldWord lower-cases them.
 * Otherwise -1, and the patterns read the word.
 */
function asciiWordEnd(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  if (end === pos || end - pos > LOOK_AHEAD) return -1;
  if (end === text.length) return end;
  const next = text.charCodeAt(end);
  return next < 0x80 && next !== 0x27 && next !== 0x2d ? end : -1;
}

function scanRaw(text: string): RawToken[] {
  const out: RawToken[] = [];
  let pos = 0;
  while (pos < text.length) {
    pos = tokenStart(text, pos);
    if (pos === -1) break;
    const ch = text[pos]!;
    const date = readDate(text, pos);
    if (date) {
      out.push(date);
      pos = date.end;
      continue;
    }
    // Both number patterns start with a digit: most tokens, words, skip them (and the copy
    // of the characters ahead that NUMBER's look-ahead needs cut where a token is cut).
    const digit = ch >= '0' && ch <= '9';
    const rest = digit ? text.slice(pos, pos + LOOK_AHEAD) : '';
    const suffixed = digit ? NUMBER_WITH_SUFFIX.exec(rest) : null;
    // Ordinals and decades ("1st", "1990s") are NUMBER's.
    if (suffixed && !/^(?:st|nd|rd|th|s)$/.test(suffixed[2]!)) {
      const [, digits, suffix] = suffixed as unknown as [string, string, string];
      const scale = SCALE_SUFFIXES[suffix.toLowerCase()];
      const afterCurrency = pos > 0 && '$€£'.includes(text[pos - 1]!);
      const scaled = scale !== undefined && (afterCurrency || !CURRENCY_SCALES.has(suffix.toLowerCase()));
      // A scaled amount is a whole number of units: 4.1 × 10^9 exactly, not 4099999999.9999995.
      const value = scaled ? Math.round(parseNumber(digits) * scale) : parseNumber(digits);
      const end = pos + (scaled ? suffixed[0].length : digits.length);
      out.push({ text: text.slice(pos, end), start: pos, end, kind: 'number', norm: String(value), value });
      pos = end;
      continue;
    }
    const num = digit ? NUMBER.exec(rest) : null;
    if (num) {
      const value = parseNumber(num[0]);
      const isYear = /^(1[6-9]|20)\d\d$/.test(num[0]);
      out.push({ text: num[0], start: pos, end: pos + num[0].length, kind: isYear ? 'date' : 'number', norm: isYear ? num[0] : String(value), value });
      pos += num[0].length;
      continue;
    }
    // INITIAL needs a full stop right after a capital: after an ASCII one, the next character.
    const initial = digit || (ch < '\u0080' && text[pos + 1] !== '.') ? null : matchAt(text, pos, INITIAL_AT, INITIAL);
    if (initial && initial.length >= 2) {
      // "U.S.", "V.": keep the dots so the initial can join a name.
      out.push({ text: initial, start: pos, end: pos + initial.length, kind: 'word', norm: normalizeText(initial).replace(/\./g, '') });
      pos += initial.length;
      continue;
    }
    const asciiEnd = digit ? -1 : asciiWordEnd(text, pos);
    if (asciiEnd !== -1) {
      const word = text.slice(pos, asciiEnd);
      out.push({ text: word, start: pos, end: asciiEnd, kind: 'word', norm: word.toLowerCase() });
      pos = asciiEnd;
      continue;
    }
    const w = (digit ? null : matchAt(text, pos, WORD_AT, WORD)) ?? ch;
    const folded = foldWord(w);
    // Only a word with an apostrophe has a possessive to drop or an apostrophe to unify.
    const norm = folded.includes("'") || folded.includes('’') ? folded.replace(/['’]s$/, '').replace(/['’]/g, "'") : folded;
    out.push({ text: w, start: pos, end: pos + w.length, kind: 'word', norm });
    pos += w.length;
  }
  return out;
}

/** Merges "sixty", "forty-one", "two million" into number tokens. */
const NUMBER_WORD_VALUES = new Map(Object.entries(NUMBER_WORDS));

function numberWordValue(norm: string): number | undefined {
  const value = NUMBER_WORD_VALUES.get(norm);
  if (value !== undefined || !norm.includes('-')) return value;
  const parts = norm.split('-');
  const tens = NUMBER_WORD_VALUES.get(parts[0]!);
  const ones = NUMBER_WORD_VALUES.get(parts[1]!);
  return parts.length === 2 && tens !== undefined && ones !== undefined ? tens + ones : undefined;
}

/**
 * Splits text into tokens with offsets. Consecutive capitalized words (and initials, "Mr.") that
 * are not at a sentence start, or are at one but followed by another capitalized word, form one
 * name token; month/day/year runs, ISO and slashed dates form date tokens; digits and number
 * words form number tokens ("60", "2.5%", "forty-one", "2 million").
 */
export function tokenize(text: string): Token[] {
  const raw = scanRaw(text);
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (t.kind === 'date') {
      out.push({ text: t.text, norm: t.norm, start: t.start, end: t.end, kind: 'date' });
      continue;
    }
    if (t.kind === 'number') {
      let value = t.value!;
      let end = t.end;
      const next = raw[i + 1];
      if (next && next.kind === 'word' && Object.hasOwn(SCALE_WORDS, next.norm) && /^\s+$/.test(text.slice(t.end, next.start))) {
        value = Math.round(value * SCALE_WORDS[next.norm]!);
        end = next.end;
        i++;
      }
      out.push({ text: text.slice(t.start, end), norm: String(value), start: t.start, end, kind: 'number', value });
      continue;
    }
    const wordValue = numberWordValue(t.norm);
    if (wordValue !== undefined) {
      out.push({ text: t.text, norm: String(wordValue), start: t.start, end: t.end, kind: 'number', value: wordValue });
      continue;
    }
    if (WEEKDAYS.has(t.norm)) {
      out.push({ text: t.text, norm: t.norm, start: t.start, end: t.end, kind: 'date' });
      continue;
    }
    if (isCapitalized(t.text)) {
      // Gather a run of capitalized words and initials separated only by spaces (or "Mr. ").
      let j = i;
      while (j + 1 < raw.length) {
        const next = raw[j + 1]!;
        const gap = text.slice(raw[j]!.end, next.start);
        if (next.kind !== 'word' || !isCapitalized(next.text) || !/^\.?\s$|^\.? $/.test(gap)) break;
        if (gap.startsWith('.') && !TITLES.has(raw[j]!.norm)) break;
        j++;
      }
      const words = raw.slice(i, j + 1);
      const sentenceStart = atSentenceStart(text, t.start);
      const first = words[0]!;
      // A function word opening the run is a word; the run is reconsidered from the next word
      // ("The White House" gives "The" and the name "White House").
      if (words.length > 1 && CONTENT_STOPWORDS.has(first.norm) && !TITLES.has(first.norm)) {
        out.push({ text: first.text, norm: first.norm, start: first.start, end: first.end, kind: 'word' });
        continue;
      }
      const single = words.length === 1;
      if (single && (sentenceStart || CONTENT_STOPWORDS.has(first.norm) || (/^[\p{Lu}\d\W]+$/u.test(first.text) && first.text.length > 5))) {
        out.push({ text: t.text, norm: t.norm, start: t.start, end: t.end, kind: 'word' });
        continue;
      }
      const last = words[words.length - 1]!;
      const nameWords = words.map((w) => w.norm.replace(/\./g, '')).filter((w) => !TITLES.has(w));
      if (nameWords.length === 0) {
        out.push({ text: t.text, norm: t.norm, start: t.start, end: t.end, kind: 'word' });
        continue;
      }
      out.push({ text: text.slice(first.start, last.end), norm: nameWords.join(' '), start: first.start, end: last.end, kind: 'name' });
      i = j;
      continue;
    }
    out.push({ text: t.text, norm: t.norm, start: t.start, end: t.end, kind: 'word' });
  }
  return out;
}
