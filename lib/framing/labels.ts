// Labels what differs between two reports of one fact: attribution, hedging, loaded words,
// disagreeing numbers/dates/names, and what one side adds. Each label also marks the words it
// is about (character ranges), so pages can highlight them and evaluations can score them.
import type { DiffPart, FramingLabel, FramingLabelKind } from '../result.ts';
import { foldedWords, stemWord } from '../text/normalize.ts';
import { CONTENT_STOPWORDS, SEED_STOPWORDS } from '../text/stopwords.ts';
import { matchNames, type NameMention } from '../facts/names.ts';
import { quantityConflicts, type Quantity } from '../facts/quantities.ts';
import { sentenceNames, sentenceQuantities } from '../facts/features.ts';
import { findAttributions, quotedRanges, type Attribution } from './attribution.ts';
import { diffHunks, diffWording, type DiffHunk } from './diff.ts';
import { capitalised, rememberedFraming, type FramingSides } from './framing-memo.ts';
import {
  BOOSTERS,
  evaluativeWeight,
  HEDGES,
  isEvaluativeModifier,
  isEverydayWord,
  isStanceVerb,
  loadedStrength,
  neighbourSubjectivity,
  NEIGHBOUR_SUBJECTIVE_FROM,
} from './lexicon.ts';

/** Words a label is about, as a range of one of the two sentences. */
export interface FlaggedSpan {
  kind: FramingLabelKind;
  side: 'this' | 'other';
  start: number;
  end: number;
}

export interface FramingComparison {
  diff: DiffPart[];
  labels: FramingLabel[];
  flagged: FlaggedSpan[];
}

export interface FramingOptions {
  /** How notes name this article's side ("this article"). */
  thisName?: string;
  /** How notes name the other side, usually its outlet ("NBC News"). */
  otherName?: string | null;
  /**
   * The whole articles the two sentences come from, when known. A word the other article uses
   * anywhere is the story's shared vocabulary, not one outlet's choice, so it is not loaded.
   */
  thisArticle?: string;
  otherArticle?: string;
  /**
   * The neighbour-subjectivity line above which a modifier no lexicon rates is loaded (lexicon
   * NEIGHBOUR_SUBJECTIVE_FROM); evaluations move it to choose it by cross-validation.
   */
  neighbourSubjectiveFrom?: number;
}

/** An addition counts once it brings at least this many content words. */
export const ADDITION_MIN_CONTENT_WORDS = 3;

interface Phrase {
  text: string;
  key: string;
  start: number;
  end: number;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const HEDGE_RE = new RegExp(String.raw`\b(?:${[...HEDGES].sort((a, b) => b.length - a.length).map(escape).join('|')})\b`, 'giu');
const BOOSTER_RE = new RegExp(String.raw`\b(?:${[...BOOSTERS].sort((a, b) => b.length - a.length).map(escape).join('|')})\b`, 'giu');

/** What the labels read from one sentence; a sentence is usually compared with several others. */
interface SideReading {
  attributions: Attribution[];
  quantities: Quantity[];
  names: NameMention[];
  hedges: Phrase[];
  boosters: Phrase[];
  stems: Set<string>;
}

const readings = new Map<string, SideReading>();
const READINGS_KEPT = 2048;

function read(text: string): SideReading {
  let reading = readings.get(text);
  if (reading !== undefined) return reading;
  // Names and quantities as the matcher read them when it compared the sentence (lib/facts/features.ts).
  const names = sentenceNames(text);
  reading = {
    attributions: findAttributions(text, names),
    quantities: sentenceQuantities(text),
    names,
    hedges: phrases(text, HEDGE_RE),
    boosters: phrases(text, BOOSTER_RE),
    stems: new Set(foldedWords(text).map(stemWord)),
  };
  if (readings.size >= READINGS_KEPT) readings.delete(readings.keys().next().value!);
  readings.set(text, reading);
  return reading;
}

function phrases(text: string, re: RegExp): Phrase[] {
  return [...text.matchAll(re)].map((m) => ({ text: m[0], key: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** Content words of a stretch; two-letter words ("Mr", "St") carry no content of their own. */
function contentWordCount(text: string): number {
  return foldedWords(text).filter((w) => w.length > 2 && !CONTENT_STOPWORDS.has(w)).length;
}

function quote(text: string): string {
  return `'${text}'`;
}

class LabelSink {
  readonly labels: FramingLabel[] = [];
  readonly flagged: FlaggedSpan[] = [];
  /** Stretches a label reports without marking them as word choice (a source it names). */
  private readonly explained: Omit<FlaggedSpan, 'kind'>[] = [];
  add(label: FramingLabel, spans: Omit<FlaggedSpan, 'kind'>[]): void {
    this.labels.push({ ...label, note: capitalised(label.note) });
    for (const span of spans) if (span.end > span.start) this.flagged.push({ kind: label.kind, ...span });
  }
  explain(side: 'this' | 'other', start: number, end: number): void {
    this.explained.push({ side, start, end });
  }
  /** Words some label already marks. */
  covers(side: 'this' | 'other', start: number, end: number): boolean {
    return this.flagged.some((f) => f.side === side && f.start < end && f.end > start);
  }
  /** Words some label already marks or reports. */
  explains(side: 'this' | 'other', start: number, end: number): boolean {
    return this.covers(side, start, end) || this.explained.some((f) => f.side === side && f.start < end && f.end > start);
  }
}

/** Speakers match when one name's words contain the other's surname ("Dmitri S. Peskov", "Peskov"). */
function sameSpeaker(a: Attribution, b: Attribution): boolean {
  if (a.speakerParts.length === 0 || b.speakerParts.length === 0) return false;
  const last = (parts: string[]): string => parts[parts.length - 1]!;
  return b.speakerParts.includes(last(a.speakerParts)) || a.speakerParts.includes(last(b.speakerParts));
}

/** The reporting verb's first word ("told" of "told CNN"): the word that may carry a stance. */
function verbWord(a: Attribution): string {
  return a.verb.split(/\s+/)[0]!;
}

function isStance(a: Attribution): boolean {
  return isStanceVerb(verbWord(a));
}

/**
 * A stance verb the lexicon rates evaluative ("blasted", "mocked", "insisted", "dismissed"):
 * the outlet judges the statement by introducing it so. Other stance verbs ("urged",
 * "confirmed", "declared") mostly name another speech act than "said" does, not a judgment.
 */
function isEvaluativeStance(a: Attribution): boolean {
  return isStance(a) && loadedStrength(verbWord(a)) > 0;
}

/** "Yuri Ushakov ('told reporters')", or the verb alone when the sentence names no source. */
function source(a: Attribution): string {
  return a.speaker === null ? quote(a.verb) : `${a.speaker} (${quote(a.verb)})`;
}

/**
 * Attribution differs when the versions name different sources for the statement, or the same
 * source with an evaluative verb ("insisted", "dismissed") where the other only reports
 * ("said"). Two neutral verbs for one source ("said", "told reporters") do not differ. Only
 * the evaluative verbs are marked as word choice: which source a version names is not a choice
 * of words, and the label reports the source's phrase (so no addition label repeats it).
 */
function labelAttribution(thisText: string, otherText: string, sink: LabelSink, thisName: string, otherName: string): void {
  const mine = read(thisText).attributions;
  const theirs = read(otherText).attributions;
  if (mine.length === 0 && theirs.length === 0) return;
  // Who is quoted is this label's business: a source one version names is reported below, and
  // one both versions name ("Kremlin aide Yury Ushakov said" / "he said") is no addition.
  for (const a of mine) sink.explain('this', a.phraseStart, a.phraseEnd);
  for (const a of theirs) sink.explain('other', a.phraseStart, a.phraseEnd);
  const flag = (side: 'this' | 'other', list: readonly Attribution[]): Omit<FlaggedSpan, 'kind'>[] =>
    list.filter(isEvaluativeStance).map((a) => ({ side, start: a.start, end: a.start + verbWord(a).length }));
  const named = (list: readonly Attribution[]): Attribution[] => list.filter((a) => a.speakerParts.length > 0);
  const secondHand = (a: Attribution): boolean => a.verbKey === 'according to';
  // Someone described, not named ("a Kremlin aide"), may be the person the other version names
  // ("the Kremlin foreign policy adviser, Yuri Ushakov") where the other version's wording has a
  // word of the description; not where it has none ("The White House said").
  const mayBeNamedIn = (a: Attribution, rivalText: string): boolean => {
    if (a.speaker === null || !/^an?\s/i.test(a.speaker)) return false;
    const rivalWords = new Set(foldedWords(rivalText));
    return foldedWords(a.speaker).some((w) => w.length > 2 && !CONTENT_STOPWORDS.has(w) && rivalWords.has(w));
  };
  // A version that quotes someone it does not name ("he said") may mean the source the other
  // names: only second-hand sourcing ("according to TASS") differs for sure then.
  const unnamedSpeaker = (list: readonly Attribution[], rivalText: string): boolean =>
    list.some((a) => (a.speakerParts.length === 0 || mayBeNamedIn(a, rivalText)) && !secondHand(a));
  const onlyIn = (list: readonly Attribution[], text: string, rival: readonly Attribution[], rivalText: string): Attribution[] =>
    named(list).filter(
      (a) =>
        !rival.some((b) => sameSpeaker(a, b)) &&
        (secondHand(a) || !unnamedSpeaker(rival, text)) &&
        !(mayBeNamedIn(a, rivalText) && named(rival).some((b) => !secondHand(b))),
    );
  // Sources one version names and the other does not.
  const onlyMine = onlyIn(mine, thisText, theirs, otherText);
  const onlyTheirs = onlyIn(theirs, otherText, mine, thisText);
  const list = (attributions: readonly Attribution[]): string => [...new Set(attributions.map(source))].join(', ');
  if (onlyMine.length > 0 || onlyTheirs.length > 0) {
    const side = onlyMine.length > 0 && onlyTheirs.length > 0 ? 'both' : onlyMine.length > 0 ? 'this' : 'other';
    let note: string;
    if (side === 'both') note = `${thisName} attributes this to ${list(onlyMine)}; ${otherName} to ${list(onlyTheirs)}`;
    else {
      const [name, only, rivalName, rival] = side === 'this' ? [thisName, onlyMine, otherName, theirs] : [otherName, onlyTheirs, thisName, mine];
      note = rival.length === 0 ? `${name} attributes this to ${list(only)}; ${rivalName} names no source` : `${name} also attributes this to ${list(only)}`;
    }
    sink.add(
      { kind: 'attribution', side, thisText: onlyMine.map((a) => a.verb).join(', '), otherText: onlyTheirs.map((a) => a.verb).join(', '), note },
      [...flag('this', onlyMine), ...flag('other', onlyTheirs)],
    );
  }
  // One source, introduced with an evaluative verb on one side only.
  // Sources the sentences do not name (a sentence-initial "Peskov said") pair up when each
  // version has one attribution only.
  const unnamedPair = (a: Attribution, b: Attribution): boolean =>
    a.speakerParts.length === 0 && b.speakerParts.length === 0 && mine.length === 1 && theirs.length === 1;
  for (const a of mine) {
    const b = theirs.find((t) => sameSpeaker(a, t) || unnamedPair(a, t));
    if (b === undefined || isEvaluativeStance(a) === isEvaluativeStance(b) || verbWord(a).toLowerCase() === verbWord(b).toLowerCase()) continue;
    // The version that takes the stance speaks first: "NBC News has Peskov 'insisted' where ...".
    const [name, stance, rivalName, plain] = isEvaluativeStance(a) ? [thisName, a, otherName, b] : [otherName, b, thisName, a];
    const who = stance.speakerParts.length > 0 && stance.speaker !== null ? `${stance.speaker} ` : '';
    sink.add(
      {
        kind: 'attribution',
        side: isEvaluativeStance(a) ? 'this' : 'other',
        thisText: a.verb,
        otherText: b.verb,
        note: `${name} has ${who}${quote(stance.verb)} where ${rivalName} has ${quote(plain.verb)}`,
      },
      [...flag('this', [a]), ...flag('other', [b])],
    );
  }
}

/**
 * A changed stretch of at most this many words on each side is a local change: the versions
 * word the same thing differently there ("will attend" / "are expected to attend"). A longer
 * one rewrites the clause, and the other version need not say the same thing at all.
 */
export const LOCAL_CHANGE_MAX_WORDS = 6;

function isLocal(hunk: DiffHunk): boolean {
  return foldedWords(hunk.thisText).length <= LOCAL_CHANGE_MAX_WORDS && foldedWords(hunk.otherText).length <= LOCAL_CHANGE_MAX_WORDS;
}

/**
 * Hedging (or boosting) differs when one version hedges and the other does not, and the hedge
 * is a local change: the other version says the same stretch without it. A hedge inside a
 * rewritten clause qualifies something the other version may not say at all.
 */
function labelCertainty(thisText: string, otherText: string, hunks: readonly DiffHunk[], sink: LabelSink, thisName: string, otherName: string): void {
  const quoted = { this: quotedRanges(thisText), other: quotedRanges(otherText) };
  for (const [kind, what] of [
    ['hedges', 'hedges'],
    ['boosters', 'asserts certainty'],
  ] as const) {
    // Hedges inside a quotation are the speaker's, not the outlet's.
    const own = (side: 'this' | 'other') => (p: Phrase): boolean =>
      !sink.covers(side, p.start, p.end) && !quoted[side].some(([s, e]) => s < p.start && p.start < e);
    const mine = read(thisText)[kind].filter(own('this'));
    const theirs = read(otherText)[kind].filter(own('other'));
    // A difference only when one version hedges (or insists) and the other does not at all:
    // 'reportedly' against 'allegedly' is the same uncertainty in other words.
    if ((mine.length > 0) === (theirs.length > 0)) continue;
    const [side, name, rivalName, text, hedged] =
      mine.length > 0 ? (['this', thisName, otherName, thisText, mine] as const) : (['other', otherName, thisName, otherText, theirs] as const);
    const inLocalChange = (p: Phrase): boolean =>
      hunks.some((h) => isLocal(h) && (side === 'this' ? h.thisStart <= p.start && p.end <= h.thisEnd : h.otherStart <= p.start && p.end <= h.otherEnd));
    const found = hedged.filter(inLocalChange);
    if (found.length === 0) continue;
    const words = [...new Set(found.map((p) => p.text))];
    const context = inContext(text, wordsIn(text, found[0]!.start, found[0]!.end));
    sink.add(
      {
        kind: 'hedging',
        side,
        thisText: side === 'this' ? words.join(', ') : '',
        otherText: side === 'other' ? words.join(', ') : '',
        // The hedge in its own words ("hedges: “are expected to attend”"), or named too when
        // the version has more than one.
        note: `${name} ${what}${words.length > 1 ? ` ${words.map(quote).join(', ')}` : ''}: ${context}; ${rivalName} does not`,
      },
      // The words that carry the hedge ("expected" of "is expected to"), not its function words.
      found.flatMap((p) => {
        const words = wordsIn(text, p.start, p.end);
        const carrying = words.filter((w) => !CONTENT_STOPWORDS.has(w.text.toLowerCase()));
        return (carrying.length > 0 ? carrying : words).map((w) => ({ side, start: w.start, end: w.end }));
      }),
    );
  }
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsIn(text: string, start: number, end: number): Word[] {
  return [...text.slice(start, end).matchAll(/\p{L}[\p{L}'’-]*/gu)].map((m) => ({
    text: m[0],
    start: start + m.index,
    end: start + m.index + m[0].length,
  }));
}


/** Rival wording of at most this many words is quoted in a loaded-word note. */
const LOADED_RIVAL_MAX_WORDS = 6;

/** Words either side of a flagged word quoted with it, so a note reads without the diff. */
const CONTEXT_WORDS = 2;

/** Flagged words as quoted phrases: neighbours (only spaces between) run together, others apart. */
function phraseList(text: string, words: readonly Word[]): string {
  const runs: string[] = [];
  let runStart = -1;
  words.forEach((w, i) => {
    if (runStart < 0) runStart = w.start;
    const next = words[i + 1];
    if (next === undefined || !/^\s+$/.test(text.slice(w.end, next.start))) {
      runs.push(quote(text.slice(runStart, w.end)));
      runStart = -1;
    }
  });
  return runs.join(', ');
}

/** The flagged words with a few words around them, within the sentence ("the angry reaction to"). */
function inContext(text: string, words: readonly Word[]): string {
  const all = wordsIn(text, 0, text.length);
  const first = all.findIndex((w) => w.start === words[0]!.start);
  const last = all.findIndex((w) => w.end === words[words.length - 1]!.end);
  let from = Math.max(0, first - CONTEXT_WORDS);
  let to = Math.min(all.length - 1, last + CONTEXT_WORDS);
  // Function words at the edges ("expelled the") say nothing about the flagged words.
  const bare = (w: Word): boolean => CONTENT_STOPWORDS.has(w.text.toLowerCase());
  while (from < first && bare(all[from]!)) from++;
  while (to > last && bare(all[to]!)) to--;
  return `“${text.slice(all[from]!.start, all[to]!.end)}”`;
}

/** How evaluative the most evaluative word of a stretch is (0 when none is). */
function strongest(text: string): number {
  return Math.max(0, ...wordsIn(text, 0, text.length).filter((w) => !CONTENT_STOPWORDS.has(w.text.toLowerCase())).map((w) => evaluativeWeight(w.text)));
}

interface LoadedDifference {
  label: FramingLabel;
  spans: Omit<FlaggedSpan, 'kind'>[];
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
function labelLoaded(
  thisText: string,
  otherText: string,
  hunks: readonly DiffHunk[],
  sink: LabelSink,
  names: FramingSides,
): void {
  const { thisName, otherName } = names;
  const subjectiveFrom = names.neighbourSubjectiveFrom ?? NEIGHBOUR_SUBJECTIVE_FROM;
  const rivalStems = { this: read(otherText).stems, other: read(thisText).stems };
  // Words of names ("Justice Department", "Dick Cheney") and function words ("like") carry no
  // judgment whatever their lexicon score.
  const inName = (side: 'this' | 'other', w: Word): boolean =>
    read(side === 'this' ? thisText : otherText).names.some((n) => n.start <= w.start && w.end <= n.end);
  const loaded = (text: string, start: number, end: number, side: 'this' | 'other'): Word[] =>
    wordsIn(text, start, end).filter((w) => {
      if (CONTENT_STOPWORDS.has(w.text.toLowerCase()) || inName(side, w) || isEverydayWord(w.text)) return false;
      // Only an evaluative modifier or a word of the stance list is a word choice. A verb or noun
      // that AFINN rates only for its valence tells what happened ("victim", "prison",
      // "indicted"), in a swap ("prison" / "jailed") as much as in a rewritten clause. Modifiers
      // the lexicons do not rate count by their nearest rated neighbours ("dismal", "phony").
      const rated = loadedStrength(w.text) > 0 && isEvaluativeModifier(w.text);
      if (!rated && neighbourSubjectivity(w.text) < subjectiveFrom) return false;
      if (sink.covers(side, w.start, w.end)) return false;
      const stems = foldedWords(w.text).map(stemWord);
      if (stems.some((f) => rivalStems[side].has(f))) return false;
      // The rival article is read only for a word that is loaded otherwise (rare).
      return !names.rivalArticleUses(side, stems);
    });
  const quoted = { this: quotedRanges(thisText), other: quotedRanges(otherText) };
  const inQuote = (side: 'this' | 'other', at: number): boolean => quoted[side].some(([s, e]) => s < at && at < e);
  const differences: LoadedDifference[] = [];
  for (const hunk of hunks) {
    // Two renderings of one quotation ("won't abandon" / "would not refuse", often two
    // translations) differ in the speaker's words, not in the outlets' choice of words.
    if (inQuote('this', hunk.thisStart) && inQuote('other', hunk.otherStart)) continue;
    const mine = loaded(thisText, hunk.thisStart, hunk.thisEnd, 'this');
    const theirs = loaded(otherText, hunk.otherStart, hunk.otherEnd, 'other');
    if (mine.length === 0 && theirs.length === 0) continue;
    const side = mine.length > 0 && theirs.length > 0 ? 'both' : mine.length > 0 ? 'this' : 'other';
    const top = (words: readonly Word[]): number => Math.max(0, ...words.map((w) => evaluativeWeight(w.text)));
    // Ranked by how much more evaluative one side's wording is than the other's there, then by
    // the strength of the flagged words.
    const margin = Math.abs(strongest(hunk.thisText) - strongest(hunk.otherText)) * 10 + Math.max(top(mine), top(theirs));
    const short = (rival: string): boolean => foldedWords(rival).length <= LOADED_RIVAL_MAX_WORDS;
    const describe = (text: string, words: readonly Word[], own: string, rival: string, rivalName: string, articleWide: boolean): string => {
      // A short swap quotes the rival wording ("'slammed' where NBC News has 'criticized'"); a
      // rewritten clause (on either side: "uproar among liberals about the tax deal" for
      // "wealthy" is no swap) quotes the word in its own context instead.
      if (rival === '') return `${phraseList(text, words)} (${inContext(text, words)}) where ${rivalName} has nothing`;
      if (short(rival) && short(own)) return `${phraseList(text, words)} where ${rivalName} has ${quote(rival)}`;
      const what = words.length > 1 ? 'words' : 'a word';
      return `${phraseList(text, words)} (${inContext(text, words)}), ${articleWide ? `${what} ${rivalName} does not use` : `${what} ${rivalName}'s version lacks`}`;
    };
    let note: string;
    if (side === 'both' && short(hunk.thisText) && short(hunk.otherText)) {
      note = `${thisName} has ${quote(hunk.thisText)} where ${otherName} has ${quote(hunk.otherText)}`;
    } else {
      // Words inside a quotation are the speaker's: the outlet chose to quote them.
      const uses = (side: 'this' | 'other', words: readonly Word[]): string => (words.every((w) => inQuote(side, w.start)) ? 'quotes' : 'uses');
      const parts: string[] = [];
      if (mine.length > 0) parts.push(`${thisName} ${uses('this', mine)} ${describe(thisText, mine, hunk.thisText, hunk.otherText, otherName, names.rivalArticle.this)}`);
      if (theirs.length > 0) parts.push(`${otherName} ${uses('other', theirs)} ${describe(otherText, theirs, hunk.otherText, hunk.thisText, thisName, names.rivalArticle.other)}`);
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
  for (const d of differences) sink.add(d.label, d.spans);
}

function labelQuantities(thisText: string, otherText: string, sink: LabelSink, thisName: string, otherName: string): void {
  for (const conflict of quantityConflicts(read(thisText).quantities, read(otherText).quantities)) {
    sink.add(
      {
        kind: conflict.kind,
        side: 'both',
        thisText: conflict.a.phrase,
        otherText: conflict.b.phrase,
        note: `${thisName} says ${quote(conflict.a.phrase)}; ${otherName} says ${quote(conflict.b.phrase)}`,
      },
      [
        { side: 'this', start: conflict.a.start, end: conflict.a.start + conflict.a.phrase.length },
        { side: 'other', start: conflict.b.start, end: conflict.b.start + conflict.b.phrase.length },
      ],
    );
  }
}

/** A changed stretch of at most this many words on each side can swap one name for another. */
const NAME_SWAP_MAX_WORDS = 4;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function labelNames(thisText: string, otherText: string, hunks: readonly DiffHunk[], sink: LabelSink, thisName: string, otherName: string): void {
  const allMine = read(thisText).names;
  const allTheirs = read(otherText).names;
  const matched = matchNames(allMine, allTheirs);
  const mineMatched = new Set(matched.map(([i]) => i));
  const theirsMatched = new Set(matched.map(([, j]) => j));
  for (const hunk of hunks) {
    // A name swapped for another in the same place: "Peskov said" / "Ushakov said". Longer
    // rewordings name different people for other reasons, not in disagreement.
    if (wordCount(hunk.thisText) > NAME_SWAP_MAX_WORDS || wordCount(hunk.otherText) > NAME_SWAP_MAX_WORDS) continue;
    const mine = allMine.filter((n, i) => !mineMatched.has(i) && n.start >= hunk.thisStart && n.end <= hunk.thisEnd);
    const theirs = allTheirs.filter((n, j) => !theirsMatched.has(j) && n.start >= hunk.otherStart && n.end <= hunk.otherEnd);
    if (mine.length === 0 || theirs.length === 0) continue;
    const a = mine.map((n) => n.text).join(', ');
    const b = theirs.map((n) => n.text).join(', ');
    sink.add(
      { kind: 'name', side: 'both', thisText: a, otherText: b, note: `${thisName} names ${a} where ${otherName} names ${b}` },
      [
        ...mine.map((n) => ({ side: 'this' as const, start: n.start, end: n.end })),
        ...theirs.map((n) => ({ side: 'other' as const, start: n.start, end: n.end })),
      ],
    );
  }
}

/** A stretch without the function words and punctuation at its edges ("and closed consulates ..." → "closed consulates ..."). */
function core(text: string): string {
  const words = wordsIn(text, 0, text.length).filter((w) => !CONTENT_STOPWORDS.has(w.text.toLowerCase()));
  return words.length === 0 ? text : text.slice(words[0]!.start, words[words.length - 1]!.end);
}

/**
 * What an addition adds: its stretch without the words at its edges that the rival stretch has
 * too. A diff may pair "I hope" with "If everything goes well, I hope that"; the addition is
 * "everything goes well", not "everything goes well, I hope".
 */
function added(text: string, rival: string): string {
  const shared = new Set(foldedWords(rival));
  const sharedWord = (w: Word): boolean => foldedWords(w.text).every((f) => shared.has(f));
  // NLTK's function words only: the longer content list holds "well", "goes", which an
  // addition may need ("everything goes well").
  const functionWord = (w: Word): boolean => SEED_STOPWORDS.has(w.text.toLowerCase());
  const words = wordsIn(text, 0, text.length);
  let first = 0;
  let last = words.length - 1;
  for (;;) {
    while (first <= last && functionWord(words[first]!)) first++;
    if (first > last || !sharedWord(words[first]!)) break;
    first++;
  }
  for (;;) {
    while (last >= first && functionWord(words[last]!)) last--;
    if (last < first || !sharedWord(words[last]!)) break;
    last--;
  }
  return first > last ? core(text) : text.slice(words[first]!.start, words[last]!.end);
}

function labelAdditions(thisText: string, otherText: string, hunks: readonly DiffHunk[], sink: LabelSink, thisName: string, otherName: string): void {
  // Content words of a stretch that no other label already explains.
  const unexplained = (text: string, start: number, end: number, side: 'this' | 'other'): number =>
    wordsIn(text, start, end).filter((w) => contentWordCount(w.text) > 0 && !sink.explains(side, w.start, w.end)).length;
  for (const hunk of hunks) {
    const mineCount = contentWordCount(hunk.thisText);
    const theirCount = contentWordCount(hunk.otherText);
    if (theirCount <= 1 && unexplained(thisText, hunk.thisStart, hunk.thisEnd, 'this') >= ADDITION_MIN_CONTENT_WORDS) {
      sink.add(
        { kind: 'addition', side: 'this', thisText: hunk.thisText, otherText: hunk.otherText, note: `${thisName} adds ${quote(added(hunk.thisText, hunk.otherText))}` },
        [{ side: 'this', start: hunk.thisStart, end: hunk.thisEnd }],
      );
    } else if (mineCount <= 1 && unexplained(otherText, hunk.otherStart, hunk.otherEnd, 'other') >= ADDITION_MIN_CONTENT_WORDS) {
      sink.add(
        { kind: 'addition', side: 'other', thisText: hunk.thisText, otherText: hunk.otherText, note: `${otherName} adds ${quote(added(hunk.otherText, hunk.thisText))}` },
        [{ side: 'other', start: hunk.otherStart, end: hunk.otherEnd }],
      );
    }
  }
}

/**
 * Compares how two sentences that report one fact word it. `thisText` is the reader's
 * article; `otherText` another outlet's sentence. A pair compared before answers from memory
 * (framing-memo.ts): one sentence often aligns with copies of another in several sources.
 */
export function compareFraming(thisText: string, otherText: string, options: FramingOptions = {}): FramingComparison {
  return rememberedFraming(thisText, otherText, options, labelPair);
}

/**
 * compareFraming's work. Of the articles it knows only what `sides` tells (whether each side's
 * rival article is known, and whether it uses some stems): framing-memo.ts reuses a result for
 * any articles that answer its questions alike, so the articles must reach the labels this way.
 */
function labelPair(thisText: string, otherText: string, sides: FramingSides): FramingComparison {
  const { thisName, otherName } = sides;
  const diff = diffWording(thisText, otherText);
  const hunks = diffHunks(thisText, otherText, diff);
  const sink = new LabelSink();
  if (hunks.length > 0) {
    labelQuantities(thisText, otherText, sink, thisName, otherName);
    labelNames(thisText, otherText, hunks, sink, thisName, otherName);
    labelAttribution(thisText, otherText, sink, thisName, otherName);
    labelCertainty(thisText, otherText, hunks, sink, thisName, otherName);
    labelLoaded(thisText, otherText, hunks, sink, sides);
    labelAdditions(thisText, otherText, hunks, sink, thisName, otherName);
  }
  return { diff, labels: sink.labels, flagged: sink.flagged };
}
