// A feeds segment's bookkeeping (its `feed-articles` part: which feed each article came from,
// when it was fetched and published), as stored. Written column by column, each feed URL and
// fetch time once: a refresh at the article cap reads the oldest segment's part whole (tens of
// thousands of articles at 100,000), and a list of one object per article repeated every feed
// URL and time, making the part about 2.4 times larger to read and parse. Parts written as that
// list (earlier versions) read the same.
import type { FeedArticleRef } from '@/lib/feeds/sources';

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
