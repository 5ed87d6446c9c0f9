// Word senses from WordNet (lib/facts/generated/wordnet-senses.ts, built by
// scripts/build-wordnet-senses.ts): paraphrases that share no word ("bought"/"purchased",
// "proposal"/"suggested") share a sense.
import { WORDNET_SENSES } from './generated/wordnet-senses.ts';

/** Synset ids of a stemmed term's frequent senses and their derivational relatives, ascending. */
export type TermSenses = Int32Array;

const decoded = new Map<string, TermSenses>();
/**
 * Stems WordNet lacks (names, rare words), asked for again by each sentence holding them: the
 * binary search is skipped the next time. Bounded: the most recent first out.
 */
const unknown = new Set<string>();
const UNKNOWN_KEPT = 8192;

/** Value of a base-36 digit's character code (0-9, a-z: how the generator writes them). */
function digit36(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

// Read in place, character by character: a warm page meets a few new stems per sentence, and a
// copy, a split and a parse per difference were most of each one's cost.
function decode(start: number): TermSenses {
  let end = WORDNET_SENSES.indexOf(';', start);
  if (end === -1) end = WORDNET_SENSES.length;
  let count = 1;
  for (let i = start; i < end; i++) if (WORDNET_SENSES.charCodeAt(i) === 44) count++;
  const ids = new Int32Array(count);
  let id = 0;
  let delta = 0;
  let k = 0;
  for (let i = start; i <= end; i++) {
    const code = i < end ? WORDNET_SENSES.charCodeAt(i) : 44;
    if (code !== 44) {
      delta = delta * 36 + digit36(code);
      continue;
    }
    // The first number is an id, the others differences from the one before.
    id = k === 0 ? delta : id + delta;
    ids[k++] = id;
    delta = 0;
  }
  return ids;
}

/**
 * Where the stem's list of senses starts in WORDNET_SENSES, or undefined when WordNet has none.
 * The generator writes stems in ascending order (scripts/build-wordnet-senses.ts), so the entry is
 * found by binary search over the table itself: nothing is indexed. A map of its 11,000 stems,
 * made on first use, was 10-15 ms of a cold start's first analysis; decoding every list, before
 * that, most of its 60-90 ms. A page asks for a few hundred stems.
 */
function senseStart(term: string): number | undefined {
  // lo is the start of an entry; every entry before it holds a smaller stem, every entry from hi on a larger one.
  let lo = 0;
  let hi = WORDNET_SENSES.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = WORDNET_SENSES.lastIndexOf(';', mid - 1) + 1;
    const space = WORDNET_SENSES.indexOf(' ', start);
    const stem = WORDNET_SENSES.slice(start, space);
    if (stem === term) return space + 1;
    if (stem < term) {
      const end = WORDNET_SENSES.indexOf(';', space);
      lo = end === -1 ? WORDNET_SENSES.length : end + 1;
    } else hi = start;
  }
  return undefined;
}

/** Senses of a stemmed content term (lib/text `stemWord`); undefined when WordNet has none. */
export function termSenses(term: string): TermSenses | undefined {
  let senses = decoded.get(term);
  if (senses) return senses;
  // Only stems WordNet has are kept (at most its 11,000), not every term a page asks about.
  if (unknown.has(term)) return undefined;
  const start = senseStart(term);
  if (start === undefined) {
    if (unknown.size >= UNKNOWN_KEPT) unknown.delete(unknown.values().next().value!);
    unknown.add(term);
    return undefined;
  }
  decoded.set(term, (senses = decode(start)));
  return senses;
}

/** The two terms share a sense: synonyms, or derived from synonyms ("proposal"/"suggested"). */
export function sharesSense(a: TermSenses, b: TermSenses): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else return true;
  }
  return false;
}
