// What a refresh keeps, evicts and counts per feed, decided segment by segment: a feeds segment
// with no tombstones, whose every article is within the retention window and from a followed
// feed, is kept whole and counted from its summary in the manifest (articles per feed, earliest
// day), so only the feed-articles parts of segments at the window's edge are read, and read article
// by article. Reading and parsing every segment's part, building every stored article's record
// and sets of every id on each refresh cost a time in proportion to the corpus (0.2 s a refresh at
// 40,000 articles, more in a background just started). The result is what `mergeRefresh`
// (lib/feeds/sources.ts) gives over every stored article (a test compares them), over the cap
// too, where only the oldest segments are read.
import { refreshArticles, refreshedSources, retentionCutoff, retentionDay, type FeedArticle, type FeedArticleRef, type FeedSettings, type SourceState } from '@/lib/feeds/sources';
import type { RefreshResult } from '@/lib/feeds/refresh';
import type { FeedSummary } from './manifest';

/** A feeds segment's bookkeeping (its `feed-articles` part). */
export interface FeedSegmentRefs {
  refs: readonly FeedArticleRef[];
}

export function feedSegmentRefs(refs: readonly FeedArticleRef[]): FeedSegmentRefs {
  return { refs };
}

/** The summary a segment's manifest entry keeps of its articles' bookkeeping. */
export function feedSummary(refs: readonly FeedArticleRef[]): FeedSummary {
  const perFeed: Record<string, number> = {};
  let oldestDay = '\uffff';
  for (const ref of refs) {
    perFeed[ref.feedUrl] = (perFeed[ref.feedUrl] ?? 0) + 1;
    const day = retentionDay(ref);
    if (day < oldestDay) oldestDay = day;
  }
  return { perFeed, oldestDay };
}

export interface StoredFeedSegment {
  id: string;
  /** Its tombstoned article ids (the manifest's). */
  removed: readonly string[];
  /** Its manifest entry's summary (absent on segments stored before summaries were kept). */
  summary: FeedSummary | null;
  /** Its bookkeeping, when read (`needsRefs`). */
  stored: FeedSegmentRefs | null;
}

/** Whether a refresh must read the segment's articles one by one: it may lose some (or has no summary to count it by). */
export function needsRefs(segment: Pick<StoredFeedSegment, 'removed' | 'summary'>, followed: ReadonlySet<string>, cutoff: string): boolean {
  const { summary } = segment;
  return !summary || segment.removed.length > 0 || summary.oldestDay < cutoff || Object.keys(summary.perFeed).some((url) => !followed.has(url));
}

export interface RefreshPlan {
  /** The sources with their status and per-feed counts after the refresh. */
  sources: SourceState[];
  /** New articles kept (within retention, from a followed feed, not stored already), in the refresh's order. */
  fresh: FeedArticle[];
  /** Stored articles leaving, by segment id, in stored order. */
  tombstones: Map<string, string[]>;
  evicted: number;
}

/** A kept article of the plan: where it is (segment number, the refresh's new ones last; position) and what ranks it. */
interface Ranked {
  segment: number;
  position: number;
  day: string;
  fetchedAt: string;
  feedUrl: string;
}

/** Over the cap, the order articles leave in: the oldest day, then the earliest fetch, then among equals the later stored. */
const leavesFirst = (a: Ranked, b: Ranked): number =>
  a.day < b.day ? -1 : a.day > b.day ? 1 : a.fetchedAt < b.fetchedAt ? -1 : a.fetchedAt > b.fetchedAt ? 1 : b.segment - a.segment || b.position - a.position;

/**
 * The first `k` of `items` in `order` (a total order), in that order: what sorting them all and
 * taking `k` gives, found with a heap of `k`. A refresh at the cap evicts about as many articles
 * as it adds, from a pool of the oldest segments' articles (tens of thousands at 100,000).
 */
export function firstOf<T>(items: readonly T[], k: number, order: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  // A max-heap of the k first so far: its root is the last of them.
  const heap: T[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (order(heap[i]!, heap[parent]!) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let last = i;
      if (left < heap.length && order(heap[left]!, heap[last]!) > 0) last = left;
      if (right < heap.length && order(heap[right]!, heap[last]!) > 0) last = right;
      if (last === i) return;
      [heap[i], heap[last]] = [heap[last]!, heap[i]!];
      i = last;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (order(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(order);
}

/**
 * The plan of a refresh. `isStoredLive` tells a new record repeating a live stored article's id
 * (counted, as mergeRefresh counts both, but not stored again); `read` gives a segment's
 * bookkeeping, called for segments at the window's edge, and over the cap for the oldest
 * segments only: those that may hold one of the articles the cap evicts.
 */
export async function planRefresh(
  segments: readonly StoredFeedSegment[],
  input: { result: RefreshResult; sources: readonly SourceState[]; settings: FeedSettings; now: Date },
  isStoredLive: (id: string) => boolean,
  read: (segment: StoredFeedSegment) => Promise<FeedSegmentRefs>,
): Promise<RefreshPlan> {
  const { result, sources, settings, now } = input;
  const followed = new Set(sources.map((s) => s.url));
  const cutoff = retentionCutoff(settings, now);
  const keeps = (a: FeedArticleRef) => followed.has(a.feedUrl) && retentionDay(a) >= cutoff;
  const counts = new Map<string, number>();
  const count = (feedUrl: string, n: number) => counts.set(feedUrl, (counts.get(feedUrl) ?? 0) + n);
  /** Articles leaving, by segment number (positions). */
  const leaving = new Map<number, number[]>();
  const leave = (segment: number, position: number) => {
    const list = leaving.get(segment);
    if (list) list.push(position);
    else leaving.set(segment, [position]);
  };
  /** Kept articles of the segments read one by one, by segment number; a segment kept whole has none listed. */
  const keptOf = new Map<number, Ranked[]>();
  let storedLive = 0;
  let kept = 0;
  const refsRead = new Map<number, FeedSegmentRefs>();
  const refsOf = async (s: number): Promise<FeedSegmentRefs> => {
    const segment = segments[s]!;
    let refs = segment.stored ?? refsRead.get(s);
    if (!refs) refsRead.set(s, (refs = await read(segment)));
    return refs;
  };
  const scan = (s: number, stored: FeedSegmentRefs, removed: readonly string[]) => {
    const gone = new Set(removed);
    const list: Ranked[] = [];
    stored.refs.forEach((ref, position) => {
      if (gone.has(ref.id)) return;
      if (!keeps(ref)) return leave(s, position);
      list.push({ segment: s, position, day: retentionDay(ref), fetchedAt: ref.fetchedAt, feedUrl: ref.feedUrl });
    });
    keptOf.set(s, list);
    return list;
  };
  for (const [s, segment] of segments.entries()) {
    if (needsRefs(segment, followed, cutoff)) {
      const list = scan(s, await refsOf(s), segment.removed);
      for (const a of list) count(a.feedUrl, 1);
      storedLive += list.length + (leaving.get(s)?.length ?? 0);
      kept += list.length;
      continue;
    }
    for (const [url, n] of Object.entries(segment.summary!.perFeed)) {
      count(url, n);
      storedLive += n;
      kept += n;
    }
  }
  const articles = refreshArticles(result, now);
  const added: Ranked[] = [];
  articles.forEach((a, position) => {
    if (keeps(a)) added.push({ segment: segments.length, position, day: retentionDay(a), fetchedAt: a.fetchedAt, feedUrl: a.feedUrl });
  });
  keptOf.set(segments.length, added);
  for (const a of added) count(a.feedUrl, 1);
  kept += added.length;

  // Over the cap the newest are kept, ties to the earlier stored (mergeRefresh's stable sort):
  // the oldest leave, and among equals the later. Segments are read oldest first until the
  // articles older than every unread one are enough to choose from.
  const excess = kept - settings.maxArticles;
  if (excess > 0) {
    const oldest = Array.from({ length: segments.length + 1 }, (_, s) => (keptOf.has(s) ? keptOf.get(s)!.reduce((min, a) => (a.day < min ? a.day : min), '\uffff') : segments[s]!.summary!.oldestDay));
    const order = Array.from({ length: segments.length + 1 }, (_, s) => s).sort((a, b) => (oldest[a]! < oldest[b]! ? -1 : oldest[a]! > oldest[b]! ? 1 : a - b));
    const pool: Ranked[] = [];
    for (let k = 0; k < order.length; k++) {
      const s = order[k]!;
      // One by one: a segment of tens of thousands of articles is more arguments than a call takes.
      for (const a of keptOf.get(s) ?? scan(s, await refsOf(s), segments[s]!.removed)) pool.push(a);
      const next = k + 1 < order.length ? oldest[order[k + 1]!]! : '\uffff';
      if (pool.filter((a) => a.day < next).length >= excess) break;
    }
    for (const a of firstOf(pool, excess, leavesFirst)) {
      count(a.feedUrl, -1);
      leave(a.segment, a.position);
    }
    kept -= excess;
  }

  const tombstones = new Map<string, string[]>();
  for (const [s, segment] of segments.entries()) {
    const positions = leaving.get(s);
    if (!positions) continue;
    const { refs } = await refsOf(s);
    tombstones.set(segment.id, positions.sort((a, b) => a - b).map((p) => refs[p]!.id));
  }
  const evictedNew = new Set(leaving.get(segments.length) ?? []);
  const fresh = articles.filter((a, position) => keeps(a) && !evictedNew.has(position) && !isStoredLive(a.id));
  return { sources: refreshedSources(sources, result, counts, now), fresh, tombstones, evicted: storedLive + result.records.length - kept };
}
