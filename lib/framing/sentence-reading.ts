// What the framing labels read of one sentence, read once: a sentence is usually compared with
// several others (a page's sentence with its passages in several sources, a wire sentence with
// the page sentences it matches), and only the comparison itself depends on both.
import { foldedWords, stemWord } from '../text/normalize.ts';
import type { NameMention } from '../facts/names.ts';
import type { Quantity } from '../facts/quantities.ts';
import { sentenceNames, sentenceQuantities } from '../facts/features.ts';
import { findAttributions, quotedRanges, type Attribution } from './attribution.ts';
import { BOOSTERS, HEDGES } from './lexicon.ts';

/** A word of a sentence and where it is. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** A hedge or booster as written, and where. */
export interface Phrase {
  text: string;
  key: string;
  start: number;
  end: number;
}

export interface SentenceReading {
  attributions: Attribution[];
  quantities: Quantity[];
  names: NameMention[];
  hedges: Phrase[];
  boosters: Phrase[];
  /** Stems of every word: what a rival version's word is looked up in. */
  readonly stems: Set<string>;
  /** Folded words in order. */
  readonly folded: string[];
  /** Stretches between quotation marks (quotedRanges). */
  quoted: [number, number][];
  /** Every word in order, as `wordsIn` reads the whole sentence. */
  words: Word[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const HEDGE_RE = new RegExp(String.raw`\b(?:${[...HEDGES].sort((a, b) => b.length - a.length).map(escape).join('|')})\b`, 'giu');
const BOOSTER_RE = new RegExp(String.raw`\b(?:${[...BOOSTERS].sort((a, b) => b.length - a.length).map(escape).join('|')})\b`, 'giu');

/**
 * A reading whose folded words and stems are made when first asked: only a pair with a word loaded
 * otherwise (label-loaded.ts looks it up in the rival's stems) or a speaker described, not named
 * ("a Kremlin aide": label-attribution.ts looks for the description's words in the rival's folded
 * words) reads them, and most sentences read are in neither.
 */
class Reading implements SentenceReading {
  private foldedKept: string[] | undefined;
  private stemsKept: Set<string> | undefined;
  constructor(
    private readonly text: string,
    readonly attributions: Attribution[],
    readonly quantities: Quantity[],
    readonly names: NameMention[],
    readonly hedges: Phrase[],
    readonly boosters: Phrase[],
    readonly quoted: [number, number][],
    readonly words: Word[],
  ) {}
  get folded(): string[] {
    return (this.foldedKept ??= foldedWords(this.text));
  }
  get stems(): Set<string> {
    return (this.stemsKept ??= new Set(this.folded.map(stemWord)));
  }
}

const readings = new Map<string, SentenceReading>();
const READINGS_KEPT = 2048;

/** The reading of a sentence, remembered for the most recent sentences; never changed once made. */
export function readSentence(text: string): SentenceReading {
  let reading = readings.get(text);
  if (reading !== undefined) return reading;
  // Names and quantities as the matcher read them when it compared the sentence (lib/facts/features.ts).
  const names = sentenceNames(text);
  const quoted = quotedRanges(text);
  reading = new Reading(
    text,
    findAttributions(text, names, quoted),
    sentenceQuantities(text),
    names,
    phrases(text, HEDGE_RE),
    phrases(text, BOOSTER_RE),
    quoted,
    wordsIn(text, 0, text.length),
  );
  if (readings.size >= READINGS_KEPT) readings.delete(readings.keys().next().value!);
  readings.set(text, reading);
  return reading;
}

function phrases(text: string, re: RegExp): Phrase[] {
  return [...text.matchAll(re)].map((m) => ({ text: m[0], key: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

const WORD = /\p{L}[\p{L}'’-]*/gu;

/** The words of `text.slice(start, end)`, with their places in `text`. */
export function wordsIn(text: string, start: number, end: number): Word[] {
  return [...text.slice(start, end).matchAll(WORD)].map((m) => ({
    text: m[0],
    start: start + m.index,
    end: start + m.index + m[0].length,
  }));
}

/**
 * Visits the words `wordsIn(text, start, end)` reads, from the sentence's words: those within
 * the stretch as they are, with their index (so that what is judged of a word can be kept), and
 * a word the stretch cuts read again from its part inside, with index -1. A word runs to the next
 * character that cannot continue one, so the stretch's own reading finds the same words, cut the
 * same way.
 */
export function eachWordBetween(text: string, reading: SentenceReading, start: number, end: number, visit: (word: Word, index: number) => void): void {
  const { words } = reading;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < words.length && words[k]!.start < end; k++) {
    const w = words[k]!;
    if (w.start >= start && w.end <= end) visit(w, k);
    else for (const cut of wordsIn(text, Math.max(w.start, start), Math.min(w.end, end))) visit(cut, -1);
  }
}

/** `wordsIn(text, start, end)`, from the sentence's words (eachWordBetween). */
export function wordsBetween(text: string, reading: SentenceReading, start: number, end: number): Word[] {
  const found: Word[] = [];
  eachWordBetween(text, reading, start, end, (w) => found.push(w));
  return found;
}
