// What the extension keeps about the feeds a user follows, and the pure rules for updating it:
// per-feed status after a refresh, which articles to keep (retention window and size cap), and
// the host permission each feed needs. The background and the options page both use these.
import type { Validators } from './fetch/fetcher';
import type { FeedReport, RefreshResult } from './refresh';
import type { CorpusRecord, FeedSource } from './types';
import { canonicalUrl, isWebUrl } from './url';

export const SOURCES_KEY = 'parallax.feeds.sources';
export const FEED_SETTINGS_KEY = 'parallax.feeds.settings';
export const REFRESH_STATE_KEY = 'parallax.feeds.refresh';
export const FEEDS_CORPUS_ID = 'feeds';
export const FEEDS_CORPUS_NAME = 'Followed feeds';
/** Set once the stored settings were checked against the former defaults (withCurrentRetentionDefaults). */
export const RETENTION_DEFAULTS_CHECKED_KEY = 'parallax.feeds.retentionDefaultsChecked';

export interface SourceState extends FeedSource {
  addedAt: string;
  /** ISO date-time of the last refresh that reached the feed (or tried to). */
  lastFetched: string | null;
  /** New articles the last refresh took from this feed. */
  lastAdded: number;
  /** Articles from this feed in the corpus now. */
  articles: number;
  lastError: string | null;
  /** Pages of the last refresh that failed, with their reasons. */
  lastFailures: { url: string; reason: string }[];
  validators?: Validators;
}

export interface FeedSettings {
  /** Minutes between automatic refreshes; 0 = only on demand (the default). */
  intervalMinutes: number;
  retentionDays: number;
  maxArticles: number;
}

/**
 * Two weeks of a starter selection (30 outlets, 1,000-2,000 articles a day) fit under the cap;
 * stored as segments, a refresh costs in proportion to its new articles, not to the corpus.
 */
export const DEFAULT_FEED_SETTINGS: FeedSettings = { intervalMinutes: 0, retentionDays: 14, maxArticles: 40_000 };
export const INTERVAL_CHOICES = [0, 60, 180, 360, 720, 1440] as const;

/** The retention defaults before corpora were stored as segments: 30 days, 2,000 articles. */
const FORMER_DEFAULT_RETENTION = { retentionDays: 30, maxArticles: 2000 } as const;

/**
 * Settings saved while the former defaults were the defaults (saving any Sources setting stored
 * all three), moved to the current window and cap; null when the stored window or cap is anything
 * else, which the user chose and keeps. The interval is kept either way.
 */
export function withCurrentRetentionDefaults(stored: unknown): FeedSettings | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { retentionDays, maxArticles } = stored as Partial<FeedSettings>;
  if (retentionDays !== FORMER_DEFAULT_RETENTION.retentionDays || maxArticles !== FORMER_DEFAULT_RETENTION.maxArticles) return null;
  return { ...parseFeedSettings(stored), retentionDays: DEFAULT_FEED_SETTINGS.retentionDays, maxArticles: DEFAULT_FEED_SETTINGS.maxArticles };
}

/** What the extension keeps about a feed article to evict it and to count it per feed (the text lives in the corpus). */
export interface FeedArticleRef {
  id: string;
  feedUrl: string;
  fetchedAt: string;
  published?: string | null;
}

/** A corpus record with what the extension needs to evict it and to count it per feed. */
export interface FeedArticle extends CorpusRecord {
  feedUrl: string;
  fetchedAt: string;
}

export interface RefreshState {
  running: boolean;
  /** 'stopped': the user stopped it; nothing of that refresh was kept, the feeds stay followed. */
  phase: 'feeds' | 'articles' | 'saving' | 'done' | 'failed' | 'stopped';
  done: number;
  total: number;
  startedAt: string;
  finishedAt?: string;
  added?: number;
  error?: string;
}

export function parseFeedSettings(value: unknown): FeedSettings {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof FeedSettings, unknown>>;
  const pick = (key: keyof FeedSettings, ok: (n: number) => boolean) => {
    const n = input[key];
    return typeof n === 'number' && Number.isInteger(n) && ok(n) ? n : DEFAULT_FEED_SETTINGS[key];
  };
  return {
    intervalMinutes: pick('intervalMinutes', (n) => (INTERVAL_CHOICES as readonly number[]).includes(n)),
    retentionDays: pick('retentionDays', (n) => n >= 1 && n <= 3650),
    maxArticles: pick('maxArticles', (n) => n >= 10 && n <= 100_000),
  };
}

/** The match pattern for the optional host permission a feed needs. */
export function originPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** Adds a feed, or says why not (a message for the user). */
export function addSource(sources: readonly SourceState[], input: FeedSource, now: Date): SourceState[] | string {
  const url = input.url.trim();
  if (!isWebUrl(url)) return `“${url}” is not a web address (it should start with https:// or http://).`;
  const key = canonicalUrl(url);
  if (sources.some((s) => canonicalUrl(s.url) === key)) return 'You already follow this feed.';
  const source: SourceState = { url, addedAt: now.toISOString(), lastFetched: null, lastAdded: 0, articles: 0, lastError: null, lastFailures: [] };
  if (input.title?.trim()) source.title = input.title.trim();
  return [...sources, source];
}

/** Articles to keep: within the retention window (by publication day, else fetch time), newest first up to the cap. */
export function applyRetention<T extends FeedArticleRef>(articles: readonly T[], settings: FeedSettings, now: Date): { kept: T[]; evicted: T[] } {
  const cutoff = retentionCutoff(settings, now);
  const dayOf = retentionDay;
  const fresh: T[] = [];
  const old: T[] = [];
  for (const a of articles) (dayOf(a) >= cutoff ? fresh : old).push(a);
  // Under the cap every fresh article stays, in the order given: sorting and sifting every stored
  // article on each refresh cost 0.1 s of CPU at 100,000 articles. Over it, the newest are kept;
  // ISO dates and times order as their UTF-16 code units do (faster than localeCompare).
  if (fresh.length <= settings.maxArticles) return { kept: fresh, evicted: old };
  const newerFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  const keptSet = new Set([...fresh].sort((a, b) => newerFirst(dayOf(a), dayOf(b)) || newerFirst(a.fetchedAt, b.fetchedAt)).slice(0, settings.maxArticles));
  return { kept: articles.filter((a) => keptSet.has(a)), evicted: articles.filter((a) => !keptSet.has(a)) };
}

/** The feeds' corpus after a refresh: old articles plus new ones, minus feeds no longer followed, within retention. */
export function mergeRefresh<T extends FeedArticleRef>(
  stored: readonly T[],
  result: RefreshResult,
  sources: readonly SourceState[],
  settings: FeedSettings,
  now: Date,
): { articles: (T | FeedArticle)[]; evicted: number; sources: SourceState[] } {
  const followed = new Set(sources.map((s) => s.url));
  const added = refreshArticles(result, now);
  const candidates: (T | FeedArticle)[] = [...stored.filter((a) => followed.has(a.feedUrl)), ...added.filter((a) => followed.has(a.feedUrl))];
  const { kept, evicted } = applyRetention(candidates, settings, now);
  const counts = new Map<string, number>();
  for (const article of kept) counts.set(article.feedUrl, (counts.get(article.feedUrl) ?? 0) + 1);
  return { articles: kept, evicted: evicted.length + (stored.length + added.length - candidates.length), sources: refreshedSources(sources, result, counts, now) };
}

/** A refresh's new records with the feed each came from and when it was fetched (now). */
export function refreshArticles(result: RefreshResult, now: Date): FeedArticle[] {
  const byRecord = new Map<string, string>();
  for (const report of result.feeds) for (const item of report.items) if (item.status === 'added' && item.id) byRecord.set(item.id, report.url);
  const fetchedAt = now.toISOString();
  return result.records.map((record) => ({ ...record, feedUrl: byRecord.get(record.id) ?? '', fetchedAt }));
}

/** The sources after a refresh: each feed's status from its report, and `counts` (articles kept per feed URL). */
export function refreshedSources(sources: readonly SourceState[], result: RefreshResult, counts: ReadonlyMap<string, number>, now: Date): SourceState[] {
  const fetchedAt = now.toISOString();
  const reports = new Map<string, FeedReport>(result.feeds.map((r) => [r.url, r]));
  return sources.map((source) => {
    const report = reports.get(source.url);
    const next: SourceState = { ...source, articles: counts.get(source.url) ?? 0 };
    if (!report) return next;
    next.lastFetched = fetchedAt;
    next.lastAdded = report.added;
    next.lastError = report.status === 'failed' ? (report.error ?? 'failed') : null;
    next.lastFailures = report.items.filter((i) => i.status === 'failed').map((i) => ({ url: i.url, reason: i.reason ?? 'failed' }));
    if (!next.title && report.title) next.title = report.title;
    if (report.validators) next.validators = report.validators;
    else delete next.validators;
    return next;
  });
}

/** The day an article counts from for the retention window: its publication day, else the day it was fetched. */
export const retentionDay = (a: FeedArticleRef): string => a.published ?? a.fetchedAt.slice(0, 10);

/** The first day (YYYY-MM-DD) the retention window keeps. */
export const retentionCutoff = (settings: FeedSettings, now: Date): string => new Date(now.getTime() - settings.retentionDays * 86_400_000).toISOString().slice(0, 10);

/** A corpus record without the extension's bookkeeping fields. */
export function toCorpusRecord(article: FeedArticle): CorpusRecord {
  const { feedUrl: _feed, fetchedAt: _fetched, ...record } = article;
  return record;
}
