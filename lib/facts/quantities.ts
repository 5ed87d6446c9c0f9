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
  /**
   * What the wording says of the value: 'over' ("more than 150", "150+", "at least 150"),
   * 'under' ("fewer than 150", "up to 150"), 'about' ("nearly 150", "some 150"); absent when exact.
   */
  bound?: 'over' | 'under' | 'about';
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Words before a number that qualify it ("more than 150"): part of what an outlet reports. */
const QUALIFIER = /(?:(?:more|fewer|less|greater) than|at least|at most|up to|nearly|almost|about|around|roughly|approximately|some|over|under|only|just)\s+(?:\$|€|£)?$/i;

/** Multipliers written as words: "two dozen" is 24, "three hundred" 300, "five million" 5,000,000. */
const MULTIPLIERS: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** How a qualifier bounds the value it precedes. */
function boundOf(qualifier: string | undefined): Quantity['bound'] {
  if (!qualifier) return undefined;
  const q = qualifier.toLowerCase();
  if (/^(?:more|greater) than|^at least|^over/.test(q)) return 'over';
  if (/^(?:fewer|less) than|^at most|^up to|^under/.test(q)) return 'under';
  if (/^(?:nearly|almost|about|around|roughly|approximately|some)/.test(q)) return 'about';
  return undefined;
}

/**
 * Number tokens with number words composed as a reader reads them: "two dozen" (24), "half a
 * dozen" (6), "a dozen" and "a hundred" (12, 100, the article part of the wording). Digits and
 * single number words come from lib/text already ("sixty" is 60, "forty-one" 41).
 */
function composedNumbers(text: string, tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const multiplier = next?.kind === 'number' ? MULTIPLIERS[next.text.toLowerCase()] : undefined;
    if (t.kind === 'number' && next && multiplier !== undefined && t.value !== undefined && t.value < multiplier && /^\s+$/.test(text.slice(t.end, next.start))) {
      const value = Math.round(t.value * multiplier);
      out.push({ ...t, text: text.slice(t.start, next.end), norm: String(value), end: next.end, value });
      i++;
      continue;
    }
    if (t.kind === 'number' && t.value !== undefined && MULTIPLIERS[t.text.toLowerCase()] !== undefined) {
      // "half a dozen", "a dozen", "a hundred": the words before say how many.
      const before = /(?:\b(half)\s+)?\b(an?)\s+$/i.exec(text.slice(Math.max(0, t.start - 12), t.start));
      if (before) {
        const value = before[1] ? t.value / 2 : t.value;
        const start = t.start - before[0].length;
        out.push({ ...t, text: text.slice(start, t.end), norm: String(value), start, value });
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

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
    // "150-plus diplomats": the plus bounds the number; diplomats are what it counts.
    if (unit.length === 0 && (word === 'plus' || word === '-plus')) continue;
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
  for (const token of composedNumbers(text, tokens)) {
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
    const plus = /^(?:\+|-?plus\b)/i.exec(text.slice(token.end, token.end + 5));
    const bound = plus ? 'over' : boundOf(qualifier?.[0]);
    found.push({
      kind: 'number',
      value: token.norm,
      text: text.slice(start, token.end),
      start,
      end: token.end,
      unit: after.unit,
      phrase: text.slice(start, Math.max(after.end, token.end + (plus?.[0].length ?? 0))).trim(),
      ...(bound ? { bound } : {}),
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

/** Share either way within which an approximate figure ("nearly 60", "about 150") agrees with another. */
const ABOUT_SHARE = 0.1;

/**
 * Whether two numbers can describe one count: equal values, or values the wording allows
 * ("more than 150" and 151 or "150+", "nearly 60" and 58). Exact differing values cannot.
 */
export function compatibleNumbers(a: Quantity, b: Quantity): boolean {
  // "more than 150" and "fewer than 150" name one value, yet no count is both.
  if (a.value === b.value) return !((a.bound === 'over' && b.bound === 'under') || (a.bound === 'under' && b.bound === 'over'));
  const x = Number(a.value);
  const y = Number(b.value);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const allows = (q: Quantity, v: number, other: Quantity): boolean => {
    const base = Number(q.value);
    if (q.bound === 'over') return v > base || (v === base && other.bound === 'over');
    if (q.bound === 'under') return v < base || (v === base && other.bound === 'under');
    if (q.bound === 'about') return Math.abs(v - base) <= ABOUT_SHARE * base;
    return false;
  };
  return allows(a, y, b) || allows(b, x, a);
}

/**
 * Disagreements between two reports of one fact: numbers counting the same thing with
 * values their wording cannot both allow, and dates of the same granularity that share nothing.
 */
export function quantityConflicts(a: readonly Quantity[], b: readonly Quantity[]): QuantityConflict[] {
  const conflicts: QuantityConflict[] = [];
  const aNumbers = a.filter((q) => q.kind === 'number');
  const bNumbers = b.filter((q) => q.kind === 'number');
  for (const x of aNumbers) {
    if (bNumbers.some((y) => compatibleNumbers(x, y))) continue;
    const rival = bNumbers.find((y) => sameUnit(x, y) && !aNumbers.some((z) => compatibleNumbers(z, y)));
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
