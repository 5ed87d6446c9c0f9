// Words the popup shows for the engine's codes: readers see "Hedging", never "hedging".
import type { AlignmentReason, FramingLabelKind } from '@/lib/result';

export { FRAMING_LABEL_HINTS, FRAMING_LABEL_NAMES, outletName } from '@/components/shared/framing-words';

export const REASON_NAMES: Readonly<Record<AlignmentReason, string>> = {
  names: 'same names',
  numbers: 'same numbers',
  quote: 'same quotation',
  words: 'same wording',
  reuse: 'reused text',
};

/** Kinds that mean the outlets disagree on a fact, shown as conflicts. */
export const CONFLICT_KINDS: ReadonlySet<FramingLabelKind> = new Set(['number', 'date', 'name']);


export { formatDate, formatDateRange, plural } from '@/components/shared/format';
