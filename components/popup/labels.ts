// Words the popup shows for the engine's codes: readers see "Hedging", never "hedging".
import type { AlignmentReason, FramingLabelKind } from '@/lib/result';

export const FRAMING_LABEL_NAMES: Readonly<Record<FramingLabelKind, string>> = {
  attribution: 'Attribution',
  hedging: 'Hedging',
  loaded: 'Loaded words',
  number: 'Numbers differ',
  date: 'Dates differ',
  name: 'Names differ',
  addition: 'Adds detail',
};

export const FRAMING_LABEL_HINTS: Readonly<Record<FramingLabelKind, string>> = {
  attribution: 'Who is said to have said it, and how',
  hedging: 'How certain the wording is',
  loaded: 'Evaluative words one outlet uses',
  number: 'The outlets give different numbers',
  date: 'The outlets give different dates',
  name: 'The outlets name different people or places',
  addition: 'One version adds a clause or context',
};

export const REASON_NAMES: Readonly<Record<AlignmentReason, string>> = {
  names: 'same names',
  numbers: 'same numbers',
  quote: 'same quotation',
  words: 'same wording',
  reuse: 'reused text',
};

/** Kinds that mean the outlets disagree on a fact, shown as conflicts. */
export const CONFLICT_KINDS: ReadonlySet<FramingLabelKind> = new Set(['number', 'date', 'name']);

/** The name to show for an outlet the corpus does not name. */
export function outletName(outlet: string | null | undefined): string {
  return outlet && outlet.trim() ? outlet : 'Unnamed outlet';
}

export { formatDate, formatDateRange, plural } from '@/components/shared/format';
