// Where the labels of one pair are collected, with the words each marks, and how notes quote
// the sentences.
import type { FramingLabel, FramingLabelKind } from '../result.ts';
import { CONTENT_STOPWORDS } from '../text/stopwords.ts';
import type { DiffHunk } from './diff.ts';
import { capitalised, type FramingSides } from './framing-memo.ts';
import type { SentenceReading, Word } from './sentence-reading.ts';

export type Side = 'this' | 'other';

/** Words a label is about, as a range of one of the two sentences. */
export interface FlaggedSpan {
  kind: FramingLabelKind;
  side: Side;
  start: number;
  end: number;
}

export type Span = Omit<FlaggedSpan, 'kind'>;

function overlaps(spans: readonly Span[], side: Side, start: number, end: number): boolean {
  for (const f of spans) if (f.side === side && f.start < end && f.end > start) return true;
  return false;
}

/** One pair being labelled: both sentences, what was read of each, their changed stretches, and the labels so far. */
export interface FramingPair {
  text: Record<Side, string>;
  reading: Record<Side, SentenceReading>;
  hunks: readonly DiffHunk[];
  sink: LabelSink;
  sides: FramingSides;
}

export class LabelSink {
  readonly labels: FramingLabel[] = [];
  readonly flagged: FlaggedSpan[] = [];
  /** Stretches a label reports without marking them as word choice (a source it names). */
  private readonly explained: Span[] = [];
  add(label: FramingLabel, spans: readonly Span[]): void {
    this.labels.push({ ...label, note: capitalised(label.note) });
    for (const span of spans) if (span.end > span.start) this.flagged.push({ kind: label.kind, ...span });
  }
  explain(side: Side, start: number, end: number): void {
    this.explained.push({ side, start, end });
  }
  /** Words some label already marks. */
  covers(side: Side, start: number, end: number): boolean {
    return overlaps(this.flagged, side, start, end);
  }
  /** Words some label already marks or reports. */
  explains(side: Side, start: number, end: number): boolean {
    return this.covers(side, start, end) || overlaps(this.explained, side, start, end);
  }
}

export function quote(text: string): string {
  return `'${text}'`;
}

/** Words either side of a flagged word quoted with it, so a note reads without the diff. */
const CONTEXT_WORDS = 2;

/** Flagged words as quoted phrases: neighbours (only spaces between) run together, others apart. */
export function phraseList(text: string, words: readonly Word[]): string {
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

/** Function words at the edges of a quoted context ("expelled the") say nothing about the flagged words. */
function bare(w: Word): boolean {
  return CONTENT_STOPWORDS.has(w.text.toLowerCase());
}

/** The flagged words with a few words around them, within the sentence ("the angry reaction to"); `all` are the sentence's words. */
export function inContext(text: string, all: readonly Word[], words: readonly Word[]): string {
  const first = all.findIndex((w) => w.start === words[0]!.start);
  const last = all.findIndex((w) => w.end === words[words.length - 1]!.end);
  let from = Math.max(0, first - CONTEXT_WORDS);
  let to = Math.min(all.length - 1, last + CONTEXT_WORDS);
  while (from < first && bare(all[from]!)) from++;
  while (to > last && bare(all[to]!)) to--;
  return `“${text.slice(all[from]!.start, all[to]!.end)}”`;
}
