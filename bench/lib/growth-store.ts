// The extension's stored corpus as the growth benchmark drives it: the same storage module the
// background and the options page use (utils/corpus-storage), on the global IndexedDB
// (fake-indexeddb in Node). A scheduled refresh runs in a background the browser had stopped
// since the last one (an idle MV3 worker ends after about 30 s), so each refresh opens the
// database and the stored corpus afresh, as the extension's does.
import { readFileSync } from 'node:fs';
import { analyze } from '../../lib/analyze.ts';
import { compileCorpus, loadCorpus, serializeCorpus, type Corpus } from '../../lib/corpus/index.ts';
import { seedRecords } from '../../lib/corpus/test-seeds.ts';
import type { FeedReport, RefreshResult } from '../../lib/feeds/refresh.ts';
import { DEFAULT_FEED_SETTINGS, type FeedSettings, type SourceState } from '../../lib/feeds/sources.ts';
import type { AnalysisResult, ArticleInput } from '../../lib/result.ts';
import { openCorporaDb, type CorporaDatabase } from '../../utils/corpus-storage/db.ts';
import { saveFeedRefresh } from '../../utils/corpus-storage/feed-segments.ts';
import { runMerges } from '../../utils/corpus-storage/merge.ts';
import { openStoredCorpus as openStored, type SegmentCache } from '../../utils/corpus-storage/open.ts';
import type { FeedDayArticle, FollowedOutlet } from './synthetic.ts';

/**
 * Retention for the benchmark: the largest the options page allows (100,000 articles), kept
 * 100 days so that nothing expires before the 100,000-article step (67 days of 1,500).
 */
export const GROWTH_SETTINGS: FeedSettings = { ...DEFAULT_FEED_SETTINGS, intervalMinutes: 60, retentionDays: 100, maxArticles: 100_000 };

/** The bundled corpus (the seeds, as `npm run build` bundles them), serialized as public/corpus.bin is. */
export function bundledCorpusBytes(): Uint8Array {
  return serializeCorpus(compileCorpus(seedRecords(), { name: 'seeds' }));
}

/** What a refresh of the feeds found: each article added by its outlet's feed. */
function refreshResult(articles: readonly FeedDayArticle[]): RefreshResult {
  const feeds = new Map<string, FeedReport>();
  for (const a of articles) {
    let report = feeds.get(a.feedUrl);
    if (!report) feeds.set(a.feedUrl, (report = { url: a.feedUrl, title: a.outlet, status: 'fetched', items: [], added: 0, skipped: 0, failed: 0 }));
    report.items.push({ url: a.url, title: a.title ?? null, status: 'added', id: a.id });
    report.added++;
  }
  return { records: articles.map(({ feedUrl: _f, ...r }) => r), feeds: [...feeds.values()] };
}

/** The followed outlets' feeds as the options page stores them (Sources). */
export function followedSources(outlets: readonly FollowedOutlet[], since: Date): SourceState[] {
  return outlets.map((o) => ({ url: o.feedUrl, title: o.name, addedAt: since.toISOString(), lastFetched: null, lastAdded: 0, articles: 0, lastError: null, lastFailures: [] }));
}

export interface GrowthStore {
  /** One scheduled refresh that found these new articles, stored as the extension stores it. */
  refresh(articles: readonly FeedDayArticle[], now: Date): Promise<void>;
  /** What the background does between refreshes to keep the corpus fast (merging segments). */
  maintain(now: Date): Promise<void>;
  segmentCount(): Promise<number>;
  close(): void;
}

export async function openGrowthStore(sources: readonly SourceState[], bundledBytes: Uint8Array): Promise<GrowthStore> {
  let db: CorporaDatabase | null = null;
  // Segments this background has read since it started (open.ts keeps them by id).
  let cache: SegmentCache = new Map();
  return {
    async refresh(articles, now) {
      db?.close();
      db = await openCorporaDb();
      cache = new Map();
      const { corpus } = await openStored(db, loadCorpus(bundledBytes), cache);
      await saveFeedRefresh(db, { context: corpus, result: refreshResult(articles), sources, settings: GROWTH_SETTINGS, now });
    },
    async maintain() {
      await runMerges(db!, cache);
    },
    async segmentCount() {
      db ??= await openCorporaDb();
      return (await openStored(db, loadCorpus(bundledBytes))).manifest.segments.length;
    },
    close() {
      db?.close();
    },
  };
}

/** A stopped background started again: the stored corpus opened from IndexedDB (the bundled corpus read from its file). */
export async function openStoredCorpus(bundledPath: string): Promise<Corpus> {
  const db = await openCorporaDb();
  return (await openStored(db, loadCorpus(new Uint8Array(readFileSync(bundledPath))))).corpus;
}

export function analyzeStored(corpus: Corpus, page: ArticleInput): Promise<AnalysisResult> | AnalysisResult {
  return analyze(page, corpus);
}
