// A refresh's plan decided segment by segment equals mergeRefresh over every stored article.
import { expect, test } from 'vitest';
import { DEFAULT_FEED_SETTINGS, mergeRefresh, type FeedArticleRef, type FeedSettings } from '@/lib/feeds/sources';
import { feedSegmentRefs, feedSummary, firstOf, needsRefs, planRefresh, type StoredFeedSegment } from './feed-refresh-plan';
import { FEED_A, FEED_B, feedRecord, NOW, refreshOf, source } from './test-corpora';

const FEED_C = 'http://127.0.0.1:9/c.xml';
const ref = (n: number, daysAgo: number, feedUrl: string): FeedArticleRef => {
  const r = feedRecord(n, daysAgo);
  return { id: r.id, feedUrl, fetchedAt: `${r.published}T08:00:00.000Z`, published: n % 5 === 0 ? null : r.published };
};

const segment = (id: string, refs: FeedArticleRef[], removed: string[] = []): StoredFeedSegment => ({ id, removed, summary: feedSummary(refs), stored: feedSegmentRefs(refs) });
// Four segments, oldest first: one reaching past a 10-day window, one with a feed no longer followed, one with tombstones, one recent.
const segments: StoredFeedSegment[] = [
  segment('seg-old', [ref(1, 14, FEED_A), ref(2, 12, FEED_B), ref(3, 9, FEED_A), ref(4, 8, FEED_B)]),
  segment('seg-mixed', [ref(5, 6, FEED_A), ref(6, 5, FEED_C), ref(7, 5, FEED_B)]),
  segment('seg-removed', [ref(8, 2, FEED_A), ref(9, 1, FEED_B)], [feedRecord(9).id]),
  segment('seg-new', [ref(10, 1, FEED_A), ref(11, 0, FEED_B)]),
];
const refreshResult = refreshOf([feedRecord(20), feedRecord(21), feedRecord(22, 30)]);
const sources = [source(FEED_A), source(FEED_B)];

function byMergeRefresh(settings: FeedSettings) {
  const stored = segments.flatMap((s) => s.stored!.refs.filter((r) => !s.removed.includes(r.id)).map((r) => ({ ...r, segment: s.id })));
  const merged = mergeRefresh(stored, refreshResult, sources, settings, NOW);
  const keep = new Set(merged.articles.map((a) => a.id));
  const storedIds = new Set(stored.map((a) => a.id));
  const tombstones = new Map<string, string[]>();
  for (const a of stored) if (!keep.has(a.id)) tombstones.set(a.segment, [...(tombstones.get(a.segment) ?? []), a.id]);
  return { sources: merged.sources, fresh: merged.articles.filter((a) => !storedIds.has(a.id)).map((a) => a.id), tombstones, evicted: merged.evicted };
}

const notStored = () => false;
const full = new Map(segments.map((s) => [s.id, s.stored!]));
/** Segments read by a plan, and the plan. */
async function plan(view: StoredFeedSegment[], settings: FeedSettings, result = refreshResult, isStoredLive: (id: string) => boolean = notStored) {
  const read: string[] = [];
  const made = await planRefresh(view, { result, sources, settings, now: NOW }, isStoredLive, (s) => {
    read.push(s.id);
    return Promise.resolve(full.get(s.id)!);
  });
  return { read, plan: { ...made, fresh: made.fresh.map((a) => a.id) } };
}

test.each([10, 7, 100])('within a %i-day window and under the cap the plan is mergeRefresh’s, with only the segments at the edge read', async (retentionDays) => {
  const settings = { ...DEFAULT_FEED_SETTINGS, retentionDays };
  const expected = byMergeRefresh(settings);
  // Every segment read article by article (no summaries), and only those needsRefs asks for.
  const unsummarized = segments.map((s) => ({ ...s, summary: null }));
  const cutoff = new Date(NOW.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
  const followed = new Set(sources.map((s) => s.url));
  const edgeOnly = segments.map((s) => (needsRefs(s, followed, cutoff) ? s : { ...s, stored: null }));
  expect(edgeOnly.filter((s) => s.stored).map((s) => s.id)).toEqual(retentionDays < 14 ? ['seg-old', 'seg-mixed', 'seg-removed'] : ['seg-mixed', 'seg-removed']);
  for (const view of [unsummarized, edgeOnly]) {
    const made = await plan(view, settings);
    expect(made.plan).toEqual(expected);
    expect(made.read).toEqual([]);
  }
  // Not a plan that keeps nothing or everything: the unfollowed feed's article leaves, new articles within the window stay.
  expect(expected.fresh).toEqual([feedRecord(20).id, feedRecord(21).id, ...(retentionDays > 30 ? [feedRecord(22).id] : [])]);
  expect(expected.tombstones.get('seg-mixed')).toEqual([feedRecord(6).id]);
  expect(expected.tombstones.has('seg-old')).toBe(retentionDays < 14);
});

test.each([[100, 11], [100, 8], [100, 5], [100, 2], [10, 4], [10, 1]])('over the cap (a %i-day window, %i articles) the newest are kept as mergeRefresh keeps them, reading the oldest segments only', async (retentionDays, maxArticles) => {
  const settings = { ...DEFAULT_FEED_SETTINGS, retentionDays, maxArticles };
  const cutoff = new Date(NOW.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
  const followed = new Set(sources.map((s) => s.url));
  const edgeOnly = segments.map((s) => (needsRefs(s, followed, cutoff) ? s : { ...s, stored: null }));
  const made = await plan(edgeOnly, settings);
  expect(made.plan).toEqual(byMergeRefresh(settings));
  expect(new Set(made.read).size).toBe(made.read.length);
  // 9 live stored articles of followed feeds and 3 new ones in a 100-day window: over an 11-article
  // cap the one leaving is the new article of 30 days ago (nothing read); over 8, the four oldest
  // are it and the oldest segment's.
  if (retentionDays === 100 && maxArticles === 11) expect(made.read).toEqual([]);
  if (retentionDays === 100 && maxArticles === 8) expect(made.read).toEqual(['seg-old']);
});

test('a new record repeating a stored id is counted but not stored again', async () => {
  const repeat = refreshOf([feedRecord(11), feedRecord(20)]);
  const made = (await plan(segments, DEFAULT_FEED_SETTINGS, repeat, (id) => id === feedRecord(11).id)).plan;
  expect(made.fresh).toEqual([feedRecord(20).id]);
  expect(made.sources.find((s) => s.url === FEED_B)!.articles).toBe(mergeRefresh(segments.flatMap((s) => s.stored!.refs.filter((r) => !s.removed.includes(r.id))), repeat, sources, DEFAULT_FEED_SETTINGS, NOW).sources.find((s) => s.url === FEED_B)!.articles);
});

test('firstOf gives the first k in a total order, as sorting all and taking k does, ties and all', () => {
  // Deterministic values with many ties on the first key, told apart by the second.
  const items = Array.from({ length: 500 }, (_, i) => ({ day: (i * 37) % 11, position: i }));
  const order = (a: (typeof items)[number], b: (typeof items)[number]) => a.day - b.day || b.position - a.position;
  const sorted = [...items].sort(order);
  for (const k of [0, 1, 2, 7, 62, 499, 500, 800]) expect(firstOf(items, k, order)).toEqual(sorted.slice(0, k));
});
