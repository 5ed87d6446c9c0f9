// Time from what a text says when it has no publication date. An article cannot report a day
// that has not come yet (scheduled events aside), so the latest day it names is a lower bound
// of its own date: a page naming "July 16, 2018" is at least 105 days later than an article
// published on April 2, 2018, whatever its missing date. Only days and months with their year
// count; a year alone is as often a plan ("by 2030") as a report.
import type { Corpus } from '../corpus/corpus.ts';
import { dayFromIso } from '../corpus/data.ts';

const NAMED_DAY = /^d:(\d{4})-(\d\d)(?:-(\d\d))?$/;

/** The latest day among fact keys ("d:2018-07-16", "d:2018-07" as its first day); null without one. */
export function latestNamedDay(factKeys: Iterable<string>): number | null {
  let latest: number | null = null;
  for (const key of factKeys) {
    const m = NAMED_DAY.exec(key);
    if (m === null) continue;
    const day = dayFromIso(`${m[1]}-${m[2]}-${m[3] ?? '01'}`);
    if (Number.isNaN(day)) continue;
    if (latest === null || day > latest) latest = day;
  }
  return latest;
}

/** The days of the month a text names ("03-20" for "March 20" or "20 March 2018"), its year aside. */
export function namedMonthDays(factKeys: Iterable<string>): Set<string> {
  const days = new Set<string>();
  for (const key of factKeys) {
    const m = /^d:(?:\d{4}-)?(\d\d-\d\d)$/.exec(key);
    if (m !== null) days.add(m[1]!);
  }
  return days;
}

/**
 * Both texts name days of the month and share none: each reports its own occasion ("on March
 * 20" / "on July 16"). 1 or 0; 0 when either names no day.
 */
export function namedDaysDiffer(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  for (const d of a) if (b.has(d)) return 0;
  return 1;
}

interface ArticleDates {
  latest: number | null;
  monthDays: Set<string>;
}
const cache = new WeakMap<Corpus, Map<number, ArticleDates>>();

/** The days a corpus article names, from its stored fact keys (kept per corpus). */
export function articleNamedDates(corpus: Corpus, article: number): ArticleDates {
  let byArticle = cache.get(corpus);
  if (byArticle === undefined) cache.set(corpus, (byArticle = new Map()));
  let dates = byArticle.get(article);
  if (dates === undefined) {
    const keys = Array.from(corpus.facts(article), (id) => corpus.termText(id));
    dates = { latest: latestNamedDay(keys), monthDays: namedMonthDays(keys) };
    byArticle.set(article, dates);
  }
  return dates;
}

/** latestNamedDay of a corpus article. */
export function articleLatestNamedDay(corpus: Corpus, article: number): number | null {
  return articleNamedDates(corpus, article).latest;
}

/**
 * Days apart, at least, between an article with a publication day and one without, from the
 * latest day the undated one names: positive only when it names a day after the other's date.
 * Null when nothing is known (its named days, if any, are no later than the dated one).
 */
export function daysApartAtLeast(datedDay: number, undatedLatestNamed: number | null): number | null {
  if (undatedLatestNamed === null || undatedLatestNamed <= datedDay) return null;
  return undatedLatestNamed - datedDay;
}
