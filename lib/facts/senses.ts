// Word senses from WordNet (lib/facts/generated/wordnet-senses.ts, built by
// scripts/build-wordnet-senses.ts): paraphrases that share no word ("bought"/"purchased",
// "proposal"/"suggested") share a sense.
import { WORDNET_SENSES } from './generated/wordnet-senses.ts';

/** Synset ids of a stemmed term's frequent senses and their derivational relatives, ascending. */
export type TermSenses = Int32Array;

/** Where each stem's list of senses starts in WORDNET_SENSES; lists are decoded when first asked for. */
let starts: Map<string, number> | undefined;
const decoded = new Map<string, TermSenses>();

function decode(start: number): TermSenses {
  let end = WORDNET_SENSES.indexOf(';', start);
  if (end === -1) end = WORDNET_SENSES.length;
  const deltas = WORDNET_SENSES.slice(start, end).split(',');
  const ids = new Int32Array(deltas.length);
  let id = 0;
  deltas.forEach((delta, i) => {
    id = i === 0 ? parseInt(delta, 36) : id + parseInt(delta, 36);
    ids[i] = id;
  });
  return ids;
}

// Indexed on first use, not at module load; a page asks for a few hundred of some 11,000 stems,
// so only those lists are decoded (decoding every one was most of a cold start's 60-90 ms here).
function senseStarts(): Map<string, number> {
  if (starts !== undefined) return starts;
  starts = new Map();
  for (let at = 0; at < WORDNET_SENSES.length; ) {
    const space = WORDNET_SENSES.indexOf(' ', at);
    let end = WORDNET_SENSES.indexOf(';', space);
    if (end === -1) end = WORDNET_SENSES.length;
    starts.set(WORDNET_SENSES.slice(at, space), space + 1);
    at = end + 1;
  }
  return starts;
}

/** Senses of a stemmed content term (lib/text `stemWord`); undefined when WordNet has none. */
export function termSenses(term: string): TermSenses | undefined {
  let senses = decoded.get(term);
  if (senses) return senses;
  // Only stems WordNet has are kept (at most its 11,000), not every term a page asks about.
  const start = senseStarts().get(term);
  if (start === undefined) return undefined;
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
