// The extension's stored corpus as the growth benchmark drives it: the same storage module the
// background and the options page use (utils/corpus-storage), on the global IndexedDB
// (fake-indexeddb in Node). A scheduled refresh runs in a background the browser had stopped
// since the last one (an idle MV3 worker ends after about 30 s), so each refresh opens the
// database and the stored corpus afresh, as the extension's does.
import { readFileSync } from 'node:fs';
import { analyzeAsync } from '../../lib/analyze.ts';
import { compileCorpus, loadCorpus, serializeCorpus, type Corpus } from '../../lib/corpus/index.ts';
import { seedRecords } from '../../lib/corpus/test-seeds.ts';
import { refreshFeeds, type FeedReport, type RefreshResult } from '../../lib/feeds/refresh.ts';
import { DEFAULT_FEED_SETTINGS, type FeedSettings, type SourceState } from '../../lib/feeds/sources.ts';
import type { AnalysisResult, ArticleInput } from '../../lib/result.ts';
import { createStoredCorpora, type StoredCorpora } from '../../utils/corpus-storage/corpora.ts';
import { forgetFeedBookkeeping, saveFeedRefresh } from '../../utils/corpus-storage/feed-segments.ts';
import { readManifest } from '../../utils/corpus-storage/store.ts';
import { knownLookup } from '../../utils/corpus-storage/known.ts';
import { simulatedSites } from './growth-feeds.ts';
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

/** Wall and CPU milliseconds of one phase of a refresh. */
export interface PhaseTime {
  ms: number;
  cpuMs: number;
}

export interface RefreshTimes {
  /** The stored articles opened by the refresh's background (it had been stopped since the last): the segments' lookup parts. */
  open: PhaseTime;
  /** Feeds read, pages extracted, near-duplicates checked against the corpus (lib/feeds/refresh.ts); null when the articles were handed over directly. */
  read: PhaseTime | null;
  /** New articles compiled into a segment, written, manifest switched (saveFeedRefresh). */
  save: PhaseTime;
  /** The corpus reopened after the refresh if the background had it open (one started for the refresh had not: its first page opens it). */
  reopen: PhaseTime;
  /** Articles the refresh stored. */
  added: number;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, PhaseTime]> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const cpu = process.cpuUsage(c0);
  return [value, { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }];
}

export interface GrowthStore {
  /**
   * One scheduled refresh that finds these new articles, as entrypoints/background/feeds.ts runs
   * it. With `readFeeds`, the feeds and pages are read and extracted from simulated sites; without,
   * the articles are handed to the storing step as the reading would have returned them (cheaper,
   * for the days between measurements).
   */
  refresh(articles: readonly FeedDayArticle[], now: Date, readFeeds: boolean): Promise<RefreshTimes>;
  /** The merges the background runs after a refresh (StoredCorpora.merge). */
  maintain(): Promise<PhaseTime>;
  segmentCount(): Promise<number>;
}

export function openGrowthStore(sources: readonly SourceState[], bundledBytes: Uint8Array): GrowthStore {
  const feedUrls = sources.map((s) => s.url);
  // The background of the latest refresh; a new one for each (the browser stopped the last).
  let corpora: StoredCorpora | null = null;
  return {
    async refresh(articles, now, readFeeds) {
      // A background started again: nothing of the stored corpus in memory, its feed bookkeeping included.
      forgetFeedBookkeeping();
      const background = (corpora = createStoredCorpora({ bundled: () => Promise.resolve(loadCorpus(bundledBytes)) }));
      const [opened, open] = await timed(() => background.known());
      const context = opened.articles;
      let read: PhaseTime | null = null;
      let result = refreshResult(articles);
      if (readFeeds) {
        [result, read] = await timed(() => refreshFeeds({ feeds: [...sources], fetcher: simulatedSites(articles, feedUrls), known: knownLookup(opened), concurrency: 4 }));
      }
      const [saved, save] = await timed(async () => saveFeedRefresh(await background.db(), { context, result, sources, settings: GROWTH_SETTINGS, now }));
      const [, reopen] = await timed(() => background.refreshed());
      return { open, read, save, reopen, added: saved.added };
    },
    async maintain() {
      return (await timed(() => corpora!.merge()))[1];
    },
    async segmentCount() {
      return (await readManifest(await corpora!.db())).segments.length;
    },
  };
}

/** A stopped background started again: its corpus opened from IndexedDB, the bundled corpus read from its file, as on the first page it gets. */
export function openStoredCorpus(bundledPath: string): Promise<Corpus> {
  return createStoredCorpora({ bundled: () => Promise.resolve(loadCorpus(new Uint8Array(readFileSync(bundledPath))) as Corpus) }).current();
}

/** The background's analysis (entrypoints/background/index.ts): stored segments read their articles' blocks on demand. */
export function analyzeStored(corpus: Corpus, page: ArticleInput): Promise<AnalysisResult> {
  return analyzeAsync(page, corpus);
}
