// Word senses from WordNet (lib/facts/generated/wordnet-senses.ts, built by
// scripts/build-wordnet-senses.ts): paraphrases that share no word ("bought"/"purchased",
// "proposal"/"suggested") share a sense.
import { WORDNET_SENSES } from './generated/wordnet-senses.ts';

/** Synset ids of a stemmed term's frequent senses and their derivational relatives, ascending. */
export type TermSenses = Int32Array;

let table: Map<string, TermSenses> | undefined;

function decode(list: string): TermSenses {
  const ids = new Int32Array(list.split(',').length);
  let id = 0;
  list.split(',').forEach((delta, i) => {
    id = i === 0 ? parseInt(delta, 36) : id + parseInt(delta, 36);
    ids[i] = id;
  });
  return ids;
}

// Parsed on first use (a few milliseconds), not at module load.
function senseTable(): Map<string, TermSenses> {
  if (table !== undefined) return table;
  table = new Map();
  for (const entry of WORDNET_SENSES.split(';')) {
    const space = entry.indexOf(' ');
    table.set(entry.slice(0, space), decode(entry.slice(space + 1)));
  }
  return table;
}

/** Senses of a stemmed content term (lib/text `stemWord`); undefined when WordNet has none. */
export function termSenses(term: string): TermSenses | undefined {
  return senseTable().get(term);
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
