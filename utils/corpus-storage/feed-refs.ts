// A feeds segment's bookkeeping (its `feed-articles` part: which feed each article came from,
// when it was fetched and published), as stored. Written column by column, each feed URL and
// fetch time once: a refresh at the article cap reads the oldest segment's part whole (tens of
// thousands of articles at 100,000), and a list of one object per article repeated every feed
// URL and time, making the part about 2.4 times larger to read and parse. Parts written as that
// list (earlier versions) read the same.
import type { FeedArticleRef } from '@/lib/feeds/sources';
import { FEED_ARTICLES_PART } from './open';
import type { SegmentPart } from './store';

/**
 * Articles per page of a segment's bookkeeping. A refresh at the cap tombstones the oldest few
 * dozen articles, which sit in the first pages of the oldest segment (merged segments keep their
 * inputs' order, and inputs are stored oldest first): it reads those pages, not the whole part
 * of a segment of tens of thousands of articles.
 */
export const FEED_REFS_PAGE = 2048;

/** The part holding page `k` of a segment's bookkeeping: the first is the part earlier versions wrote whole. */
export const feedRefsPart = (k: number): string => (k === 0 ? FEED_ARTICLES_PART : `${FEED_ARTICLES_PART}-${k}`);

/** The bookkeeping's pages of `refs` (stored order), FEED_REFS_PAGE articles each. */
export function feedRefsPages(refs: readonly FeedArticleRef[]): FeedArticleRef[][] {
  const pages: FeedArticleRef[][] = [];
  for (let first = 0; first < refs.length || pages.length === 0; first += FEED_REFS_PAGE) pages.push(refs.slice(first, first + FEED_REFS_PAGE));
  return pages;
}

/** A segment's bookkeeping as the parts it is stored in, one a page. */
export function feedRefsParts(refs: readonly FeedArticleRef[]): SegmentPart[] {
  return feedRefsPages(refs).map((page, k) => ({ name: feedRefsPart(k), bytes: encodeFeedRefs(page) }));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface StoredColumns {
  columns: 1;
  ids: string[];
  /** Distinct feed URLs, and each article's index into them. */
  feedUrls: string[];
  feed: number[];
  /** Distinct fetch times, and each article's index into them. */
  fetchedAts: string[];
  fetched: number[];
  published: (string | null)[];
}

/** Distinct values in first-seen order, and each item's index into them. */
function distinct(values: readonly string[]): [string[], number[]] {
  const index = new Map<string, number>();
  const indices = values.map((value) => {
    let i = index.get(value);
    if (i === undefined) index.set(value, (i = index.size));
    return i;
  });
  return [[...index.keys()], indices];
}

export function encodeFeedRefs(refs: readonly FeedArticleRef[]): Uint8Array {
  const [feedUrls, feed] = distinct(refs.map((r) => r.feedUrl));
  const [fetchedAts, fetched] = distinct(refs.map((r) => r.fetchedAt));
  const stored: StoredColumns = { columns: 1, ids: refs.map((r) => r.id), feedUrls, feed, fetchedAts, fetched, published: refs.map((r) => r.published ?? null) };
  return encoder.encode(JSON.stringify(stored));
}

export function decodeFeedRefs(bytes: Uint8Array): FeedArticleRef[] {
  const stored = JSON.parse(decoder.decode(bytes)) as StoredColumns | FeedArticleRef[];
  if (Array.isArray(stored)) return stored;
  const { ids, feedUrls, feed, fetchedAts, fetched, published } = stored;
  if (stored.columns !== 1 || [feed, fetched, published].some((column) => column?.length !== ids?.length)) throw new Error('the feed bookkeeping of a segment is damaged');
  return ids.map((id, i) => ({ id, feedUrl: feedUrls[feed[i]!]!, fetchedAt: fetchedAts[fetched[i]!]!, published: published[i]! }));
}
