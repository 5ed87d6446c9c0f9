// What a refresh keeps, evicts and counts per feed, decided segment by segment: a feeds segment
// whose every article is within the retention window and from a followed feed is kept whole and
// counted from its per-feed totals, so that only the segments at the window's edge are read
// article by article. Building every stored article's record, sets of every id and a list of
// every kept article on each refresh cost a time in proportion to the corpus (0.2 s a refresh at
// 40,000 articles). The result is what `mergeRefresh` (lib/feeds/sources.ts) gives over every
// stored article (a test compares them); over the cap, which picks the newest of all, the caller
// uses mergeRefresh itself.
import { refreshArticles, refreshedSources, retentionCutoff, retentionDay, type FeedArticle, type FeedArticleRef, type FeedSettings, type SourceState } from '@/lib/feeds/sources';
import type { RefreshResult } from '@/lib/feeds/refresh';

/** A feeds segment's bookkeeping (its `feed-articles` part) with what is derived from it once: a segment never changes once written. */
export interface FeedSegmentRefs {
  refs: readonly FeedArticleRef[];
  /** Position of each article by id. */
  positions: ReadonlyMap<string, number>;
  /** The earliest retention day of its articles. */
  oldestDay: string;
  /** Articles per feed URL. */
  perFeed: ReadonlyMap<string, number>;
}

export function feedSegmentRefs(refs: readonly FeedArticleRef[]): FeedSegmentRefs {
  const positions = new Map<string, number>();
  const perFeed = new Map<string, number>();
  let oldestDay = '\uffff';
  refs.forEach((ref, i) => {
    positions.set(ref.id, i);
    perFeed.set(ref.feedUrl, (perFeed.get(ref.feedUrl) ?? 0) + 1);
    const day = retentionDay(ref);
    if (day < oldestDay) oldestDay = day;
  });
  return { refs, positions, oldestDay, perFeed };
}

export interface StoredFeedSegment {
  id: string;
  stored: FeedSegmentRefs;
  /** Its tombstoned article ids (the manifest's). */
  removed: readonly string[];
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

/** The plan of a refresh under the cap, or null when the articles kept would exceed it (the caller then ranks every article: mergeRefresh). */
export function planRefresh(segments: readonly StoredFeedSegment[], result: RefreshResult, sources: readonly SourceState[], settings: FeedSettings, now: Date): RefreshPlan | null {
  const followed = new Set(sources.map((s) => s.url));
  const cutoff = retentionCutoff(settings, now);
  const keeps = (a: FeedArticleRef) => followed.has(a.feedUrl) && retentionDay(a) >= cutoff;
  const counts = new Map<string, number>();
  const count = (feedUrl: string, n: number) => counts.set(feedUrl, (counts.get(feedUrl) ?? 0) + n);
  const tombstones = new Map<string, string[]>();
  let storedLive = 0;
  let kept = 0;
  // Live stored ids, for new records that repeat one (ids are unique across segments: a segment refuses its context's).
  const isStoredLive = (id: string) => segments.some((s) => s.stored.positions.has(id) && !s.removed.includes(id));
  for (const { id, stored, removed } of segments) {
    const gone = new Set(removed.filter((r) => stored.positions.has(r)));
    storedLive += stored.refs.length - gone.size;
    const whole = stored.oldestDay >= cutoff && [...stored.perFeed.keys()].every((url) => followed.has(url));
    if (whole) {
      for (const [url, n] of stored.perFeed) count(url, n);
      for (const r of gone) count(stored.refs[stored.positions.get(r)!]!.feedUrl, -1);
      kept += stored.refs.length - gone.size;
      continue;
    }
    const leaving: string[] = [];
    for (const ref of stored.refs) {
      if (gone.has(ref.id)) continue;
      if (keeps(ref)) {
        count(ref.feedUrl, 1);
        kept++;
      } else leaving.push(ref.id);
    }
    if (leaving.length) tombstones.set(id, leaving);
  }
  const added = refreshArticles(result, now).filter(keeps);
  for (const a of added) count(a.feedUrl, 1);
  kept += added.length;
  if (kept > settings.maxArticles) return null;
  // A new record repeating a live stored id is counted (as mergeRefresh counts both) but not stored again.
  const fresh = added.filter((a) => !isStoredLive(a.id));
  return { sources: refreshedSources(sources, result, counts, now), fresh, tombstones, evicted: storedLive + result.records.length - kept };
}
