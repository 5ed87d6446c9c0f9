// Who did what to whom. Two sentences can share every word and report opposite acts: "The U.S.
// expelled 60 Russian diplomats" and "Russia responded by expelling 60 U.S. diplomats" are two
// facts, as are "Trump invited Putin" and "Putin invited Trump". For each act (a content word) both
// sentences report, the party named nearest before it is its actor and the party named nearest
// after it its target (the other way round in the passive: "were expelled by the United
// States"). When both sentences name both, and each one's actor is the other's target, the act
// is reversed and the two do not report one fact. Only a full reversal counts: a party named
// between an actor and its verb ("Trump, in a call with Putin, proposed…") can mislead the
// nearest-party reading, but then it rarely crosses over exactly.
import { CONTENT_STOPWORDS, stemWord, type Token } from '../text/index.ts';
import { sentenceTokens } from './features.ts';

/**
 * One party under its several names: a country, its people, its capital or seat of government
 * ("the Kremlin said", "Washington expelled"), as news names them. Other names match by their
 * beginning ("Russian"/"Russia", "Israeli"/"Israel").
 */
const PARTY_NAMES: readonly (readonly string[])[] = [
  ['us', 'u.s', 'united states', 'america', 'american', 'americans', 'washington', 'white house'],
  ['uk', 'u.k', 'britain', 'british', 'united kingdom', 'london', 'england', 'english'],
  ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
  ['china', 'chinese', 'beijing'],
  ['france', 'french', 'paris'],
  ['netherlands', 'dutch'],
];
const PARTY_OF = new Map(PARTY_NAMES.flatMap((names) => names.map((n) => [n, names[0]!] as const)));

/** A party's key: its group's first name, or a person's last name ("vladimir putin" → "putin"). */
function partyKey(norm: string): string {
  const key = norm.replace(/\.$/, '').replace(/['’]s$/, '');
  return PARTY_OF.get(key) ?? key.split(' ').at(-1)!;
}

function sameParty(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short.slice(0, Math.max(4, short.length - 1)));
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** Words before an "-ing" form that make it the act of the clause's subject ("responded by expelling"). */
const ACT_ING_AFTER = new Set(['by', 'after', 'before', 'while', 'was', 'were', 'is', 'are']);

/**
 * An act is a verb in the past ("expelled", "invited", "denied") or an "-ing" form governed by
 * the subject ("responded by expelling"): the forms news reports acts in. Nouns are left out, so
 * a modifier's order ("a White House meeting with Putin") is not read as roles.
 */
function isAct(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.norm;
  if (word.endsWith('ed')) return true;
  return word.endsWith('ing') && i > 0 && ACT_ING_AFTER.has(tokens[i - 1]!.norm);
}

interface Reading {
  tokens: Token[];
  /** Party key at each token (null for other tokens). */
  party: (string | null)[];
  /** Token index of each act stem's first occurrence. */
  acts: Map<string, number>;
  /**
   * A capitalized first word, which the tokenizer cannot call a name (readFirstWord): its folded
   * form, its party key, and whether it is a known party's name. Null when the first word is no candidate.
   */
  first: { norm: string; key: string; known: boolean } | null;
}

/**
 * Readings by sentence text, never changed once made: a page's sentence is checked against each
 * of its accepted counterparts, and a wire sentence against every page sentence it matches.
 * Bounded: a few analyses' worth.
 */
const readings = new Map<string, Reading>();
const READINGS_KEPT = 2048;

function readingOf(text: string): Reading {
  let kept = readings.get(text);
  if (kept === undefined) {
    kept = read(text);
    if (readings.size >= READINGS_KEPT) readings.delete(readings.keys().next().value!);
    readings.set(text, kept);
  }
  return kept;
}

function read(text: string): Reading {
  const tokens = sentenceTokens(text);
  const party = tokens.map((t) => (t.kind === 'name' ? partyKey(t.norm) : null));
  const acts = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || t.norm.length < 3 || CONTENT_STOPWORDS.has(t.norm) || !isAct(tokens, i)) return;
    const stem = stemWord(t.norm);
    if (!acts.has(stem)) acts.set(stem, i);
  });
  const word = tokens[0];
  const first =
    word === undefined || word.kind !== 'word' || !/^\p{Lu}/u.test(word.text) || CONTENT_STOPWORDS.has(word.norm)
      ? null
      : { norm: word.norm, key: partyKey(word.norm), known: PARTY_OF.has(word.norm) };
  return { tokens, party, acts, first };
}

/**
 * A reading as one comparison sees it: the kept reading, and the party its first word turned out
 * to be (readFirstWord), whose stem then is no act. The kept reading is shared, so this is told
 * beside it rather than written into it.
 */
interface ReadingInPair {
  reading: Reading;
  /** The first word's party key when readFirstWord made it a party, else null. */
  firstParty: string | null;
  /** The first word's stem when it is a party (stemmed only then: most first words are not). */
  firstStem: string | null;
}

/** The party key at token `i` of a reading in a pair. */
function partyAt(r: ReadingInPair, i: number): string | null {
  return i === 0 && r.firstParty !== null ? r.firstParty : r.reading.party[i]!;
}

/** The token index of act `stem` in a reading in a pair (its first word's stem is no act once a party). */
function actAt(r: ReadingInPair, stem: string): number | undefined {
  if (r.firstStem !== null && stem === r.firstStem) return undefined;
  return r.reading.acts.get(stem);
}

/**
 * A sentence's first word is capitalized whatever it is, so the tokenizer cannot call it a name:
 * it is a party when it is a known one or the other sentence names it ("Russia responded…" beside
 * "…60 Russian diplomats"). Returns its party key then, else null.
 */
function readFirstWord(reading: Reading, other: ReadingInPair): string | null {
  const { first } = reading;
  if (first === null) return null;
  if (first.known) return first.key;
  const { party } = other.reading;
  for (let i = 0; i < party.length; i++) {
    const p = partyAt(other, i);
    if (p !== null && sameParty(p, first.key)) return first.key;
  }
  return null;
}

function roles(r: ReadingInPair, at: number): { actor: string | null; target: string | null } {
  const { tokens } = r.reading;
  let before: string | null = null;
  for (let i = at - 1; i >= 0 && before === null; i--) before = partyAt(r, i);
  let after: string | null = null;
  let afterBy: string | null = null;
  for (let i = at + 1; i < tokens.length && after === null; i++) {
    after = partyAt(r, i);
    if (after !== null && i >= 2 && (tokens[i - 1]!.norm === 'by' || (tokens[i - 1]!.norm === 'the' && tokens[i - 2]!.norm === 'by'))) afterBy = after;
  }
  const passive = at > 0 && (BE.has(tokens[at - 1]!.norm) || (at > 1 && BE.has(tokens[at - 2]!.norm))) && afterBy !== null;
  return passive ? { actor: afterBy, target: before } : { actor: before, target: after };
}

/** Whether `b` reports an act of `a` with actor and target swapped. */
export function rolesReversed(a: string, b: string): boolean {
  const ra: ReadingInPair = { reading: readingOf(a), firstParty: null, firstStem: null };
  const rb: ReadingInPair = { reading: readingOf(b), firstParty: null, firstStem: null };
  // Without an act on both sides there is nothing to reverse (reading the first words only removes acts).
  if (ra.reading.acts.size === 0 || rb.reading.acts.size === 0) return false;
  ra.firstParty = readFirstWord(ra.reading, rb);
  rb.firstParty = readFirstWord(rb.reading, ra);
  if (ra.firstParty !== null) ra.firstStem = stemWord(ra.reading.first!.norm);
  if (rb.firstParty !== null) rb.firstStem = stemWord(rb.reading.first!.norm);
  for (const act of ra.reading.acts.keys()) {
    const i = actAt(ra, act);
    const j = actAt(rb, act);
    if (i === undefined || j === undefined) continue;
    const x = roles(ra, i);
    const y = roles(rb, j);
    if (x.actor === null || x.target === null || y.actor === null || y.target === null) continue;
    if (sameParty(x.actor, x.target)) continue;
    if (sameParty(x.actor, y.target) && sameParty(x.target, y.actor)) return true;
  }
  return false;
}
