// The simulated reader of the growth benchmark: the first 30 outlets of the first-run page's
// starter selection followed, 1,500 articles a day from their feeds (real sentences, bench/lib/
// synthetic.ts), refreshed on a schedule; and the pages the reader then opens.
import { DIRECTORY, starterSelection } from '../../lib/outlets/index.ts';
import type { ArticleInput } from '../../lib/result.ts';
import { mulberry32, syntheticFeedDay, type FeedDayArticle, type FollowedOutlet, type SentenceSources } from './synthetic.ts';

export const FOLLOWED_OUTLETS = 30;
/** The simulated month starts here (any fixed day: only the order of days matters). */
export const FIRST_DAY = '2026-01-01';

export function followedOutlets(count = FOLLOWED_OUTLETS): FollowedOutlet[] {
  const chosen = new Set(starterSelection().slice(0, count));
  return DIRECTORY.outlets
    .filter((o) => chosen.has(o.id))
    .map((o) => ({ name: o.name, host: o.hosts[0]!, feedUrl: o.feeds[0]!.url }));
}

export function isoDay(first: string, offset: number): string {
  return new Date(Date.parse(`${first}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

export interface Refresh {
  day: number;
  /** When the refresh runs (the extension's clock for retention). */
  now: Date;
  articles: FeedDayArticle[];
  /** The day's last refresh. */
  endOfDay: boolean;
}

/**
 * The refreshes of `days` days, `perDay` articles a day spread evenly over the day's refreshes
 * (a scheduled refresh finds what the feeds published since the last one). `refreshesOn(day)`
 * is asked when the day starts.
 */
export function* refreshes(options: { days: number; perDay: number; refreshesOn: (day: number) => number; outlets: readonly FollowedOutlet[]; sources: SentenceSources; seed: number }): Generator<Refresh> {
  const { days, perDay, refreshesOn, outlets, sources, seed } = options;
  for (let d = 0; d < days; d++) {
    const day = isoDay(FIRST_DAY, d);
    const articles = syntheticFeedDay(day, perDay, outlets, sources, seed);
    const perDayRefreshes = refreshesOn(d);
    for (let r = 0; r < perDayRefreshes; r++) {
      const from = Math.floor((r * articles.length) / perDayRefreshes);
      const to = Math.floor(((r + 1) * articles.length) / perDayRefreshes);
      const now = new Date(Date.parse(`${day}T00:00:00Z`) + ((r + 1) * 86_400_000) / perDayRefreshes - 60_000);
      yield { day: d, now, articles: articles.slice(from, to), endOfDay: r === perDayRefreshes - 1 };
    }
  }
}

/**
 * Pages the reader opens: half are articles the feeds just brought (the page is in the corpus,
 * as today's news read after a refresh is), half are the next day's articles, not yet stored.
 * All different, so no answer comes from a cache.
 */
export function readerPages(latest: readonly FeedDayArticle[], nextDay: string, count: number, outlets: readonly FollowedOutlet[], sources: SentenceSources, seed: number): ArticleInput[] {
  const random = mulberry32(seed);
  const stored = [...latest];
  const pages: ArticleInput[] = [];
  const inCorpus = Math.ceil(count / 2);
  for (let i = 0; i < inCorpus && stored.length; i++) {
    const [a] = stored.splice(Math.floor(random() * stored.length), 1);
    pages.push(page(a!));
  }
  for (const a of syntheticFeedDay(nextDay, count - pages.length, outlets, sources, seed + 1)) pages.push(page(a));
  return pages;
}

function page(a: FeedDayArticle): ArticleInput {
  const input: ArticleInput = { outlet: a.outlet, url: a.url, published: a.published, text: a.text };
  if (a.title) input.title = a.title;
  return input;
}
