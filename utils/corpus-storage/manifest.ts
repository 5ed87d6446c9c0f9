// The manifest: which stored segments make up the corpus, and which of their articles have been
// removed since they were compiled (tombstones). Pure functions on plain data; the switch to a
// new manifest is one IndexedDB transaction (./store.ts).

/** `import`: one of the user's imports (its id is the segment's source); `feeds`: articles from followed feeds. */
export type SegmentKind = 'import' | 'feeds';

export interface SegmentEntry {
  id: string;
  kind: SegmentKind;
  /** The import's id, or FEEDS_CORPUS_ID for feed articles: removing a source drops its segments. */
  source: string;
  /** ISO date-time the segment was compiled (or merged). */
  created: string;
  /** Articles when compiled; tombstones in the manifest say how many are still live. */
  articles: number;
  outlets: string[];
  firstPublished: string | null;
  lastPublished: string | null;
  /** Bytes of all its parts. */
  bytes: number;
  parts: string[];
  /** Corpus format and sentence model it was compiled with (./segment-api.ts `SEGMENT_FORMAT`); another cannot be opened. */
  format: string;
  /**
   * A feeds segment's bookkeeping summed up (./feed-refresh-plan.ts): a refresh decides a segment
   * wholly within the retention window from this, without reading its feed-articles part.
   * Absent on segments stored before it was kept (their part is read instead).
   */
  feeds?: FeedSummary;
}

/** Articles per feed URL, and the earliest day an article counts from for retention (YYYY-MM-DD). */
export interface FeedSummary {
  perFeed: Record<string, number>;
  oldestDay: string;
  /**
   * How many of the segment's tombstones (the manifest's) the counts already leave out: a refresh
   * that tombstones articles counts them out here in the same switch, so that at the cap, where
   * every refresh tombstones the oldest articles, the next one still counts the segment from its
   * summary. Absent: none (the counts are of every article compiled). Tombstoned by anything else
   * (a feed unfollowed, retention changed, a merge running meanwhile), the segment's tombstones
   * outnumber this and its bookkeeping is read whole, as before summaries were kept.
   */
  removedCounted?: number;
  /**
   * The feed-articles part's pages (./feed-refs.ts), in stored order: how many articles each
   * holds and the oldest day of its live ones ('\uffff' when none is), so a refresh reads only the
   * pages holding articles that may leave. Absent: the bookkeeping is one part.
   */
  pages?: FeedRefsPage[];
}

export interface FeedRefsPage {
  articles: number;
  oldestDay: string;
}

export interface Manifest {
  key: 'manifest';
  /** Live segments, in corpus order (the order their articles are searched and tie-broken in). */
  segments: SegmentEntry[];
  /** Article ids removed from a segment since it was compiled, by segment id. */
  removed: Record<string, string[]>;
  updated: string;
}

export const emptyManifest = (): Manifest => ({ key: 'manifest', segments: [], removed: {}, updated: new Date(0).toISOString() });

export function liveCount(manifest: Manifest, entry: SegmentEntry): number {
  return entry.articles - (manifest.removed[entry.id]?.length ?? 0);
}

export function removedFrom(manifest: Manifest, segmentId: string): ReadonlySet<string> {
  return new Set(manifest.removed[segmentId] ?? []);
}

export function segmentsOf(manifest: Manifest, source: string): SegmentEntry[] {
  return manifest.segments.filter((s) => s.source === source);
}

/** The manifest with a segment added at the end (or at `at`). */
export function withSegment(manifest: Manifest, entry: SegmentEntry, at = manifest.segments.length): Manifest {
  const segments = [...manifest.segments];
  segments.splice(at, 0, entry);
  return { ...manifest, segments };
}

/** The manifest without these segments (and their tombstones). */
export function withoutSegments(manifest: Manifest, ids: Iterable<string>): Manifest {
  const drop = new Set(ids);
  const removed = { ...manifest.removed };
  for (const id of drop) delete removed[id];
  return { ...manifest, segments: manifest.segments.filter((s) => !drop.has(s.id)), removed };
}

/**
 * The manifest with articles tombstoned, by segment id. A segment left with no live article is
 * dropped altogether (its parts go in the same transaction).
 */
export function withRemoved(manifest: Manifest, bySegment: ReadonlyMap<string, Iterable<string>>): Manifest {
  const removed = { ...manifest.removed };
  for (const [segment, ids] of bySegment) {
    if (!manifest.segments.some((s) => s.id === segment)) continue;
    const all = new Set([...(removed[segment] ?? []), ...ids]);
    if (all.size) removed[segment] = [...all];
  }
  const next = { ...manifest, removed };
  return withoutSegments(next, next.segments.filter((s) => liveCount(next, s) <= 0).map((s) => s.id));
}

/**
 * The manifest with feeds segments' summaries replaced, each only where the segment's tombstones
 * are as many as the summary counts out: had another change tombstoned articles since they were
 * counted, the segment keeps its summary, which then counts fewer tombstones than it has (its
 * bookkeeping is read whole next time).
 */
export function withSummaries(manifest: Manifest, summaries: ReadonlyMap<string, FeedSummary>): Manifest {
  if (!summaries.size) return manifest;
  const segments = manifest.segments.map((s) => {
    const summary = summaries.get(s.id);
    return summary && (manifest.removed[s.id]?.length ?? 0) === (summary.removedCounted ?? 0) ? { ...s, feeds: summary } : s;
  });
  return { ...manifest, segments };
}

/** Total articles searched, stored segments only. */
export function storedArticles(manifest: Manifest): number {
  return manifest.segments.reduce((sum, s) => sum + liveCount(manifest, s), 0);
}

export function storedBytes(manifest: Manifest): number {
  return manifest.segments.reduce((sum, s) => sum + s.bytes, 0);
}
