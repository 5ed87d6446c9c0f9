// Words as integers, shared by all sentences so that features computed at any time compare, and
// what a sentence's features read of each word (its stem, its character trigrams), read once per
// word when it is first met rather than at every occurrence: a warm analysis featurizes a dozen
// new sentences a page, too few for V8 to optimize a loop over their characters, and most of
// their words were met before.
import { isContentWord, stemWord } from '../text/normalize.ts';

// The table stops growing at MAX_IDS (far above any corpus's vocabulary); past that, words get
// a negative hash id, which may rarely make two rare words look equal.
const ids = new Map<string, number>();
const MAX_IDS = 1 << 21;
/** Words whose stems and trigrams are kept (ids below this): a few megabytes at most. */
const FACTS_KEPT = 1 << 17;

/** Per id below FACTS_KEPT: the word's stem when it is a content word (isContentWord), else null. */
const stems: (string | null)[] = [];
/**
 * Per id below FACTS_KEPT: where the word's trigram keys start in `gramKeys`. A word of n
 * letters has n of them, those of the word with a space on each side (" wo", "wor", "ord", "rd ").
 */
const gramStart: number[] = [];
let gramKeys = new Int32Array(1 << 14);
let gramEnd = 0;

const SPACE = 32;

/**
 * A character trigram as a small integer: exact for characters below 2^10 (Latin scripts), hashed
 * into 30 bits beyond, where a rare collision only nudges a similarity. V8 keeps such keys unboxed.
 */
export function trigramKey(a: number, b: number, c: number): number {
  if (a < 1024 && b < 1024 && c < 1024) return (a << 20) | (b << 10) | c;
  return (Math.imul(Math.imul(a, 0x01000193) ^ b, 0x01000193) ^ c) & 0x3fffffff;
}

/** Writes the trigram keys of ` word ` into `into` from `at`. */
function writeWordGrams(word: string, into: Int32Array, at: number): void {
  let a = SPACE;
  let b = word.charCodeAt(0);
  for (let i = 1; i <= word.length; i++) {
    const c = i < word.length ? word.charCodeAt(i) : SPACE;
    into[at + i - 1] = trigramKey(a, b, c);
    a = b;
    b = c;
  }
}

function keepFacts(word: string): void {
  stems.push(isContentWord(word) ? stemWord(word) : null);
  if (gramEnd + word.length > gramKeys.length) {
    const grown = new Int32Array(Math.max(gramKeys.length * 2, gramEnd + word.length));
    grown.set(gramKeys.subarray(0, gramEnd));
    gramKeys = grown;
  }
  gramStart.push(gramEnd);
  writeWordGrams(word, gramKeys, gramEnd);
  gramEnd += word.length;
}

/** The id of a folded word (the same for the same word, from any sentence). */
export function intern(word: string): number {
  const id = ids.get(word);
  if (id !== undefined) return id;
  if (ids.size < MAX_IDS) {
    const next = ids.size;
    ids.set(word, next);
    if (next < FACTS_KEPT) keepFacts(word);
    return next;
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return -1 - (hash >>> 11);
}

/** The stem of a content word, null for another word (`id` is `intern(word)`). */
export function wordStem(word: string, id: number): string | null {
  if (id >= 0 && id < FACTS_KEPT) return stems[id]!;
  return isContentWord(word) ? stemWord(word) : null;
}

/**
 * The character trigrams of `words` joined by single spaces with a space on each side, ascending,
 * with their counts and the vector's norm (`ids` are the words' `intern` ids). Each word's keys
 * come from the table; only the trigram across each space between two words is made here.
 */
export function trigramVector(words: readonly string[], ids: Int32Array): { ids: Int32Array; counts: Float64Array; norm: number } {
  let letters = 0;
  for (const word of words) letters += word.length;
  const grams = new Int32Array(words.length === 0 ? 0 : letters + words.length - 1);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (i > 0) {
      const before = words[i - 1]!;
      grams[at++] = trigramKey(before.charCodeAt(before.length - 1), SPACE, word.charCodeAt(0));
    }
    const id = ids[i]!;
    if (id >= 0 && id < FACTS_KEPT) grams.set(gramKeys.subarray(gramStart[id]!, gramStart[id]! + word.length), at);
    else writeWordGrams(word, grams, at);
    at += word.length;
  }
  grams.sort();
  // Distinct keys move to the front of `grams`, their counts to the front of `counts`.
  const counts = new Float64Array(grams.length);
  let k = -1;
  for (let i = 0; i < grams.length; i++) {
    if (k === -1 || grams[i] !== grams[k]) grams[++k] = grams[i]!;
    counts[k]!++;
  }
  let norm = 0;
  for (let i = 0; i <= k; i++) norm += counts[i]! * counts[i]!;
  return { ids: grams.slice(0, k + 1), counts: counts.slice(0, k + 1), norm: Math.sqrt(norm) };
}
