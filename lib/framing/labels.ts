// Labels what differs between two reports of one fact: attribution, hedging, loaded words,
// disagreeing numbers/dates/names, and what one side adds. Each label also marks the words it
// is about (character ranges), so pages can highlight them and evaluations can score them.
import type { DiffPart, FramingLabel, FramingLabelKind } from '../result.ts';
import { foldedWords, stemWord } from '../text/normalize.ts';
import { CONTENT_STOPWORDS } from '../text/stopwords.ts';
import { extractNames, matchNames, type NameMention } from '../facts/names.ts';
import { extractQuantities, quantityConflicts, type Quantity } from '../facts/quantities.ts';
import { sentenceTokens } from '../facts/features.ts';
import { findAttributions, type Attribution } from './attribution.ts';
import { diffHunks, diffWording, type DiffHunk } from './diff.ts';
import { BOOSTERS, HEDGES, isStanceVerb, loadedStrength } from './lexicon.ts';

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

export interface FramingNames {
  /** How notes name this article's side ("this article"). */
  thisName?: string;
  /** How notes name the other side, usually its outlet ("NBC News"). */
  otherName?: string | null;
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
  const tokens = sentenceTokens(text);
  const names = extractNames(text, tokens);
  reading = {
    attributions: findAttributions(text, names),
    quantities: extractQuantities(text, tokens),
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
  add(label: FramingLabel, spans: Omit<FlaggedSpan, 'kind'>[]): void {
    this.labels.push({ ...label, note: label.note.charAt(0).toUpperCase() + label.note.slice(1) });
    for (const span of spans) if (span.end > span.start) this.flagged.push({ kind: label.kind, ...span });
  }
  covers(side: 'this' | 'other', start: number, end: number): boolean {
    return this.flagged.some((f) => f.side === side && f.start < end && f.end > start);
  }
}

function attributionKey(a: Attribution): string {
  return a.verb.toLowerCase().replace(/\s+/g, ' ');
}

function labelAttribution(thisText: string, otherText: string, sink: LabelSink, thisName: string, otherName: string): void {
  const mine = read(thisText).attributions;
  const theirs = read(otherText).attributions;
  const theirKeys = new Set(theirs.map(attributionKey));
  const myKeys = new Set(mine.map(attributionKey));
  const onlyMine = mine.filter((a) => !theirKeys.has(attributionKey(a)));
  const onlyTheirs = theirs.filter((a) => !myKeys.has(attributionKey(a)));
  if (onlyMine.length === 0 && onlyTheirs.length === 0) return;
  // "Dmitri S. Peskov ('discounted', 'saying')": one mention per speaker.
  const describe = (list: Attribution[]): string => {
    const bySpeaker = new Map<string | null, string[]>();
    for (const a of list) bySpeaker.set(a.speaker, [...(bySpeaker.get(a.speaker) ?? []), quote(a.verb)]);
    return [...bySpeaker].map(([speaker, verbs]) => (speaker === null ? verbs.join(', ') : `${speaker} (${verbs.join(', ')})`)).join(', ');
  };
  // Words flagged: stance-taking verbs only; "said" against "told CNN" is labelled, but
  // neither word carries a judgment to highlight.
  const stance = (a: Attribution): boolean => isStanceVerb(a.verb.split(/\s+/)[0]!);
  const spans = [
    ...onlyMine.filter(stance).map((a) => ({ side: 'this' as const, start: a.start, end: a.start + a.verb.split(/\s+/)[0]!.length })),
    ...onlyTheirs.filter(stance).map((a) => ({ side: 'other' as const, start: a.start, end: a.start + a.verb.split(/\s+/)[0]!.length })),
  ];
  if (onlyMine.length > 0 && onlyTheirs.length > 0) {
    sink.add(
      {
        kind: 'attribution',
        side: 'both',
        thisText: onlyMine.map((a) => a.verb).join(', '),
        otherText: onlyTheirs.map((a) => a.verb).join(', '),
        note: `${thisName} attributes this to ${describe(onlyMine)}; ${otherName} to ${describe(onlyTheirs)}`,
      },
      spans,
    );
  } else if (onlyMine.length > 0) {
    sink.add(
      {
        kind: 'attribution',
        side: 'this',
        thisText: onlyMine.map((a) => a.verb).join(', '),
        otherText: '',
        note: `${thisName} attributes this to ${describe(onlyMine)}; ${otherName} does not`,
      },
      spans,
    );
  } else {
    sink.add(
      {
        kind: 'attribution',
        side: 'other',
        thisText: '',
        otherText: onlyTheirs.map((a) => a.verb).join(', '),
        note: `${otherName} attributes this to ${describe(onlyTheirs)}`,
      },
      spans,
    );
  }
}

function labelCertainty(thisText: string, otherText: string, sink: LabelSink, thisName: string, otherName: string): void {
  for (const [kind, what] of [
    ['hedges', 'hedges'],
    ['boosters', 'asserts certainty'],
  ] as const) {
    const mine = read(thisText)[kind].filter((p) => !sink.covers('this', p.start, p.end));
    const theirs = read(otherText)[kind].filter((p) => !sink.covers('other', p.start, p.end));
    const theirKeys = new Set(theirs.map((p) => p.key));
    const myKeys = new Set(mine.map((p) => p.key));
    const onlyMine = mine.filter((p) => !theirKeys.has(p.key));
    const onlyTheirs = theirs.filter((p) => !myKeys.has(p.key));
    if (onlyMine.length === 0 && onlyTheirs.length === 0) continue;
    const side = onlyMine.length > 0 && onlyTheirs.length > 0 ? 'both' : onlyMine.length > 0 ? 'this' : 'other';
    const thisWords = onlyMine.map((p) => p.text).join(', ');
    const otherWords = onlyTheirs.map((p) => p.text).join(', ');
    const notes: string[] = [];
    if (thisWords !== '') notes.push(`${thisName} ${what} (${quote(thisWords)})`);
    if (otherWords !== '') notes.push(`${otherName} ${what} (${quote(otherWords)})`);
    sink.add(
      { kind: 'hedging', side, thisText: thisWords, otherText: otherWords, note: notes.join('; ') },
      [
        ...onlyMine.map((p) => ({ side: 'this' as const, start: p.start, end: p.end })),
        ...onlyTheirs.map((p) => ({ side: 'other' as const, start: p.start, end: p.end })),
      ],
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

function labelLoaded(thisText: string, otherText: string, hunks: readonly DiffHunk[], sink: LabelSink, thisName: string, otherName: string): void {
  const thisStems = read(thisText).stems;
  const otherStems = read(otherText).stems;
  // Words of names ("Justice Department", "Dick Cheney") and function words ("like") carry no
  // judgment whatever their lexicon score.
  const inName = (side: 'this' | 'other', w: Word): boolean =>
    read(side === 'this' ? thisText : otherText).names.some((n) => n.start <= w.start && w.end <= n.end);
  for (const hunk of hunks) {
    const loaded = (text: string, start: number, end: number, side: 'this' | 'other', rivalStems: Set<string>): Word[] =>
      wordsIn(text, start, end).filter(
        (w) =>
          loadedStrength(w.text) > 0 &&
          !CONTENT_STOPWORDS.has(w.text.toLowerCase()) &&
          !inName(side, w) &&
          !sink.covers(side, w.start, w.end) &&
          !foldedWords(w.text).some((f) => rivalStems.has(stemWord(f))),
      );
    const mine = loaded(thisText, hunk.thisStart, hunk.thisEnd, 'this', otherStems);
    const theirs = loaded(otherText, hunk.otherStart, hunk.otherEnd, 'other', thisStems);
    if (mine.length === 0 && theirs.length === 0) continue;
    const side = mine.length > 0 && theirs.length > 0 ? 'both' : mine.length > 0 ? 'this' : 'other';
    // The rival wording is worth quoting when it is a short swap ("slammed" for "criticized");
    // a rewritten clause is in the diff already and would bury the words the label is about.
    const instead = (text: string, name: string): string =>
      text === '' ? ` where ${name} has nothing` : foldedWords(text).length <= LOADED_RIVAL_MAX_WORDS ? ` where ${name} has ${quote(text)}` : '';
    const note =
      side === 'other'
        ? `${otherName} uses ${phraseList(otherText, theirs)}${instead(hunk.thisText, thisName)}`
        : `${thisName} uses ${phraseList(thisText, mine)}${instead(hunk.otherText, otherName)}`;
    sink.add(
      { kind: 'loaded', side, thisText: hunk.thisText, otherText: hunk.otherText, note },
      [
        ...mine.map((w) => ({ side: 'this' as const, start: w.start, end: w.end })),
        ...theirs.map((w) => ({ side: 'other' as const, start: w.start, end: w.end })),
      ],
    );
  }
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

function labelAdditions(thisText: string, otherText: string, hunks: readonly DiffHunk[], sink: LabelSink, thisName: string, otherName: string): void {
  // Content words of a stretch that no other label already explains.
  const unexplained = (text: string, start: number, end: number, side: 'this' | 'other'): number =>
    wordsIn(text, start, end).filter((w) => contentWordCount(w.text) > 0 && !sink.covers(side, w.start, w.end)).length;
  for (const hunk of hunks) {
    const mineCount = contentWordCount(hunk.thisText);
    const theirCount = contentWordCount(hunk.otherText);
    if (theirCount <= 1 && unexplained(thisText, hunk.thisStart, hunk.thisEnd, 'this') >= ADDITION_MIN_CONTENT_WORDS) {
      sink.add(
        { kind: 'addition', side: 'this', thisText: hunk.thisText, otherText: hunk.otherText, note: `${thisName} adds ${quote(hunk.thisText)}` },
        [{ side: 'this', start: hunk.thisStart, end: hunk.thisEnd }],
      );
    } else if (mineCount <= 1 && unexplained(otherText, hunk.otherStart, hunk.otherEnd, 'other') >= ADDITION_MIN_CONTENT_WORDS) {
      sink.add(
        { kind: 'addition', side: 'other', thisText: hunk.thisText, otherText: hunk.otherText, note: `${otherName} adds ${quote(hunk.otherText)}` },
        [{ side: 'other', start: hunk.otherStart, end: hunk.otherEnd }],
      );
    }
  }
}

/**
 * Compares how two sentences that report one fact word it. `thisText` is the reader's
 * article; `otherText` another outlet's sentence.
 */
export function compareFraming(thisText: string, otherText: string, names: FramingNames = {}): FramingComparison {
  const thisName = names.thisName ?? 'this article';
  const otherName = names.otherName ?? 'the other report';
  const diff = diffWording(thisText, otherText);
  const hunks = diffHunks(thisText, otherText, diff);
  const sink = new LabelSink();
  if (hunks.length > 0) {
    labelQuantities(thisText, otherText, sink, thisName, otherName);
    labelNames(thisText, otherText, hunks, sink, thisName, otherName);
    labelAttribution(thisText, otherText, sink, thisName, otherName);
    labelCertainty(thisText, otherText, sink, thisName, otherName);
    labelLoaded(thisText, otherText, hunks, sink, thisName, otherName);
    labelAdditions(thisText, otherText, hunks, sink, thisName, otherName);
  }
  return { diff, labels: sink.labels, flagged: sink.flagged };
}
