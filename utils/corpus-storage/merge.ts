// The background merge of feeds segments. Every refresh adds a small segment; searching many
// small segments costs more than a few large ones, so segments of the same size tier (by live
// articles: under 256, 1,024, 4,096, 16,384) are merged four at a time into one of the next tier,
// and a segment with half or more of its articles tombstoned is rewritten without them. A merge
// re-lays out stored data (mergeSegments) without tokenising or running the model again; it
// writes its parts, then switches the manifest only if its inputs are all still live, carrying
// over articles tombstoned while it ran.
import { FEEDS_CORPUS_ID, FEEDS_CORPUS_NAME } from '@/lib/feeds/sources';
import type { CorporaDatabase } from './db';
import { feedRefsParts, readFeedArticles } from './feed-segments';
import { feedSummary } from './feed-refresh-plan';
import { liveCount, removedFrom, segmentsOf, withoutSegments, withRemoved, withSegment, type Manifest, type SegmentEntry } from './manifest';
import { loadWholeSegment } from './open';
import { mergeSegments, segmentArticleIds } from './segment-api';
import { newSegmentId, writeSegment } from './segment-entry';
import { readManifest, switchManifest } from './store';

export const MERGE_FAN_IN = 4;
const SMALLEST_TIER = 256;
/** Segments this large are not merged further (only rewritten when half tombstoned). */
const LARGEST_MERGED = SMALLEST_TIER * MERGE_FAN_IN ** 4;
export const COMPACT_REMOVED_SHARE = 0.5;

export function tierOf(live: number): number {
  let tier = 0;
  for (let bound = SMALLEST_TIER; live >= bound && bound < LARGEST_MERGED; bound *= MERGE_FAN_IN) tier++;
  return tier;
}

/** The next merge to run, as segment ids in corpus order, or null when none is due. */
export function planMerge(manifest: Manifest): string[] | null {
  const feeds = segmentsOf(manifest, FEEDS_CORPUS_ID);
  const compact = feeds.find((s) => (manifest.removed[s.id]?.length ?? 0) >= s.articles * COMPACT_REMOVED_SHARE);
  if (compact) return [compact.id];
  const byTier = new Map<number, SegmentEntry[]>();
  for (const s of feeds) {
    const live = liveCount(manifest, s);
    if (live >= LARGEST_MERGED) continue;
    const tier = tierOf(live);
    byTier.set(tier, [...(byTier.get(tier) ?? []), s]);
  }
  for (const tier of [...byTier.keys()].sort((a, b) => a - b)) {
    const group = byTier.get(tier)!;
    if (group.length >= MERGE_FAN_IN) return group.slice(0, MERGE_FAN_IN).map((s) => s.id);
  }
  return null;
}

/** Runs one merge if one is due; returns whether the manifest changed. */
export async function mergeOnce(db: CorporaDatabase, now = new Date()): Promise<boolean> {
  const manifest = await readManifest(db);
  const plan = planMerge(manifest);
  if (!plan) return false;
  const inputs = plan.map((id) => manifest.segments.find((s) => s.id === id)!);
  let segments;
  let refs;
  try {
    segments = await Promise.all(inputs.map(async (entry) => ({ id: entry.id, data: await loadWholeSegment(db, entry), removed: removedFrom(manifest, entry.id) })));
    refs = await readFeedArticles(db, { ...manifest, segments: inputs });
  } catch (error) {
    // An input dropped since the manifest was read (its parts went with it) is no merge to make.
    const now = await readManifest(db);
    if (plan.some((p) => !now.segments.some((s) => s.id === p))) return false;
    throw error;
  }
  const id = newSegmentId(now.getTime());
  const data = mergeSegments(segments, { id, name: FEEDS_CORPUS_NAME });
  const merged = new Set(segmentArticleIds(data));
  const kept = refs.filter((r) => merged.has(r.id));
  const entry = await writeSegment(db, { id, kind: 'feeds', source: FEEDS_CORPUS_ID, data, extra: feedRefsParts(kept), feeds: feedSummary(kept) }, now);
  const switched = await switchManifest(db, (current) => {
    if (!plan.every((p) => current.segments.some((s) => s.id === p))) return null;
    const at = current.segments.findIndex((s) => s.id === plan[0]);
    // Articles tombstoned in an input after this merge read it are tombstoned in the merged segment.
    const later = plan.flatMap((p) => (current.removed[p] ?? []).filter((a) => merged.has(a)));
    const next = withSegment(withoutSegments(current, plan), entry, at);
    return later.length ? withRemoved(next, new Map([[id, later]])) : next;
  });
  return switched !== null;
}

/** Merges until none is due or `budget` merges ran; returns how many ran. */
export async function runMerges(db: CorporaDatabase, budget = 8): Promise<number> {
  let ran = 0;
  while (ran < budget && (await mergeOnce(db))) ran++;
  return ran;
}
