// Sentence spans with character offsets into the original text. Intl.Segmenter finds the
// candidate boundaries; it ends sentences after abbreviations and initials ("Mr.", "Vladimir V.",
// "U.S.", "Kennebunkport, Me."), so those boundaries are undone here. Text without any sentence
// punctuation (machine-normalized pages) is cut into overlapping word windows instead.
import type { SentenceSpan } from '../result.ts';
import { SEED_STOPWORDS } from './stopwords.ts';

/** Titles and abbreviations after which a sentence does not end. Compared lower-cased, without the dot. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'rev', 'hon', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col',
  'lt', 'maj', 'capt', 'cmdr', 'sgt', 'cpl', 'adm', 'gov', 'sen', 'rep', 'reps', 'sens', 'pres',
  'supt', 'det', 'insp', 'amb', 'atty', 'messrs', 'mme', 'mlle', 'vol', 'vs', 'v',
  'inc', 'corp', 'co', 'ltd', 'bros', 'dept', 'univ', 'assn', 'approx', 'fig', 'op', 'cf',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'etc', 'al',
]);

/**
 * US state abbreviations in AP style; after "Place, Abbr." they never end a sentence.
 * ("Me." alone could be the pronoun, so these only count after a comma and a place name.)
 */
const STATE_ABBREVIATIONS = new Set([
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky',
  'la', 'md', 'mass', 'me', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore',
  'pa', 'tenn', 'vt', 'va', 'wash', 'wis', 'wyo',
]);

/** Words that usually open a sentence; after "U.S." one of these means the sentence did end. */
function opensSentence(word: string): boolean {
  const w = word.toLowerCase();
  return SEED_STOPWORDS.has(w) || ['but', 'and', 'yet', 'still', 'however', 'meanwhile', 'mr', 'mrs', 'ms'].includes(w);
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Words per window, and the step between window starts, for text without sentence boundaries. */
export const WINDOW_WORDS = 24;
export const WINDOW_STEP = 12;

/** A paragraph this long with no sentence punctuation at all is taken as unsegmented text. */
const UNSEGMENTED_MIN_WORDS = 40;

/** Decides whether the boundary after `before` (text up to the boundary) is a false one. */
function isFalseBoundary(before: string, after: string): boolean {
  const trimmed = before.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const next = /^\s*(["'“‘(]*)(\S*)/.exec(after);
  const nextWord = next?.[2] ?? '';
  // A lower-case or numeric continuation never starts a new sentence.
  if (/^[\p{Ll}\d]/u.test(nextWord)) return true;
  const lastWord = /(\S+)\.$/.exec(trimmed)?.[1] ?? '';
  const bare = lastWord.replace(/^["'“‘([]+/, '');
  // Initials: "Vladimir V." or "Sergei V." (a single capital letter).
  if (/^\p{Lu}$/u.test(bare)) return true;
  // Dotted acronyms: "U.S.", "U.K.", "R.S.V.P.": the sentence ends only if a typical opener follows.
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return !opensSentence(nextWord.replace(/[^\p{L}]/gu, ''));
  const lower = bare.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (STATE_ABBREVIATIONS.has(lower)) {
    // "Kennebunkport, Me.": a capitalized place and a comma before the abbreviation.
    const beforeAbbreviation = trimmed.slice(0, trimmed.length - lastWord.length - 1);
    return /\p{Lu}[\p{L}.'-]*,\s*$/u.test(beforeAbbreviation);
  }
  return false;
}

interface Range {
  start: number;
  end: number;
}

/** Trims whitespace and list bullets off a span. */
function trimSpan(text: string, start: number, end: number): Range | null {
  while (start < end && /[\s•·▪◦\u00A0*-]/.test(text[start]!) && !(text[start] === '-' && /\d/.test(text[start + 1] ?? ''))) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Each line of the text (a paragraph in the corpus format), as a character range. */
export function paragraphRanges(text: string): Range[] {
  // The runs between line breaks, found by indexOf: no match (and its copy of the line) per paragraph.
  const ranges: Range[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) ranges.push({ start, end });
    start = end + 1;
  }
  return ranges;
}

function wordWindows(text: string, para: Range): Range[] {
  const words: Range[] = [];
  const re = /\S+/g;
  const slice = text.slice(para.start, para.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    words.push({ start: para.start + m.index, end: para.start + m.index + m[0].length });
  }
  const windows: Range[] = [];
  for (let i = 0; i < words.length; i += WINDOW_STEP) {
    const last = Math.min(i + WINDOW_WORDS, words.length) - 1;
    windows.push({ start: words[i]!.start, end: words[last]!.end });
    if (last === words.length - 1) break;
  }
  return windows;
}

function isUnsegmented(paragraph: string): boolean {
  if (/[.!?;:]/.test(paragraph)) return false;
  return (paragraph.match(/\S+/g)?.length ?? 0) >= UNSEGMENTED_MIN_WORDS;
}

function paragraphSentences(text: string, para: Range): Range[] {
  const slice = text.slice(para.start, para.end);
  if (isUnsegmented(slice)) return wordWindows(text, para);
  const ranges: Range[] = [];
  let current: Range | null = null;
  for (const seg of sentenceSegmenter.segment(slice)) {
    const start = para.start + seg.index;
    const end = start + seg.segment.length;
    if (current && isFalseBoundary(text.slice(current.start, current.end), seg.segment)) {
      current.end = end;
    } else {
      if (current) ranges.push(current);
      current = { start, end };
    }
  }
  if (current) ranges.push(current);
  return ranges;
}

/**
 * Splits an article into sentences: one or more per line (paragraph), never across a line
 * break, with offsets into `text` and the text of each span trimmed of spaces and bullets.
 * Unsegmented text yields overlapping windows of WINDOW_WORDS words every WINDOW_STEP words.
 */
export function segmentSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const para of paragraphRanges(text)) {
    for (const r of paragraphSentences(text, para)) {
      const t = trimSpan(text, r.start, r.end);
      if (t && /[\p{L}\p{N}]/u.test(text.slice(t.start, t.end))) {
        spans.push({ index: spans.length, start: t.start, end: t.end, text: text.slice(t.start, t.end) });
      }
    }
  }
  return spans;
}
