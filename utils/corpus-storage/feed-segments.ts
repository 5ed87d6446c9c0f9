// Articles from followed feeds, stored as segments. A refresh compiles only its new articles into
// one new segment; articles that leave (past the retention window or cap, or from a feed no
// longer followed) become tombstones, and a segment left with none live is dropped. Nothing
// already stored is compiled again. Each feeds segment carries its bookkeeping in `feed-articles`
// parts (pages of FEED_REFS_PAGE articles, ./feed-refs.ts): which feed each article came from and
// when, which retention and per-feed counts need; a refresh reads only the pages its plan needs.
import type { CorpusContext } from '@/lib/corpus';
import type { CompileProgressOptions } from '@/lib/import/combine';
import type { RefreshResult } from '@/lib/feeds/refresh';
import { applyRetention, FEEDS_CORPUS_ID, FEEDS_CORPUS_NAME, type FeedArticleRef, type FeedSettings, type SourceState } from '@/lib/feeds/sources';
import { feedSegmentRefs, feedSummary, needsRefs, planRefresh, type FeedSegmentRefs, type StoredFeedSegment } from './feed-refresh-plan';
import type { CorporaDatabase } from './db';
import { segmentsOf, withRemoved, withSegment, withSummaries, type Manifest } from './manifest';
import { compileSegment } from './segment-api';
import { newSegmentId, writeSegment } from './segment-entry';
import { readManifest, readParts, switchManifest } from './store';
import { decodeFeedRefs, feedRefsPart, feedRefsParts } from './feed-refs';

export { decodeFeedRefs, encodeFeedRefs, feedRefsParts } from './feed-refs';

export interface StoredFeedArticle extends FeedArticleRef {
  segment: string;
}

// A segment's feed bookkeeping never changes once written: read and parsed once per worker, by segment and page.
const refsBySegment = new Map<string, Map<number, FeedSegmentRefs>>();

/**
 * Every feeds segment with its tombstones and summary, oldest segment first; the bookkeeping
 * (feed-articles part, every page) of those `read` asks for (every one by default).
 */
export async function readFeedSegments(db: CorporaDatabase, manifest: Manifest, read: (segment: StoredFeedSegment) => boolean = () => true): Promise<StoredFeedSegment[]> {
  const out: StoredFeedSegment[] = [];
  const segments = segmentsOf(manifest, FEEDS_CORPUS_ID);
  for (const entry of segments) {
    const segment: StoredFeedSegment = { id: entry.id, removed: manifest.removed[entry.id] ?? [], summary: entry.feeds ?? null, stored: null };
    if (read(segment)) segment.stored = await readFeedRefs(db, segment, null);
    out.push(segment);
  }
  // Segments dropped or merged away are not read again.
  const live = new Set(segments.map((s) => s.id));
  for (const id of refsBySegment.keys()) if (!live.has(id)) refsBySegment.delete(id);
  return out;
}

/** The live feed articles, oldest segment first. */
export async function readFeedArticles(db: CorporaDatabase, manifest: Manifest): Promise<StoredFeedArticle[]> {
  return liveArticles(await readFeedSegments(db, manifest));
}

/** A segment's bookkeeping, page `page` of it or all (null), each part read and parsed once per worker. */
async function readFeedRefs(db: CorporaDatabase, segment: Pick<StoredFeedSegment, 'id' | 'summary'>, page: number | null): Promise<FeedSegmentRefs> {
  const pages = page === null ? Array.from({ length: segment.summary?.pages?.length ?? 1 }, (_, k) => k) : [page];
  let cached = refsBySegment.get(segment.id);
  if (!cached) refsBySegment.set(segment.id, (cached = new Map()));
  const unread = pages.filter((k) => !cached.has(k));
  if (unread.length) {
    const parts = await readParts(db, segment.id, unread.map(feedRefsPart));
    for (const k of unread) cached.set(k, feedSegmentRefs(decodeFeedRefs(parts.get(feedRefsPart(k))!)));
  }
  const read = pages.map((k) => cached.get(k)!);
  return read.length === 1 ? read[0]! : feedSegmentRefs(read.flatMap((r) => r.refs));
}

/** A background started again has none of the segments' bookkeeping in memory (the growth benchmark starts one for each refresh). */
export function forgetFeedBookkeeping(): void {
  refsBySegment.clear();
}

function liveArticles(segments: readonly StoredFeedSegment[]): StoredFeedArticle[] {
  const out: StoredFeedArticle[] = [];
  for (const { id, stored, removed } of segments) {
    if (!stored) throw new Error(`the feed articles of segment ${id} were not read`);
    const gone = new Set(removed);
    for (const ref of stored.refs) if (!gone.has(ref.id)) out.push({ ...ref, segment: id });
  }
  return out;
}

/** Tombstones for stored articles not in `keep`, grouped by segment. */
function tombstones(stored: readonly StoredFeedArticle[], keep: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const article of stored) {
    if (keep.has(article.id)) continue;
    const list = out.get(article.segment);
    if (list) list.push(article.id);
    else out.set(article.segment, [article.id]);
  }
  return out;
}

export interface SavedRefresh {
  /** The sources with their status and per-feed counts after the refresh. */
  sources: SourceState[];
  added: number;
  evicted: number;
  manifest: Manifest;
}

/**
 * Stores a refresh: the new articles within retention compiled into one segment (`context` is
 * the corpus they join), the ones past retention tombstoned, then one manifest switch.
 */
export async function saveFeedRefresh(
  db: CorporaDatabase,
  input: { context: CorpusContext; result: RefreshResult; sources: readonly SourceState[]; settings: FeedSettings; now: Date; progress?: CompileProgressOptions },
): Promise<SavedRefresh> {
  const manifest = await readManifest(db);
  const followed = new Set(input.sources.map((s) => s.url));
  // A new record whose id the corpus holds may repeat a stored feed article: then every segment's bookkeeping is read to tell.
  await input.context.prepare?.({ ids: input.result.records.map((r) => r.id) });
  const repeats = input.result.records.some((r) => input.context.indexOf(r.id) !== -1);
  const segments = await readFeedSegments(db, manifest, (s) => repeats || needsRefs(s, followed));
  const storedLive = repeats ? new Set(liveArticles(segments).map((a) => a.id)) : null;
  const plan = await planRefresh(segments, input, (id) => storedLive?.has(id) ?? false, (segment, page) => readFeedRefs(db, segment, page));
  const { fresh } = plan;
  const freshIds = new Set(fresh.map((a) => a.id));
  const records = input.result.records.filter((r) => freshIds.has(r.id));
  let entry = null;
  if (records.length) {
    const id = newSegmentId(input.now.getTime());
    const data = await compileSegment(records, { id, name: FEEDS_CORPUS_NAME, sources: [FEEDS_CORPUS_NAME], context: input.context, ...input.progress });
    entry = await writeSegment(db, { id, kind: 'feeds', source: FEEDS_CORPUS_ID, data, extra: feedRefsParts(fresh), feeds: feedSummary(fresh) }, input.now);
  }
  const switched = await switchManifest(db, (current) => withSummaries(withRemoved(entry ? withSegment(current, entry) : current, plan.tombstones), plan.summaries));
  return { sources: plan.sources, added: records.length, evicted: plan.evicted, manifest: switched! };
}

/** Removes the articles of feeds no longer followed (tombstones); returns how many. */
export async function dropUnfollowed(db: CorporaDatabase, followed: ReadonlySet<string>): Promise<number> {
  const stored = await readFeedArticles(db, await readManifest(db));
  const keep = new Set(stored.filter((a) => followed.has(a.feedUrl)).map((a) => a.id));
  if (keep.size === stored.length) return 0;
  await switchManifest(db, (current) => withRemoved(current, tombstones(stored, keep)));
  return stored.length - keep.size;
}

/**
 * Tombstones the articles past the retention window or cap now (the user changed them). Returns
 * how many left and the articles each feed has after, for the Sources list.
 */
export async function applyFeedRetention(db: CorporaDatabase, settings: FeedSettings, now: Date): Promise<{ removed: number; perFeed: Map<string, number> }> {
  const stored = await readFeedArticles(db, await readManifest(db));
  const { kept } = applyRetention(stored, settings, now);
  const perFeed = new Map<string, number>();
  for (const article of kept) perFeed.set(article.feedUrl, (perFeed.get(article.feedUrl) ?? 0) + 1);
  if (kept.length < stored.length) await switchManifest(db, (current) => withRemoved(current, tombstones(stored, new Set(kept.map((a) => a.id)))));
  return { removed: stored.length - kept.length, perFeed };
}
