// The words every view (popup, in-page tooltip, exports) uses for the engine's codes, so a
// label reads the same wherever a reader meets it.
import type { FramingLabelKind } from '@/lib/result';
import { withoutBidiControls } from './SourceText';

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

/**
 * The name to show for an outlet ("Unnamed outlet" where the corpus gives none), without bidi
 * controls: names come from feeds and imported files, and views put them in labels, tooltips and
 * lists where no <bdi> can isolate them (SourceText isolates them where they are shown as text).
 */
export function outletName(outlet: string | null | undefined): string {
  const name = outlet ? withoutBidiControls(outlet).trim() : '';
  return name || 'Unnamed outlet';
}
