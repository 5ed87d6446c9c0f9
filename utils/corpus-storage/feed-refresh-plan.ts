// What a refresh keeps, evicts and counts per feed, decided segment by segment: a feeds segment
// with no tombstones, whose every article is within the retention window and from a followed
// feed, is kept whole and counted from its summary in the manifest (articles per feed, earliest
// day), so only the feed-articles parts of segments at the window's edge are read, and read article
// by article. Reading and parsing every segment's part, building every stored article's record
// and sets of every id on each refresh cost a time in proportion to the corpus (0.2 s a refresh at
// 40,000 articles, more in a background just started). The result is what `mergeRefresh`
// (lib/feeds/sources.ts) gives over every stored article (a test compares them); over the cap,
// which picks the newest of all, the caller uses mergeRefresh itself.
import { refreshArticles, refreshedSources, retentionCutoff, retentionDay, type FeedArticle, type FeedArticleRef, type FeedSettings, type SourceState } from '@/lib/feeds/sources';
import type { RefreshResult } from '@/lib/feeds/refresh';
import type { FeedSummary } from './manifest';

/** A feeds segment's bookkeeping (its `feed-articles` part), with the position of each article by id. */
export interface FeedSegmentRefs {
  refs: readonly FeedArticleRef[];
  positions: ReadonlyMap<string, number>;
}

export function feedSegmentRefs(refs: readonly FeedArticleRef[]): FeedSegmentRefs {
  return { refs, positions: new Map(refs.map((ref, i) => [ref.id, i])) };
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

/**
 * The plan of a refresh under the cap, or null when the articles kept would exceed it (the caller
 * then ranks every article: mergeRefresh). `isStoredLive` tells a new record repeating a live
 * stored article's id (counted, as mergeRefresh counts both, but not stored again).
 */
export function planRefresh(
  segments: readonly StoredFeedSegment[],
  input: { result: RefreshResult; sources: readonly SourceState[]; settings: FeedSettings; now: Date },
  isStoredLive: (id: string) => boolean,
): RefreshPlan | null {
  const { result, sources, settings, now } = input;
  const followed = new Set(sources.map((s) => s.url));
  const cutoff = retentionCutoff(settings, now);
  const keeps = (a: FeedArticleRef) => followed.has(a.feedUrl) && retentionDay(a) >= cutoff;
  const counts = new Map<string, number>();
  const count = (feedUrl: string, n: number) => counts.set(feedUrl, (counts.get(feedUrl) ?? 0) + n);
  const tombstones = new Map<string, string[]>();
  let storedLive = 0;
  let kept = 0;
  for (const segment of segments) {
    if (!needsRefs(segment, followed, cutoff)) {
      for (const [url, n] of Object.entries(segment.summary!.perFeed)) {
        count(url, n);
        storedLive += n;
        kept += n;
      }
      continue;
    }
    const { stored } = segment;
    if (!stored) throw new Error(`the feed articles of segment ${segment.id} were not read`);
    const gone = new Set(segment.removed);
    const leaving: string[] = [];
    for (const ref of stored.refs) {
      if (gone.has(ref.id)) continue;
      storedLive++;
      if (keeps(ref)) {
        count(ref.feedUrl, 1);
        kept++;
      } else leaving.push(ref.id);
    }
    if (leaving.length) tombstones.set(segment.id, leaving);
  }
  const added = refreshArticles(result, now).filter(keeps);
  for (const a of added) count(a.feedUrl, 1);
  kept += added.length;
  if (kept > settings.maxArticles) return null;
  const fresh = added.filter((a) => !isStoredLive(a.id));
  return { sources: refreshedSources(sources, result, counts, now), fresh, tombstones, evicted: storedLive + result.records.length - kept };
}
