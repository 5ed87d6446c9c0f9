// Labels what differs between two reports of one fact: attribution, hedging, loaded words,
// disagreeing numbers/dates/names, and what one side adds. Each label also marks the words it
// is about (character ranges), so pages can highlight them and evaluations can score them.
// Each kind of label has its file (label-*.ts); what they read of one sentence alone is read
// once per sentence (sentence-reading.ts), and only the comparison is made per pair.
import type { DiffPart, FramingLabel } from '../result.ts';
import { diffHunks, diffWording } from './diff.ts';
import { rememberedFraming, type FramingSides } from './framing-memo.ts';
import { labelAdditions } from './label-additions.ts';
import { labelAttribution } from './label-attribution.ts';
import { labelCertainty } from './label-certainty.ts';
import { labelNames, labelQuantities } from './label-disagreements.ts';
import { labelLoaded } from './label-loaded.ts';
import { LabelSink, type FlaggedSpan, type FramingPair } from './label-sink.ts';
import { readSentence } from './sentence-reading.ts';

export type { FlaggedSpan } from './label-sink.ts';

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

/**
 * Compares how two sentences that report one fact word it. `thisText` is the reader's
 * article; `otherText` another outlet's sentence. A pair compared before answers from memory
 * (framing-memo.ts): one sentence often aligns with copies of another in several sources.
 */
export function compareFraming(thisText: string, otherText: string, options: FramingOptions = {}): FramingComparison {
  // A word-for-word copy (a wire sentence reprinted; about half the pairs labelled on the growth
  // benchmark) differs nowhere: its diff is the sentence unchanged and no label can apply, which
  // is what the whole comparison would find after tokenising and diffing both sides.
  if (thisText === otherText) return { diff: thisText === '' ? [] : [{ value: thisText }], labels: [], flagged: [] };
  return rememberedFraming(thisText, otherText, options, labelPair);
}

/**
 * compareFraming's work. Of the articles it knows only what `sides` tells (whether each side's
 * rival article is known, and whether it uses some stems): framing-memo.ts reuses a result for
 * any articles that answer its questions alike, so the articles must reach the labels this way.
 */
function labelPair(thisText: string, otherText: string, sides: FramingSides): FramingComparison {
  const diff = diffWording(thisText, otherText);
  const hunks = diffHunks(thisText, otherText, diff);
  const sink = new LabelSink();
  if (hunks.length > 0) {
    const pair: FramingPair = {
      text: { this: thisText, other: otherText },
      reading: { this: readSentence(thisText), other: readSentence(otherText) },
      hunks,
      sink,
      sides,
    };
    // In this order: a label sees the words the earlier ones marked or reported.
    labelQuantities(pair);
    labelNames(pair);
    labelAttribution(pair);
    labelCertainty(pair);
    labelLoaded(pair);
    labelAdditions(pair);
  }
  return { diff, labels: sink.labels, flagged: sink.flagged };
}
