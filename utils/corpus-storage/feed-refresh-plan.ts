// What a refresh keeps, evicts and counts per feed, decided segment by segment: a feeds segment
// whose summary in the manifest counts exactly its live articles, all from followed feeds, is
// counted from it (articles per feed, oldest day of each page of its bookkeeping), so only the
// pages of its feed-articles part holding articles that may leave are read, article by article:
// those reaching past the retention window and, over the cap, those holding the oldest articles.
// A refresh that tombstones articles counts them out of the summary in the same switch, so at the
// cap, where every refresh tombstones the oldest few dozen, the oldest segment stays counted from
// its summary and only its first pages are read (reading its whole part, tens of thousands of
// articles at 100,000, cost a time in proportion to the corpus). The result is what `mergeRefresh`
// (lib/feeds/sources.ts) gives over every stored article (a test compares them).
import { refreshArticles, refreshedSources, retentionCutoff, retentionDay, type FeedArticle, type FeedArticleRef, type FeedSettings, type SourceState } from '@/lib/feeds/sources';
import type { RefreshResult } from '@/lib/feeds/refresh';
import type { FeedRefsPage, FeedSummary } from './manifest';
import { feedRefsPages } from './feed-refs';

/** A feeds segment's bookkeeping (its `feed-articles` part, or a page of it). */
export interface FeedSegmentRefs {
  refs: readonly FeedArticleRef[];
}

export function feedSegmentRefs(refs: readonly FeedArticleRef[]): FeedSegmentRefs {
  return { refs };
}

const NO_DAY = '\uffff';

function oldestDayOf(refs: Iterable<FeedArticleRef>): string {
  let oldest = NO_DAY;
  for (const ref of refs) {
    const day = retentionDay(ref);
    if (day < oldest) oldest = day;
  }
  return oldest;
}

const oldestPageDay = (pages: readonly FeedRefsPage[]): string => pages.reduce((min, p) => (p.oldestDay < min ? p.oldestDay : min), NO_DAY);

function perFeedOf(refs: Iterable<FeedArticleRef>): Record<string, number> {
  const perFeed: Record<string, number> = {};
  for (const ref of refs) perFeed[ref.feedUrl] = (perFeed[ref.feedUrl] ?? 0) + 1;
  return perFeed;
}

/** The summary a segment's manifest entry keeps of its articles' bookkeeping, page by page as ./feed-refs.ts stores it. */
export function feedSummary(refs: readonly FeedArticleRef[]): FeedSummary {
  const pages = feedRefsPages(refs).map((page) => ({ articles: page.length, oldestDay: oldestDayOf(page) }));
  return { perFeed: perFeedOf(refs), oldestDay: oldestPageDay(pages), pages };
}

export interface StoredFeedSegment {
  id: string;
  /** Its tombstoned article ids (the manifest's). */
  removed: readonly string[];
  /** Its manifest entry's summary (absent on segments stored before summaries were kept). */
  summary: FeedSummary | null;
  /** Its bookkeeping, when read whole (`needsRefs`). */
  stored: FeedSegmentRefs | null;
}

/**
 * Whether a refresh must read the segment's bookkeeping whole: its summary does not count exactly
 * its live articles of followed feeds (none kept, tombstones it does not count out, a feed no
 * longer followed). A segment counted from its summary has only the pages reaching past the
 * retention window read, and over the cap the pages holding its oldest articles.
 */
export function needsRefs(segment: Pick<StoredFeedSegment, 'removed' | 'summary'>, followed: ReadonlySet<string>): boolean {
  const { summary } = segment;
  return !summary || segment.removed.length !== (summary.removedCounted ?? 0) || Object.keys(summary.perFeed).some((url) => !followed.has(url));
}

export interface RefreshPlan {
  /** The sources with their status and per-feed counts after the refresh. */
  sources: SourceState[];
  /** New articles kept (within retention, from a followed feed, not stored already), in the refresh's order. */
  fresh: FeedArticle[];
  /** Stored articles leaving, by segment id, in stored order. */
  tombstones: Map<string, string[]>;
  /**
   * Segments' summaries with this plan's tombstones counted out (and those of segments read whole,
   * counted exactly), by segment id: each holds only if the switch finds the segment's tombstones
   * as the plan did plus its own (`removedCounted`).
   */
  summaries: Map<string, FeedSummary>;
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
 * A stretch of a stored segment's bookkeeping the plan reads as one: a page of a segment counted
 * from its summary, or a whole segment read up front (`needsRefs`); or the refresh's new articles.
 */
interface Unit {
  segment: number;
  /** The page's number; null for the whole bookkeeping. */
  page: number | null;
  /** Position in the segment of its first article. */
  offset: number;
  /** No live article of it is older (from the summary until read). */
  oldestDay: string;
  refs?: readonly FeedArticleRef[];
  /** Its live articles kept so far, once read. */
  kept?: Ranked[];
}

/** A segment's pages as its summary lists them; a summary of one part (written before pages) is one page. */
const pagesOf = (summary: FeedSummary): FeedRefsPage[] => summary.pages ?? [{ articles: Number.NaN, oldestDay: summary.oldestDay }];

/**
 * The plan of a refresh. `isStoredLive` tells a new record repeating a live stored article's id
 * (counted, as mergeRefresh counts both, but not stored again); `read` gives a segment's
 * bookkeeping (a page of it, or all of it when `page` is null), called for segments whose summary
 * does not count them exactly, for the pages at the window's edge, and over the cap for the pages
 * holding the oldest articles only: those that may hold one of the articles the cap evicts.
 */
export async function planRefresh(
  segments: readonly StoredFeedSegment[],
  input: { result: RefreshResult; sources: readonly SourceState[]; settings: FeedSettings; now: Date },
  isStoredLive: (id: string) => boolean,
  read: (segment: StoredFeedSegment, page: number | null) => Promise<FeedSegmentRefs>,
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
  const gone = segments.map((segment) => new Set(segment.removed));
  /** Segments counted from their summaries (the rest are read whole and counted article by article). */
  const summarized = segments.map((segment) => !needsRefs(segment, followed));
  let storedLive = 0;
  let kept = 0;
  /** Reads a unit and lists its live articles kept; one of a summarized segment leaving by retention is counted out. */
  const scan = async (unit: Unit): Promise<Ranked[]> => {
    const s = unit.segment;
    const segment = segments[s]!;
    unit.refs ??= (unit.page === null ? (segment.stored ?? (await read(segment, null))) : await read(segment, unit.page)).refs;
    const list: Ranked[] = [];
    unit.refs.forEach((ref, i) => {
      if (gone[s]!.has(ref.id)) return;
      const position = unit.offset + i;
      if (keeps(ref)) list.push({ segment: s, position, day: retentionDay(ref), fetchedAt: ref.fetchedAt, feedUrl: ref.feedUrl });
      else {
        leave(s, position);
        if (summarized[s]) {
          count(ref.feedUrl, -1);
          kept--;
        } else storedLive++;
      }
    });
    if (!summarized[s]) {
      for (const a of list) count(a.feedUrl, 1);
      storedLive += list.length;
      kept += list.length;
    }
    unit.kept = list;
    return list;
  };
  const units: Unit[] = [];
  for (const [s, segment] of segments.entries()) {
    if (!summarized[s]) {
      const unit: Unit = { segment: s, page: null, offset: 0, oldestDay: NO_DAY };
      await scan(unit);
      units.push(unit);
      continue;
    }
    for (const [url, n] of Object.entries(segment.summary!.perFeed)) {
      count(url, n);
      storedLive += n;
      kept += n;
    }
    let offset = 0;
    for (const [k, page] of pagesOf(segment.summary!).entries()) {
      units.push({ segment: s, page: segment.summary!.pages ? k : null, offset, oldestDay: page.oldestDay });
      offset += page.articles;
    }
  }
  // The pages of summarized segments reaching past the window; the others are wholly within it.
  for (const unit of units) if (!unit.kept && unit.oldestDay < cutoff) await scan(unit);
  const articles = refreshArticles(result, now);
  const added: Ranked[] = [];
  articles.forEach((a, position) => {
    if (keeps(a)) added.push({ segment: segments.length, position, day: retentionDay(a), fetchedAt: a.fetchedAt, feedUrl: a.feedUrl });
  });
  units.push({ segment: segments.length, page: null, offset: 0, oldestDay: NO_DAY, kept: added });
  for (const a of added) count(a.feedUrl, 1);
  kept += added.length;

  // Over the cap the newest are kept, ties to the earlier stored (mergeRefresh's stable sort):
  // the oldest leave, and among equals the later. Pages are read oldest first until the
  // articles older than every unread one are enough to choose from.
  const excess = kept - settings.maxArticles;
  if (excess > 0) {
    const oldest = units.map((u) => (u.kept ? u.kept.reduce((min, a) => (a.day < min ? a.day : min), NO_DAY) : u.oldestDay));
    const order = units.map((_, u) => u).sort((a, b) => (oldest[a]! < oldest[b]! ? -1 : oldest[a]! > oldest[b]! ? 1 : a - b));
    const pool: Ranked[] = [];
    for (let k = 0; k < order.length; k++) {
      const unit = units[order[k]!]!;
      // One by one: a segment of tens of thousands of articles is more arguments than a call takes.
      for (const a of unit.kept ?? (await scan(unit))) pool.push(a);
      const next = k + 1 < order.length ? oldest[order[k + 1]!]! : NO_DAY;
      if (pool.filter((a) => a.day < next).length >= excess) break;
    }
    for (const a of firstOf(pool, excess, leavesFirst)) {
      count(a.feedUrl, -1);
      leave(a.segment, a.position);
    }
    kept -= excess;
  }

  const tombstones = new Map<string, string[]>();
  const summaries = new Map<string, FeedSummary>();
  for (const [s, segment] of segments.entries()) {
    const positions = leaving.get(s)?.sort((a, b) => a - b) ?? [];
    const read = units.filter((u) => u.segment === s && u.refs);
    const refAt = (p: number) => {
      const unit = read.find((u) => u.page === null || (p >= u.offset && p < u.offset + u.refs!.length))!;
      return unit.refs![p - unit.offset]!;
    };
    const ids = positions.map((p) => refAt(p).id);
    if (ids.length) tombstones.set(segment.id, ids);
    if (ids.length || !summarized[s]) summaries.set(segment.id, summaryAfter(segment, summarized[s]!, read, new Set(ids), gone[s]!));
  }
  const evictedNew = new Set(leaving.get(segments.length) ?? []);
  const fresh = articles.filter((a, position) => keeps(a) && !evictedNew.has(position) && !isStoredLive(a.id));
  return { sources: refreshedSources(sources, result, counts, now), fresh, tombstones, summaries, evicted: storedLive + result.records.length - kept };
}

/**
 * A segment's summary once `leaving` are tombstoned: a summarized segment's counts less theirs,
 * with the oldest day of each page read taken again; a segment read whole counted anew.
 */
function summaryAfter(segment: StoredFeedSegment, summarized: boolean, read: readonly Unit[], leaving: ReadonlySet<string>, gone: ReadonlySet<string>): FeedSummary {
  const live = (ref: FeedArticleRef) => !gone.has(ref.id) && !leaving.has(ref.id);
  const removedCounted = segment.removed.length + leaving.size;
  if (!summarized) {
    const refs = read[0]!.refs!;
    const liveRefs = refs.filter(live);
    // Pages as stored (a segment of earlier versions is one part, listed as none): each page's oldest live day.
    let first = 0;
    const pages = segment.summary?.pages?.map((page) => ({ articles: page.articles, oldestDay: oldestDayOf(refs.slice(first, (first += page.articles)).filter(live)) }));
    return { perFeed: perFeedOf(liveRefs), oldestDay: oldestDayOf(liveRefs), removedCounted, ...(pages ? { pages } : {}) };
  }
  const summary = segment.summary!;
  const perFeed = { ...summary.perFeed };
  for (const unit of read) {
    for (const ref of unit.refs!) {
      if (!leaving.has(ref.id)) continue;
      if (--perFeed[ref.feedUrl]! === 0) delete perFeed[ref.feedUrl];
    }
  }
  const pages = pagesOf(summary).map((page, k) => {
    const unit = read.find((u) => u.page === k || u.page === null);
    return unit ? { articles: unit.refs!.length, oldestDay: oldestDayOf(unit.refs!.filter(live)) } : page;
  });
  return { perFeed, oldestDay: oldestPageDay(pages), removedCounted, ...(summary.pages ? { pages } : {}) };
}
