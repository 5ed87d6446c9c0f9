// A refresh's plan decided segment by segment equals mergeRefresh over every stored article.
import { expect, test } from 'vitest';
import { DEFAULT_FEED_SETTINGS, mergeRefresh, type FeedArticleRef, type FeedSettings } from '@/lib/feeds/sources';
import { feedSegmentRefs, feedSummary, firstOf, needsRefs, planRefresh, type StoredFeedSegment } from './feed-refresh-plan';
import { FEED_REFS_PAGE, feedRefsPages } from './feed-refs';
import { withRemoved, withSummaries, type Manifest } from './manifest';
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
/** Segments read by a plan (a page of one as `id/page`), and the plan without its summaries. */
async function plan(view: StoredFeedSegment[], settings: FeedSettings, result = refreshResult, isStoredLive: (id: string) => boolean = notStored, all = segments) {
  const full = new Map(all.map((s) => [s.id, s.stored!]));
  const read: string[] = [];
  const made = await planRefresh(view, { result, sources, settings, now: NOW }, isStoredLive, (s, page) => {
    read.push(page === null ? s.id : `${s.id}/${page}`);
    const refs = full.get(s.id)!;
    return Promise.resolve(page === null ? refs : feedSegmentRefs(feedRefsPages(refs.refs)[page]!));
  });
  const { summaries, ...rest } = made;
  return { read, summaries, plan: { ...rest, fresh: made.fresh.map((a) => a.id) } };
}

test.each([10, 7, 100])('within a %i-day window and under the cap the plan is mergeRefresh’s, with only the segments at the edge read', async (retentionDays) => {
  const settings = { ...DEFAULT_FEED_SETTINGS, retentionDays };
  const expected = byMergeRefresh(settings);
  // Every segment read article by article (no summaries), and only those needsRefs asks for.
  const unsummarized = segments.map((s) => ({ ...s, summary: null }));
  const followed = new Set(sources.map((s) => s.url));
  const edgeOnly = segments.map((s) => (needsRefs(s, followed) ? s : { ...s, stored: null }));
  // A feed no longer followed, tombstones the summary does not count out.
  expect(edgeOnly.filter((s) => s.stored).map((s) => s.id)).toEqual(['seg-mixed', 'seg-removed']);
  const unsummarizedPlan = await plan(unsummarized, settings);
  expect(unsummarizedPlan.plan).toEqual(expected);
  expect(unsummarizedPlan.read).toEqual([]);
  const edgePlan = await plan(edgeOnly, settings);
  expect(edgePlan.plan).toEqual(expected);
  // The oldest segment's page reaching past the window, when it does.
  expect(edgePlan.read).toEqual(retentionDays < 14 ? ['seg-old/0'] : []);
  // Not a plan that keeps nothing or everything: the unfollowed feed's article leaves, new articles within the window stay.
  expect(expected.fresh).toEqual([feedRecord(20).id, feedRecord(21).id, ...(retentionDays > 30 ? [feedRecord(22).id] : [])]);
  expect(expected.tombstones.get('seg-mixed')).toEqual([feedRecord(6).id]);
  expect(expected.tombstones.has('seg-old')).toBe(retentionDays < 14);
});

test.each([[100, 11], [100, 8], [100, 5], [100, 2], [10, 4], [10, 1]])('over the cap (a %i-day window, %i articles) the newest are kept as mergeRefresh keeps them, reading the oldest segments only', async (retentionDays, maxArticles) => {
  const settings = { ...DEFAULT_FEED_SETTINGS, retentionDays, maxArticles };
  const followed = new Set(sources.map((s) => s.url));
  const edgeOnly = segments.map((s) => (needsRefs(s, followed) ? s : { ...s, stored: null }));
  const made = await plan(edgeOnly, settings);
  expect(made.plan).toEqual(byMergeRefresh(settings));
  expect(new Set(made.read).size).toBe(made.read.length);
  // 9 live stored articles of followed feeds and 3 new ones in a 100-day window: over an 11-article
  // cap the one leaving is the new article of 30 days ago (nothing read); over 8, the four oldest
  // are it and the oldest segment's.
  if (retentionDays === 100 && maxArticles === 11) expect(made.read).toEqual([]);
  if (retentionDays === 100 && maxArticles === 8) expect(made.read).toEqual(['seg-old/0']);
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

/** The manifest of `view`'s segments after the plan's switch: its tombstones, then its summaries. */
function switched(view: StoredFeedSegment[], made: { tombstones: Map<string, string[]>; summaries: Map<string, ReturnType<typeof feedSummary>> }): Manifest {
  const manifest: Manifest = {
    key: 'manifest',
    segments: view.map((s) => ({ id: s.id, kind: 'feeds', source: 'feeds', created: '', articles: s.stored!.refs.length, outlets: [], firstPublished: null, lastPublished: null, bytes: 0, parts: [], format: '', ...(s.summary ? { feeds: s.summary } : {}) })),
    removed: Object.fromEntries(view.filter((s) => s.removed.length).map((s) => [s.id, [...s.removed]])),
    updated: '',
  };
  return withSummaries(withRemoved(manifest, made.tombstones), made.summaries);
}

/** A segment's live articles counted as its summary counts them. */
const countedLive = (s: StoredFeedSegment, removed: readonly string[]) => feedSummary(s.stored!.refs.filter((r) => !removed.includes(r.id)));

test('at the cap, refresh after refresh, the oldest pages of a large segment are read and its summary counts its tombstones out', async () => {
  // A merged segment of three pages, oldest first (a day per 1,000 articles), and a recent one.
  const big = Array.from({ length: 2 * FEED_REFS_PAGE + 1000 }, (_, i) => ref(1000 + i, 40 - Math.floor(i / 1000), i % 3 ? FEED_A : FEED_B));
  const recent = [ref(100, 1, FEED_A), ref(101, 0, FEED_B)];
  let view: StoredFeedSegment[] = [segment('seg-big', big), segment('seg-recent', recent)];
  const all = view;
  for (let round = 0; round < 3; round++) {
    // The new articles are not stored in `view`: a cap lower each round keeps two leaving.
    const settings = { ...DEFAULT_FEED_SETTINGS, retentionDays: 100, maxArticles: big.length + recent.length - 2 * round };
    const result = refreshOf([feedRecord(200 + 2 * round), feedRecord(201 + 2 * round)]);
    const made = await plan(view.map((s) => ({ ...s, stored: null })), settings, result, notStored, all);
    // Two new articles in: the two oldest out, from the big segment's first page alone.
    expect([round, made.read]).toEqual([round, ['seg-big/0']]);
    const stored = view.flatMap((s) => s.stored!.refs.filter((r) => !s.removed.includes(r.id)).map((r) => ({ ...r, segment: s.id })));
    const merged = mergeRefresh(stored, result, sources, settings, NOW);
    const keptIds = new Set(merged.articles.map((m) => m.id));
    expect(made.plan.tombstones).toEqual(new Map([['seg-big', stored.filter((a) => !keptIds.has(a.id)).map((a) => a.id)]]));
    expect(made.plan.sources).toEqual(merged.sources);
    const next = switched(view, { tombstones: made.plan.tombstones, summaries: made.summaries });
    view = view.map((s) => ({ ...s, removed: next.removed[s.id] ?? [], summary: next.segments.find((e) => e.id === s.id)!.feeds! }));
    const bigNow = view[0]!;
    // Counted out: the summary is the live articles', and needs no whole read.
    expect(bigNow.summary!.removedCounted).toBe(2 * (round + 1));
    expect(bigNow.summary!.perFeed).toEqual(countedLive(bigNow, bigNow.removed).perFeed);
    expect(bigNow.summary!.pages!.map((p) => p.articles)).toEqual([FEED_REFS_PAGE, FEED_REFS_PAGE, 1000]);
    expect(bigNow.summary!.oldestDay).toBe(countedLive(bigNow, bigNow.removed).oldestDay);
    expect(needsRefs(bigNow, new Set([FEED_A, FEED_B]))).toBe(false);
  }
});

test('a summary is kept only if no other change tombstoned the segment meanwhile', async () => {
  const settings = { ...DEFAULT_FEED_SETTINGS, retentionDays: 10 };
  const made = await plan(segments, settings);
  expect(made.summaries.get('seg-old')!.removedCounted).toBe(made.plan.tombstones.get('seg-old')!.length);
  const meanwhile = switched(segments, { tombstones: new Map([['seg-old', [feedRecord(4).id]]]), summaries: new Map() });
  const after = withSummaries(withRemoved(meanwhile, made.plan.tombstones), made.summaries);
  const old = after.segments.find((s) => s.id === 'seg-old')!;
  expect(old.feeds).toEqual(segments[0]!.summary);
  expect(needsRefs({ removed: after.removed['seg-old']!, summary: old.feeds! }, new Set([FEED_A, FEED_B]))).toBe(true);
  // Segments read whole are counted anew: the one with tombstones is counted from its summary next time.
  const removedNow = switched(segments, { tombstones: made.plan.tombstones, summaries: made.summaries });
  const seg = removedNow.segments.find((s) => s.id === 'seg-removed')!;
  const live = countedLive(segments[2]!, segments[2]!.removed);
  expect(seg.feeds).toEqual({ perFeed: live.perFeed, oldestDay: live.oldestDay, removedCounted: 1, pages: [{ articles: 2, oldestDay: live.oldestDay }] });
  expect(needsRefs({ removed: removedNow.removed['seg-removed']!, summary: seg.feeds! }, new Set([FEED_A, FEED_B]))).toBe(false);
});

test('a segment stored in one part (summary without pages) counted anew stays one part', async () => {
  const settings = { ...DEFAULT_FEED_SETTINGS, retentionDays: 10 };
  const followed = new Set(sources.map((s) => s.url));
  const onePart = segments.map((s) => ({ ...s, summary: { perFeed: s.summary!.perFeed, oldestDay: s.summary!.oldestDay } })).map((s) => (needsRefs(s, followed) ? s : { ...s, stored: null }));
  const made = await plan(onePart, settings);
  expect(made.plan).toEqual(byMergeRefresh(settings));
  for (const summary of made.summaries.values()) expect(summary.pages).toBeUndefined();
  // Read by page, a one-part segment is read whole.
  expect(made.read).toEqual(['seg-old']);
});
