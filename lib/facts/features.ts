// What the sentence matcher looks at in one sentence, extracted once and reused for every
// comparison the sentence takes part in.
import { foldedWords, stemWord, tokenize, type Token } from '../text/index.ts';
import { extractNames, type NameMention } from './names.ts';
import { extractQuantities, type Quantity } from './quantities.ts';
import { termSenses, type TermSenses } from './senses.ts';
import { senseOwners, type SenseOwners } from './sense-owners.ts';
import { sentenceModel, type MeaningVector } from '../meaning/index.ts';
import { intern, trigramVector, wordStem } from './word-table.ts';

export interface SentenceFeatures {
  text: string;
  /** Distinct stemmed content words, name parts included (the IDF vocabulary). */
  terms: string[];
  /** WordNet senses of each of `terms` (undefined for names and words WordNet lacks). */
  senses: (TermSenses | undefined)[];
  /** Sense id -> indices in `terms` of the terms having it: synonyms found by lookup, not by pairs. */
  senseOwners: SenseOwners;
  /** Stems of name parts, a subset of `terms`: these may match spelled differently. */
  nameTerms: Set<string>;
  /** All folded words in order, stopwords kept: word order and verbatim reuse. */
  words: string[];
  names: NameMention[];
  quantities: Quantity[];
  /** Quotations of at least QUOTE_MIN_WORDS words, as folded words joined by spaces. */
  quotes: string[];
  /** Precomputed for comparisons: `terms` as a set, word pairs, character trigram counts. */
  termSet: Set<string>;
  /** Word pairs as numbers (two word ids). */
  bigrams: Set<number>;
  /** Ids of `words` (one id per distinct word across all sentences): fast verbatim runs. */
  wordIds: Int32Array;
  /** Character trigrams as small integers, ascending, with their counts; and the vector's norm. */
  trigramIds: Int32Array;
  trigramCounts: Float64Array;
  trigramNorm: number;
  /** `words` joined by single spaces, padded with a space on both sides. */
  line: string;
  /** The sentence model's vector (lib/meaning): meaning shared in other words. */
  meaning: MeaningVector;
}

/** A quotation this long that two sentences share verbatim is strong evidence of one fact. */
export const QUOTE_MIN_WORDS = 4;

const QUOTATION = /[“"]([^”"]{8,}?)[”"]/g;

function quotations(text: string): string[] {
  const found: string[] = [];
  // Most sentences quote nobody: they are spared the pattern's iterator and its copy of the pattern.
  if (!text.includes('"') && !text.includes('“')) return found;
  for (const m of text.matchAll(QUOTATION)) {
    const words = foldedWords(m[1]!);
    if (words.length >= QUOTE_MIN_WORDS) found.push(words.join(' '));
  }
  return found;
}

/**
 * A pair of word ids (word-table.ts) as a small integer, which V8 keeps unboxed: exact for ids
 * below 2^15, hashed into 30 bits beyond, where a rare collision only nudges a similarity.
 */
function pairKey(a: number, b: number): number {
  if (a >= 0 && b >= 0 && a < 1 << 15 && b < 1 << 15) return (a << 15) | b;
  return (Math.imul(a, 0x9e3779b1) ^ b) & 0x3fffffff;
}

/**
 * What lib/text and the extractors read of a sentence that the matcher and the framing labels
 * both need (lib/framing/labels.ts reads a compared sentence again): tokens, and names and
 * quantities when first asked for. Never changed once made; shared by every reader.
 */
interface SentenceReading {
  tokens: Token[];
  names?: NameMention[];
  quantities?: Quantity[];
}

const readings = new Map<string, SentenceReading>();
const READINGS_KEPT = 4096;

/** The reading of a sentence, remembered for the most recent sentences. */
function readingOf(text: string): SentenceReading {
  let reading = readings.get(text);
  if (reading === undefined) {
    reading = { tokens: tokenize(text) };
    if (readings.size >= READINGS_KEPT) readings.delete(readings.keys().next().value!);
    readings.set(text, reading);
  }
  return reading;
}

/** lib/text tokens of a sentence (remembered: the matcher, the role check and the framing labels read the same sentences). */
export function sentenceTokens(text: string): Token[] {
  return readingOf(text).tokens;
}

/** The names of a sentence (extractNames over its tokens), remembered with them. */
export function sentenceNames(text: string): NameMention[] {
  const reading = readingOf(text);
  reading.names ??= extractNames(text, reading.tokens);
  return reading.names;
}

/** The numbers and dates of a sentence (extractQuantities over its tokens), remembered with them. */
export function sentenceQuantities(text: string): Quantity[] {
  const reading = readingOf(text);
  reading.quantities ??= extractQuantities(text, reading.tokens);
  return reading.quantities;
}

/**
 * Everything the matcher compares of one sentence. `meaning` is the sentence's vector when it
 * was computed already (a corpus artifact stores one for every sentence); otherwise the model
 * computes it here.
 */
export function sentenceFeatures(text: string, meaning?: MeaningVector): SentenceFeatures {
  const names = sentenceNames(text);
  const words = foldedWords(text);
  const wordIds = new Int32Array(words.length);
  const bigrams = new Set<number>();
  const terms = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const id = intern(words[i]!);
    wordIds[i] = id;
    if (i > 0) bigrams.add(pairKey(wordIds[i - 1]!, id));
    const stem = wordStem(words[i]!, id);
    if (stem !== null) terms.add(stem);
  }
  const nameTerms = new Set<string>();
  for (const name of names) for (const part of name.parts) if (part.length > 1) nameTerms.add(stemWord(part));
  for (const term of nameTerms) terms.add(term);
  const line = ` ${words.join(' ')} `;
  const trigrams = trigramVector(words, wordIds);
  const termList = [...terms];
  const senses = termList.map((t) => (nameTerms.has(t) ? undefined : termSenses(t)));
  return {
    text,
    terms: termList,
    senses,
    senseOwners: senseOwners(senses),
    nameTerms,
    words,
    names,
    quantities: sentenceQuantities(text),
    quotes: quotations(text),
    termSet: terms,
    bigrams,
    wordIds,
    trigramIds: trigrams.ids,
    trigramCounts: trigrams.counts,
    trigramNorm: trigrams.norm,
    line,
    meaning: meaning ?? sentenceModel().encode(text),
  };
}
