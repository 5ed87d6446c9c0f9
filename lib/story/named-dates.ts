// Time from what a text says when it has no publication date. An article cannot report a day
// that has not come yet (scheduled events aside), so the latest day it names is a lower bound
// of its own date: a page naming "July 16, 2018" is at least 105 days later than an article
// published on April 2, 2018, whatever its missing date. Only days and months with their year
// count; a year alone is as often a plan ("by 2030") as a report.
import type { Corpus } from '../corpus/corpus.ts';
import { dayFromIso } from '../corpus/data.ts';
import { ArticleCache } from '../corpus/term-vector.ts';

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

/**
 * Per corpus, the articles' days read so far, as many as the term vectors keep: a background that
 * stays up reads candidates of page after page, and an unbounded map would grow with each.
 */
const cache = new WeakMap<Corpus, ArticleCache<number | null>>();

/** latestNamedDay of a corpus article, from its stored fact keys (kept per corpus). */
export function articleLatestNamedDay(corpus: Corpus, article: number): number | null {
  let days = cache.get(corpus);
  if (days === undefined) cache.set(corpus, (days = new ArticleCache<number | null>((a) => latestNamedDay(Array.from(corpus.facts(a), (id) => corpus.termText(id))))));
  return days.get(article);
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
