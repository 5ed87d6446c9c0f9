// Loaded-word labels: one version words a stretch with evaluative words the other does not use.
import { rememberedByWord } from './word-memo.ts';
import type { FramingLabel } from '../result.ts';
import { foldedWords, stemWord } from '../text/normalize.ts';
import { CONTENT_STOPWORDS } from '../text/stopwords.ts';
import { evaluativeWeight, isEvaluativeModifier, isEverydayWord, loadedStrength, neighbourSubjectivity, NEIGHBOUR_SUBJECTIVE_FROM } from './lexicon.ts';
import { inContext, phraseList, quote, type FramingPair, type Side, type Span } from './label-sink.ts';
import { eachWordBetween, wordsIn, type SentenceReading, type Word } from './sentence-reading.ts';

/** Rival wording of at most this many words is quoted in a loaded-word note. */
const LOADED_RIVAL_MAX_WORDS = 6;

/** What a word is whatever it is compared with: read once per word of a sentence. */
interface WordJudgement {
  /** Neither a function word, nor a word of a name, nor an everyday word. */
  candidate: boolean;
  /** An evaluative modifier or stance word the lexicons rate. */
  rated: boolean;
  /** Its neighbours' subjectivity, for a candidate the lexicons do not rate. */
  subjectivity: number;
  stems: string[] | undefined;
}

/** Judgements of the words of the sentences read (sentence-reading.ts), by word index, made when first needed. */
const judgements = new WeakMap<SentenceReading, (WordJudgement | undefined)[]>();

/** What the lexicons say of a word as written, wherever it stands. */
interface WordRating {
  /** A function word or an everyday word. */
  plain: boolean;
  rated: boolean;
  /** Its neighbours' subjectivity when it is not rated, else 0. */
  subjectivity: number;
}

/** A word's rating, remembered by its text (most words recur from sentence to sentence of a story). */
const rating = rememberedByWord((word): WordRating => {
  const plain = CONTENT_STOPWORDS.has(word.toLowerCase()) || isEverydayWord(word);
  // Only an evaluative modifier or a word of the stance list is a word choice. A verb or noun
  // that AFINN rates only for its valence tells what happened ("victim", "prison",
  // "indicted"), in a swap ("prison" / "jailed") as much as in a rewritten clause. Modifiers
  // the lexicons do not rate count by their nearest rated neighbours ("dismal", "phony").
  const rated = !plain && loadedStrength(word) > 0 && isEvaluativeModifier(word);
  return { plain, rated, subjectivity: plain || rated ? 0 : neighbourSubjectivity(word) };
});

function judge(reading: SentenceReading, w: Word): WordJudgement {
  // Words of names ("Justice Department", "Dick Cheney") and function words ("like") carry no
  // judgment whatever their lexicon score.
  if (reading.names.some((n) => n.start <= w.start && w.end <= n.end)) return { candidate: false, rated: false, subjectivity: 0, stems: undefined };
  const { plain, rated, subjectivity } = rating(w.text);
  return { candidate: !plain, rated, subjectivity, stems: undefined };
}

/** The loaded words of a side's changed stretch. */
function loadedWords(pair: FramingPair, side: Side, start: number, end: number, subjectiveFrom: number): Word[] {
  const text = pair.text[side];
  const reading = pair.reading[side];
  // The rival's stems are looked up only for a word loaded otherwise: read then (sentence-reading.ts makes them when first asked).
  const rival = pair.reading[side === 'this' ? 'other' : 'this'];
  let judged = judgements.get(reading);
  if (judged === undefined) judgements.set(reading, (judged = []));
  const found: Word[] = [];
  // A word the stretch cuts is another word than the sentence's: judged afresh, not kept.
  eachWordBetween(text, reading, start, end, (w, index) => {
    const judgement = index === -1 ? judge(reading, w) : (judged[index] ??= judge(reading, w));
    if (!judgement.candidate) return;
    if (!judgement.rated && judgement.subjectivity < subjectiveFrom) return;
    if (pair.sink.covers(side, w.start, w.end)) return;
    const stems = judgement.stems ?? foldedWords(w.text).map(stemWord);
    if (index !== -1) judgement.stems = stems;
    if (stems.some((f) => rival.stems.has(f))) return;
    // The rival article is read only for a word that is loaded otherwise (rare).
    if (!pair.sides.rivalArticleUses(side, stems)) found.push(w);
  });
  return found;
}

/** How evaluative the most evaluative word of a stretch is (0 when none is). */
function strongest(text: string): number {
  return Math.max(0, ...wordsIn(text, 0, text.length).filter((w) => !CONTENT_STOPWORDS.has(w.text.toLowerCase())).map((w) => evaluativeWeight(w.text)));
}

function top(words: readonly Word[]): number {
  return Math.max(0, ...words.map((w) => evaluativeWeight(w.text)));
}

function inQuote(reading: SentenceReading, at: number): boolean {
  return reading.quoted.some(([s, e]) => s < at && at < e);
}

function short(wording: string): boolean {
  return foldedWords(wording).length <= LOADED_RIVAL_MAX_WORDS;
}

/**
 * A side's loaded words in a note. A short swap quotes the rival wording ("'slammed' where NBC
 * News has 'criticized'"); a rewritten clause (on either side: "uproar among liberals about the
 * tax deal" for "wealthy" is no swap) quotes the word in its own context instead.
 */
function describe(text: string, reading: SentenceReading, words: readonly Word[], own: string, rival: string, rivalName: string, articleWide: boolean): string {
  if (rival === '') return `${phraseList(text, words)} (${inContext(text, reading.words, words)}) where ${rivalName} has nothing`;
  if (short(rival) && short(own)) return `${phraseList(text, words)} where ${rivalName} has ${quote(rival)}`;
  const what = words.length > 1 ? 'words' : 'a word';
  return `${phraseList(text, words)} (${inContext(text, reading.words, words)}), ${articleWide ? `${what} ${rivalName} does not use` : `${what} ${rivalName}'s version lacks`}`;
}

/** Words inside a quotation are the speaker's: the outlet chose to quote them. */
function uses(reading: SentenceReading, words: readonly Word[]): string {
  return words.every((w) => inQuote(reading, w.start)) ? 'quotes' : 'uses';
}

interface LoadedDifference {
  label: FramingLabel;
  spans: Span[];
  /** How much more evaluative the flagged wording is than its rival: the ranking key. */
  margin: number;
}

/**
 * Loaded words: where the two versions word the same stretch differently and one side's words
 * are evaluative modifiers or stance words (lexicon.ts: Pattern's subjective adjectives and their
 * adverbs, the stance list), ranked by their AFINN valence and subjectivity.
 * A word is never loaded when the other version shares it: in the rival sentence, or (given the
 * articles) anywhere in the rival article, where it is the story's own vocabulary ("poisoning",
 * "expelled") rather than one outlet's choice. Strongest difference first.
 */
export function labelLoaded(pair: FramingPair): void {
  const { sides } = pair;
  const { thisName, otherName } = sides;
  const subjectiveFrom = sides.neighbourSubjectiveFrom ?? NEIGHBOUR_SUBJECTIVE_FROM;
  const { this: mineRead, other: theirsRead } = pair.reading;
  const differences: LoadedDifference[] = [];
  for (const hunk of pair.hunks) {
    // Two renderings of one quotation ("won't abandon" / "would not refuse", often two
    // translations) differ in the speaker's words, not in the outlets' choice of words.
    if (inQuote(mineRead, hunk.thisStart) && inQuote(theirsRead, hunk.otherStart)) continue;
    const mine = loadedWords(pair, 'this', hunk.thisStart, hunk.thisEnd, subjectiveFrom);
    const theirs = loadedWords(pair, 'other', hunk.otherStart, hunk.otherEnd, subjectiveFrom);
    if (mine.length === 0 && theirs.length === 0) continue;
    const side = mine.length > 0 && theirs.length > 0 ? 'both' : mine.length > 0 ? 'this' : 'other';
    // Ranked by how much more evaluative one side's wording is than the other's there, then by
    // the strength of the flagged words.
    const margin = Math.abs(strongest(hunk.thisText) - strongest(hunk.otherText)) * 10 + Math.max(top(mine), top(theirs));
    let note: string;
    if (side === 'both' && short(hunk.thisText) && short(hunk.otherText)) {
      note = `${thisName} has ${quote(hunk.thisText)} where ${otherName} has ${quote(hunk.otherText)}`;
    } else {
      const parts: string[] = [];
      if (mine.length > 0) {
        parts.push(`${thisName} ${uses(mineRead, mine)} ${describe(pair.text.this, mineRead, mine, hunk.thisText, hunk.otherText, otherName, sides.rivalArticle.this)}`);
      }
      if (theirs.length > 0) {
        parts.push(`${otherName} ${uses(theirsRead, theirs)} ${describe(pair.text.other, theirsRead, theirs, hunk.otherText, hunk.thisText, thisName, sides.rivalArticle.other)}`);
      }
      note = parts.join('; ');
    }
    differences.push({
      label: { kind: 'loaded', side, thisText: hunk.thisText, otherText: hunk.otherText, note },
      spans: [
        ...mine.map((w) => ({ side: 'this' as const, start: w.start, end: w.end })),
        ...theirs.map((w) => ({ side: 'other' as const, start: w.start, end: w.end })),
      ],
      margin,
    });
  }
  differences.sort((a, b) => b.margin - a.margin);
  for (const d of differences) pair.sink.add(d.label, d.spans);
}
