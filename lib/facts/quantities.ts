// Numbers and dates carry the checkable part of a fact. Two outlets reporting the same event
// with different figures ("60 diplomats" / "more than 150 Russian diplomats") is a conflict to
// show, so each quantity keeps the words around it that say what it counts.
import { CONTENT_STOPWORDS, stemWord, tokenize, type Token } from '../text/index.ts';

export interface Quantity {
  kind: 'number' | 'date';
  /** Canonical value: "60", "1500000", "03-20", "weekday:monday", "year:2007", "month:11". */
  value: string;
  /** The wording as written, with its qualifier ("more than 150"). */
  text: string;
  start: number;
  end: number;
  /** Stems of the words right after a number ("diplomats" → "diplomat"): what it counts. */
  unit: string[];
  /** The quantity with what it counts, as written ("more than 150 Russian diplomats"). */
  phrase: string;
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Words before a number that qualify it ("more than 150"): part of what an outlet reports. */
const QUALIFIER = /(?:(?:more|fewer|less|greater) than|at least|at most|up to|nearly|almost|about|around|roughly|approximately|some|over|under|only|just)\s+(?:\$|€|£)?$/i;

/**
 * What a number counts: stems of the noun phrase right after it, up to three words, ending at
 * punctuation or at the first function word once a content word was seen ("60 diplomats on
 * Monday" counts diplomats). Returns the stems and where the phrase ends.
 */
function unitAfter(text: string, end: number): { unit: string[]; end: number } {
  const rest = text.slice(end, end + 60);
  const unit: string[] = [];
  let phraseEnd = end;
  for (const m of rest.matchAll(/[\p{L}%][\p{L}'-]*|[,.;:!?()"“”]/gu)) {
    const word = m[0].toLowerCase();
    if (/^[,.;:!?()"“”]$/.test(word)) break;
    if (word === '%' || word === 'percent' || word === 'per') {
      unit.push('percent');
      phraseEnd = end + m.index + m[0].length;
      break;
    }
    if (CONTENT_STOPWORDS.has(word) || MONTHS.includes(word) || WEEKDAYS.includes(word)) {
      if (unit.length > 0 || word === 'and' || word === 'or') break;
      continue;
    }
    // Verbs end the noun phrase ("60 diplomats seemed"); a plural noun is its head.
    if (unit.length > 0 && /(?:ed|ing)$/.test(word)) break;
    unit.push(stemWord(word));
    phraseEnd = end + m.index + m[0].length;
    if (unit.length === 3 || (word.length > 3 && /[^s]s$/.test(word))) break;
  }
  return { unit, end: phraseEnd };
}

/** The date value a quantity compares on: "03-20" for a day (its year aside), "year:2007"… */
function dateValue(norm: string): string {
  if (WEEKDAYS.includes(norm)) return `weekday:${norm}`;
  let m = /^\d{4}-(\d\d-\d\d)$/.exec(norm);
  if (m !== null) return m[1]!;
  if (/^\d\d-\d\d$/.test(norm)) return norm;
  m = /^\d{4}-(\d\d)$/.exec(norm);
  if (m !== null) return `month:${m[1]}`;
  if (/^\d{4}$/.test(norm)) return `year:${norm}`;
  return `month:${norm}`;
}

/**
 * Dates (day, weekday, month, year) and counted numbers of a sentence, in text order, from the
 * number and date tokens of lib/text, with the qualifier before a number and what it counts.
 */
export function extractQuantities(text: string, tokens: readonly Token[] = tokenize(text)): Quantity[] {
  const found: Quantity[] = [];
  for (const token of tokens) {
    if (token.kind === 'date') {
      found.push({ kind: 'date', value: dateValue(token.norm), text: token.text, start: token.start, end: token.end, unit: [], phrase: token.text });
      // "March 20, 2018" is also a year the other side may give alone.
      const year = /^(\d{4})-\d\d-\d\d$/.exec(token.norm);
      if (year !== null) found.push({ kind: 'date', value: `year:${year[1]}`, text: token.text, start: token.start, end: token.end, unit: [], phrase: token.text });
      continue;
    }
    if (token.kind !== 'number') continue;
    // "one" as a pronoun ("one of the", "the one who") counts nothing; nor does a small number
    // word that refers back to things already named ("the two leaders", "both of the three").
    if (/^one$/i.test(token.text) && /^\s+(?:of|another|who|that)\b/i.test(text.slice(token.end))) continue;
    if (/^\p{L}+$/u.test(token.text) && (token.value ?? 0) <= 10 && /\b(?:the|these|those|their|its|his|her|our|all)\s+$/i.test(text.slice(Math.max(0, token.start - 8), token.start))) continue;
    const qualifier = QUALIFIER.exec(text.slice(Math.max(0, token.start - 24), token.start));
    const currency = /[$€£]$/.test(text.slice(0, token.start)) ? 1 : 0;
    const start = token.start - (qualifier?.[0].length ?? currency);
    const after = token.text.endsWith('%') ? { unit: ['percent'], end: token.end } : unitAfter(text, token.end);
    found.push({
      kind: 'number',
      value: token.norm,
      text: text.slice(start, token.end),
      start,
      end: token.end,
      unit: after.unit,
      phrase: text.slice(start, after.end).trim(),
    });
  }
  return found;
}

/** Two numbers count the same thing when the words after them share a stem. */
export function sameUnit(a: Quantity, b: Quantity): boolean {
  if (a.unit.length === 0 || b.unit.length === 0) return false;
  return a.unit.some((u) => b.unit.includes(u));
}

export type DateGranularity = 'day' | 'weekday' | 'year' | 'month';

export function dateGranularity(q: Quantity): DateGranularity {
  if (q.value.startsWith('weekday:')) return 'weekday';
  if (q.value.startsWith('year:')) return 'year';
  if (q.value.startsWith('month:')) return 'month';
  return 'day';
}

export interface QuantityConflict {
  kind: 'number' | 'date';
  a: Quantity;
  b: Quantity;
}

/**
 * Disagreements between two reports of one fact: numbers counting the same thing with
 * different values, and dates of the same granularity that share nothing.
 */
export function quantityConflicts(a: readonly Quantity[], b: readonly Quantity[]): QuantityConflict[] {
  const conflicts: QuantityConflict[] = [];
  const aNumbers = a.filter((q) => q.kind === 'number');
  const bNumbers = b.filter((q) => q.kind === 'number');
  for (const x of aNumbers) {
    if (bNumbers.some((y) => y.value === x.value)) continue;
    const rival = bNumbers.find((y) => sameUnit(x, y) && !aNumbers.some((z) => z.value === y.value));
    if (rival !== undefined) conflicts.push({ kind: 'number', a: x, b: rival });
  }
  const aDates = a.filter((q) => q.kind === 'date');
  const bDates = b.filter((q) => q.kind === 'date');
  for (const granularity of ['day', 'year'] as const) {
    const xs = aDates.filter((q) => dateGranularity(q) === granularity);
    const ys = bDates.filter((q) => dateGranularity(q) === granularity);
    if (xs.length === 0 || ys.length === 0) continue;
    if (xs.some((x) => ys.some((y) => y.value === x.value))) continue;
    conflicts.push({ kind: 'date', a: xs[0]!, b: ys[0]! });
  }
  return conflicts;
}
