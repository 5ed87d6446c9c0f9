// Names of people, places and organizations, and matching them across outlets' spellings
// ("Dmitri S. Peskov" / "Dmitry Peskov", "Yuri" / "Yury Ushakov"). fuse.js compares only the
// handful of names of two sentences, never a corpus-wide list.
import Fuse from 'fuse.js';
import { tokenize, type Token } from '../text/index.ts';

export interface NameMention {
  /** As written: "Dmitri S. Peskov", "Mr. Ushakov’s". */
  text: string;
  /** Folded words without initials: ["dmitri", "peskov"]. */
  parts: string[];
  start: number;
  end: number;
}

/**
 * The name tokens of lib/text (runs of capitalized words, titles dropped from `norm`), with
 * their parts: single letters (initials) are left out so "Dmitri S. Peskov" meets "Dmitry Peskov".
 */
export function extractNames(text: string, tokens: readonly Token[] = tokenize(text)): NameMention[] {
  const mentions: NameMention[] = [];
  for (const token of tokens) {
    if (token.kind !== 'name') continue;
    const words = token.norm.split(' ').filter(Boolean);
    const parts = words.length === 1 ? words : words.filter((w) => w.length > 1);
    if (parts.length === 0) continue;
    mentions.push({ text: token.text, parts, start: token.start, end: token.end });
  }
  return mentions;
}

/** fuse.js score at or below which two name parts may be one name spelled two ways. */
export const NAME_PART_MAX_DISTANCE = 0.34;

/** Shortest name part that may match approximately; shorter ones must match exactly. */
const MIN_FUZZY_LENGTH = 4;

/**
 * The consonants of a name part with common transliteration swaps folded (c/q→k, z→s, w→v,
 * ph→f, doubled letters once). Transliterations vary the vowels ("Dmitri"/"Dmitry",
 * "Yuri"/"Yury", "Gadhafi"/"Gaddafi"), different names differ in consonants
 * ("Obama"/"Osama", "Trump"/"Truman").
 */
const skeletons = new Map<string, string>();

export function consonantSkeleton(part: string): string {
  let skeleton = skeletons.get(part);
  if (skeleton === undefined) {
    skeleton = computeSkeleton(part);
    if (skeletons.size > 50_000) skeletons.clear();
    skeletons.set(part, skeleton);
  }
  return skeleton;
}

function computeSkeleton(part: string): string {
  return part
    .replace(/ph/g, 'f')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/(?<=[^aeiou])h/g, '')
    .replace(/[aeiouyj'’-]/g, '')
    .replace(/(.)\1+/g, '$1');
}

function closeSpelling(a: string, b: string): boolean {
  return a[0] === b[0] && Math.abs(a.length - b.length) <= 2 && consonantSkeleton(a) === consonantSkeleton(b);
}

/**
 * True when two name parts are the same word spelled two ways ("dmitri"/"dmitry",
 * "yuri"/"yury"). Short parts must match exactly: "Li"/"Lu" are different people.
 */
export function namePartsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < MIN_FUZZY_LENGTH || b.length < MIN_FUZZY_LENGTH || !closeSpelling(a, b)) return false;
  const fuse = new Fuse([b], { includeScore: true, threshold: NAME_PART_MAX_DISTANCE, ignoreLocation: true });
  const hit = fuse.search(a)[0];
  return hit !== undefined && (hit.score ?? 1) <= NAME_PART_MAX_DISTANCE;
}

/**
 * Matches each name of `a` to a name of `b` that shares a part (exactly or spelled
 * differently). Returns pairs of indexes into `a` and `b`.
 */
export function matchNames(a: readonly NameMention[], b: readonly NameMention[]): [number, number][] {
  const pairs: [number, number][] = [];
  const exact = new Map<string, number>();
  b.forEach((mention, j) => mention.parts.forEach((part) => exact.set(part, j)));
  const unmatched: number[] = [];
  a.forEach((mention, i) => {
    const j = mention.parts.map((p) => exact.get(p)).find((x) => x !== undefined);
    if (j === undefined) unmatched.push(i);
    else pairs.push([i, j]);
  });
  if (unmatched.length === 0 || b.length === 0) return pairs;
  // Approximate matching only on what exact matching left, over the other sentence's parts.
  const bParts = b.flatMap((mention, j) => mention.parts.filter((p) => p.length >= MIN_FUZZY_LENGTH).map((part) => ({ part, j })));
  if (bParts.length === 0) return pairs;
  for (const i of unmatched) {
    for (const part of a[i]!.parts) {
      if (part.length < MIN_FUZZY_LENGTH) continue;
      // Only a close spelling may match, and usually none is: fuse.js ranks just those. Its
      // score of a part reads that part alone and ties go to the earlier one, so its best hit
      // among them is the first close one it would rank among all the parts.
      const close = bParts.filter((p) => closeSpelling(p.part, part));
      if (close.length === 0) continue;
      const hit = new Fuse(close, { keys: ['part'], includeScore: true, threshold: NAME_PART_MAX_DISTANCE, ignoreLocation: true }).search(part)[0];
      if (hit !== undefined) {
        pairs.push([i, hit.item.j]);
        break;
      }
    }
  }
  return pairs;
}
