// Framing compared once per pair of sentences. Fact alignment often meets one pair of sentence
// texts several times: a page's sentence aligns with the same wire sentence in several sources,
// or with a story's versions (on the growth benchmark at 40,000 articles, about 50 framing
// comparisons a page came from 8-24 distinct pairs). What differs between those comparisons is
// the other side's name, which only the notes quote, and the rival article, which labels read
// only to ask whether it uses a word's stems (a word the whole other article uses is the story's
// vocabulary, not a choice). So a pair's labels are made once with placeholder names, with the
// article questions recorded, and serve again for any articles that answer those questions
// alike, the names put in. The result is the one a fresh comparison gives.
import { foldedWords, stemWord } from '../text/normalize.ts';
import type { FramingComparison, FramingOptions } from './labels.ts';

/** What the labels of a pair know of its two sides beyond the sentences. */
export interface FramingSides {
  /** How notes name this article's side and the other. */
  thisName: string;
  otherName: string;
  /** See FramingOptions.neighbourSubjectiveFrom. */
  neighbourSubjectiveFrom?: number;
  /** Whether the rival article of a word on each side is known (notes then say "does not use"). */
  rivalArticle: { this: boolean; other: boolean };
  /** Whether the rival article of a word on `side` uses every one of `stems`; false when it is not known. */
  rivalArticleUses(side: 'this' | 'other', stems: readonly string[]): boolean;
}

/** The labelling of one pair, given its sides. */
export type LabelPair = (thisText: string, otherText: string, sides: FramingSides) => FramingComparison;

// Stand-ins for the names while a remembered result is made: private-use characters, which no
// sentence or name is expected to hold (one that does is compared afresh, never remembered).
const THIS_NAME = '\uE000';
const OTHER_NAME = '\uE001';
const PLACEHOLDERS = /[\uE000\uE001]/;

interface RememberedFraming {
  /** The comparison with placeholder names, notes not yet capitalised where a name begins them. */
  comparison: FramingComparison;
  /** Questions asked of the articles while it was made, with their answers. */
  asked: { side: 'this' | 'other'; stems: readonly string[]; uses: boolean }[];
}

/** Pairs remembered (the most recent), each with the few article answers met so far. */
const PAIRS_KEPT = 1024;
const VARIANTS_KEPT = 4;
const remembered = new Map<string, RememberedFraming[]>();

/** Stems of a whole article, to tell an outlet's own word from the story's shared vocabulary. */
const vocabularies = new Map<string, Set<string>>();
const VOCABULARIES_KEPT = 64;

function vocabulary(text: string): Set<string> {
  let stems = vocabularies.get(text);
  if (stems === undefined) {
    stems = new Set(foldedWords(text).map(stemWord));
    if (vocabularies.size >= VOCABULARIES_KEPT) vocabularies.delete(vocabularies.keys().next().value!);
    vocabularies.set(text, stems);
  }
  return stems;
}

/** A note as labels show it: its first letter capitalised (the labels' sink and a remembered comparison's names both make notes). */
export function capitalised(note: string): string {
  return note.charAt(0).toUpperCase() + note.slice(1);
}

/** A remembered comparison with the names put in: fresh objects, so no caller shares another's. */
function named(comparison: FramingComparison, thisName: string, otherName: string): FramingComparison {
  return {
    diff: comparison.diff.map((part) => ({ ...part })),
    labels: comparison.labels.map((label) => ({ ...label, note: capitalised(label.note.replaceAll(THIS_NAME, thisName).replaceAll(OTHER_NAME, otherName)) })),
    flagged: comparison.flagged.map((span) => ({ ...span })),
  };
}

/** The rival article of a word on this side is the other article, and the reverse. */
type Rivals = { this: string | null; other: string | null };

/** Whether the rival article of a word on `side` uses every one of `stems`; false when it is not known. */
function rivalUses(rivals: Rivals, side: 'this' | 'other', stems: readonly string[]): boolean {
  const article = rivals[side];
  if (article === null) return false;
  const shared = vocabulary(article);
  return stems.every((stem) => shared.has(stem));
}

/**
 * The sides as the labels see them; with `asked`, each question the labels ask of the articles is
 * recorded with its answer. (A class, not closures made per comparison: most comparisons are
 * answered from memory and make none.)
 */
class Sides implements FramingSides {
  readonly rivalArticle: { this: boolean; other: boolean };
  constructor(
    readonly thisName: string,
    readonly otherName: string,
    readonly neighbourSubjectiveFrom: number | undefined,
    private readonly rivals: Rivals,
    private readonly asked: RememberedFraming['asked'] | null,
  ) {
    this.rivalArticle = { this: rivals.this !== null, other: rivals.other !== null };
  }
  rivalArticleUses(side: 'this' | 'other', stems: readonly string[]): boolean {
    const answer = rivalUses(this.rivals, side, stems);
    this.asked?.push({ side, stems: [...stems], uses: answer });
    return answer;
  }
}

/** `label(thisText, otherText, sides)` for these options, from memory when the pair was labelled for articles that answer alike. */
export function rememberedFraming(thisText: string, otherText: string, options: FramingOptions, label: LabelPair): FramingComparison {
  const thisName = options.thisName ?? 'this article';
  const otherName = options.otherName ?? 'the other report';
  const rivals: Rivals = { this: options.otherArticle || null, other: options.thisArticle || null };
  if (PLACEHOLDERS.test(thisText) || PLACEHOLDERS.test(otherText) || PLACEHOLDERS.test(thisName) || PLACEHOLDERS.test(otherName)) {
    return label(thisText, otherText, new Sides(thisName, otherName, options.neighbourSubjectiveFrom, rivals, null));
  }

  const key = `${thisText}\u0000${otherText}\u0000${rivals.this !== null}${rivals.other !== null}\u0000${options.neighbourSubjectiveFrom ?? ''}`;
  const variants = remembered.get(key) ?? [];
  const hit = variants.find((v) => v.asked.every((q) => rivalUses(rivals, q.side, q.stems) === q.uses));
  if (hit !== undefined) {
    remembered.delete(key);
    remembered.set(key, variants);
    return named(hit.comparison, thisName, otherName);
  }
  const asked: RememberedFraming['asked'] = [];
  const comparison = label(thisText, otherText, new Sides(THIS_NAME, OTHER_NAME, options.neighbourSubjectiveFrom, rivals, asked));
  if (variants.length >= VARIANTS_KEPT) variants.shift();
  variants.push({ comparison, asked });
  remembered.delete(key);
  remembered.set(key, variants);
  if (remembered.size > PAIRS_KEPT) remembered.delete(remembered.keys().next().value!);
  return named(comparison, thisName, otherName);
}
