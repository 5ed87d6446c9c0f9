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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2018-04-02" → "2 Apr 2018"; anything else is returned unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "2 Apr 2018", "2 Apr – 4 May 2018", "2 Apr 2018 – 3 Jan 2019", or null without dates. */
export function formatDateRange(first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  if (!first || !last || first === last) return formatDate((first ?? last)!);
  const a = formatDate(first);
  const b = formatDate(last);
  if (first.slice(0, 4) === last.slice(0, 4)) return `${a.replace(/ \d{4}$/, '')} – ${b}`;
  return `${a} – ${b}`;
}

/** The name to show for an outlet the corpus does not name. */
export function outletName(outlet: string | null | undefined): string {
  return outlet && outlet.trim() ? outlet : 'Unnamed outlet';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
