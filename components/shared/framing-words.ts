// The words every view (popup, in-page tooltip, exports) uses for the engine's codes, so a
// label reads the same wherever a reader meets it.
import type { FramingLabelKind } from '@/lib/result';

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

/** The name to show for an outlet the corpus does not name. */
export function outletName(outlet: string | null | undefined): string {
  return outlet && outlet.trim() ? outlet : 'Unnamed outlet';
}
