// One refresh of the feeds a user follows: fetch every feed, decide which items are new, fetch
// and extract their pages, and return the new corpus records with a report per feed. Shared by
// the CLI (`parallax corpus fetch`) and the extension's background; all I/O goes through the
// injected fetcher. A failing feed or page is reported and never stops the others.
import { hashString } from '../fingerprint/hash.ts';
import { fingerprintText, type Fingerprint } from '../fingerprint/index.ts';
import { extractArticle, NotAnArticleError } from '../article/from-html';
import { FetchFailure, type Fetcher, type Validators } from './fetch/fetcher';
import { createLimiter } from './fetch/limiter';
import { NearDuplicateIndex, type NearDuplicate } from './near-duplicates';
import type { KnownQuery } from '../corpus/known-articles.ts';
import { FeedParseError, parseFeedDocument } from './parse';
import type { CorpusRecord, FeedItem, FeedSource } from './types';
import { canonicalUrl, hostOf } from './url';
import { outletNameFor } from '../outlets/directory';

export const FEED_MAX_BYTES = 2 * 1024 * 1024;
export const PAGE_MAX_BYTES = 5 * 1024 * 1024;

/** An article the corpus already has (its URL and text are what new items are checked against). */
export interface KnownArticle {
  id: string;
  outlet: string | null;
  url?: string;
  text: string;
}

/**
 * The corpus already known, looked up rather than listed: the extension's stored corpus answers
 * from what it keeps (ids, canonical URLs per segment, its own LSH buckets and fingerprints), so a
 * refresh does not index every stored article again and costs in proportion to its new articles.
 */
export interface KnownLookup {
  hasId(id: string): boolean;
  /** The id of the known article at this canonical URL. */
  idAtUrl(canonical: string): string | undefined;
  /** The known article closest to this fingerprint, when it is a near-duplicate of it. */
  nearDuplicate(outlet: string | null, fingerprint: Fingerprint): NearDuplicate | null;
  /** Reads what checks of these URLs, ids and fingerprints will touch (stored articles read lazily); a lookup in memory has none. */
  prepare?(query: KnownQuery): Promise<void>;
}

/** A lookup over a list of known articles (the command line's corpus file). */
export function lookupOf(known: Iterable<KnownArticle>): KnownLookup {
  const urls = new Map<string, string>();
  const ids = new Set<string>();
  const articles: KnownArticle[] = [];
  for (const article of known) {
    ids.add(article.id);
    articles.push(article);
    if (article.url) {
      try {
        urls.set(canonicalUrl(article.url), article.id);
      } catch {
        // a corpus record with a URL that is not one cannot match a feed item
      }
    }
  }
  let index: NearDuplicateIndex | null = null;
  return {
    hasId: (id) => ids.has(id),
    idAtUrl: (canonical) => urls.get(canonical),
    nearDuplicate(outlet, fingerprint) {
      // Fingerprinting every known text costs time: only once a new article needs it.
      if (!index) {
        index = new NearDuplicateIndex();
        for (const article of articles) index.add(article.id, article.outlet, article.text);
      }
      return index.find(outlet, fingerprint);
    },
  };
}

export type ItemStatus = 'added' | 'skipped' | 'failed';

export interface ItemReport {
  url: string;
  title: string | null;
  status: ItemStatus;
  /** Why it was skipped or failed, in words. */
  reason?: string;
  /** The new record's id when added. */
  id?: string;
  /** A near-duplicate already in the corpus (syndicated copy or other version). */
  nearDuplicate?: NearDuplicate;
}

export interface FeedReport {
  url: string;
  title: string | null;
  status: 'fetched' | 'not-modified' | 'failed';
  error?: string;
  /** Send these next time to ask "changed since?". Absent when an item failed, so it is retried. */
  validators?: Validators;
  items: ItemReport[];
  added: number;
  skipped: number;
  failed: number;
}

export interface RefreshProgress {
  phase: 'feeds' | 'articles' | 'done';
  done: number;
  total: number;
}

export interface RefreshOptions {
  feeds: FeedSource[];
  fetcher: Fetcher;
  known?: Iterable<KnownArticle> | KnownLookup;
  /** Validators saved from the last refresh, by feed URL. */
  feedValidators?: Record<string, Validators>;
  /** YYYY-MM-DD: items published before this day are skipped. */
  since?: string | null;
  /** Pages fetched at once across all hosts (the fetcher also limits per host). */
  concurrency?: number;
  maxItemsPerFeed?: number;
  feedMaxBytes?: number;
  pageMaxBytes?: number;
  minArticleChars?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RefreshProgress) => void;
}

export interface RefreshResult {
  records: CorpusRecord[];
  feeds: FeedReport[];
}

/** A stable id from the article's canonical URL (64 bits of hash: no collisions at corpus scale). */
export function articleId(url: string): string {
  const canonical = canonicalUrl(url);
  const high = hashString(canonical, 0x9e3779b9).toString(16).padStart(8, '0');
  const low = hashString(canonical, 0x85ebca6b).toString(16).padStart(8, '0');
  return `${hostOf(url)}/${high}${low}`;
}

function describe(error: unknown): string {
  if (error instanceof FetchFailure || error instanceof FeedParseError || error instanceof NotAnArticleError) return error.message;
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

interface Pending {
  feed: FeedReport;
  source: FeedSource;
  feedTitle: string | null;
  item: FeedItem;
  report: ItemReport;
  record?: CorpusRecord;
}

/** Of two near-duplicates, a duplicate first (the article is not added), else the more contained. */
function nearest(a: NearDuplicate | null, b: NearDuplicate | null): NearDuplicate | null {
  if (!a || !b) return a ?? b;
  if ((a.kind === 'duplicate') !== (b.kind === 'duplicate')) return a.kind === 'duplicate' ? a : b;
  return b.containment > a.containment ? b : a;
}

export async function refreshFeeds(options: RefreshOptions): Promise<RefreshResult> {
  const limiter = createLimiter(options.concurrency ?? 4);
  const maxItems = options.maxItemsPerFeed ?? 100;
  const known: KnownLookup = options.known && 'idAtUrl' in options.known ? options.known : lookupOf(options.known ?? []);
  // Ids taken by this refresh's own new articles (the known corpus answers for the rest).
  const newIds = new Set<string>();
  const progress = (phase: RefreshProgress['phase'], done: number, total: number) => options.onProgress?.({ phase, done, total });

  // 1. Feeds, all at once within the limits.
  let feedsDone = 0;
  progress('feeds', 0, options.feeds.length);
  const fetched = await Promise.all(
    options.feeds.map((source) =>
      limiter.run(async () => {
        const report: FeedReport = { url: source.url, title: source.title ?? null, status: 'failed', items: [], added: 0, skipped: 0, failed: 0 };
        let items: FeedItem[] = [];
        let feedTitle: string | null = null;
        try {
          const validators = options.feedValidators?.[source.url];
          const response = await options.fetcher.get(source.url, { expect: 'feed', maxBytes: options.feedMaxBytes ?? FEED_MAX_BYTES, ...(validators ? { validators } : {}), ...(options.signal ? { signal: options.signal } : {}) });
          if (response.kind === 'not-modified') {
            report.status = 'not-modified';
            report.validators = response.validators;
          } else {
            const document = parseFeedDocument(response.body, response.finalUrl);
            feedTitle = document.title;
            report.title ??= document.title;
            report.status = 'fetched';
            report.validators = response.validators;
            items = document.items;
            for (const dropped of document.dropped) report.items.push({ url: dropped.url ?? dropped.key, title: null, status: 'skipped', reason: dropped.reason });
          }
        } catch (error) {
          if (error instanceof FetchFailure && error.reason === 'aborted') throw error;
          report.error = describe(error);
        }
        progress('feeds', ++feedsDone, options.feeds.length);
        return { source, report, items, feedTitle };
      }),
    ),
  );

  // 2. Decide what is new, in feed order, so that an article listed by two feeds is credited
  //    to the first one whatever order the network answers in.
  const claimed = new Map<string, string>();
  const pending: Pending[] = [];
  const canonicals = fetched.map(({ items }) => items.map((item) => canonicalUrl(item.url)));
  await known.prepare?.({ urls: canonicals.flat() });
  for (const [f, { source, report, items, feedTitle }] of fetched.entries()) {
    for (const [index, item] of items.entries()) {
      const itemReport: ItemReport = { url: item.url, title: item.title, status: 'skipped' };
      report.items.push(itemReport);
      const canonical = canonicals[f]![index]!;
      const knownId = known.idAtUrl(canonical);
      if (knownId) itemReport.reason = `already in the corpus (${knownId})`;
      else if (claimed.has(canonical)) itemReport.reason = `also in ${claimed.get(canonical)}`;
      else if (options.since && item.published && item.published < options.since) itemReport.reason = `published ${item.published}, before ${options.since}`;
      else if (index >= maxItems) itemReport.reason = `beyond the first ${maxItems} items of the feed`;
      else {
        claimed.set(canonical, source.title ?? feedTitle ?? source.url);
        pending.push({ feed: report, source, feedTitle, item, report: itemReport });
      }
    }
  }

  // 3. Pages, concurrently within the global and per-host limits.
  let pagesDone = 0;
  progress('articles', 0, pending.length);
  await Promise.all(
    pending.map((entry) =>
      limiter.run(async () => {
        const { item, report } = entry;
        try {
          const response = await options.fetcher.get(item.url, { expect: 'html', maxBytes: options.pageMaxBytes ?? PAGE_MAX_BYTES, ...(options.signal ? { signal: options.signal } : {}) });
          if (response.kind !== 'ok') throw new Error('the server answered "not modified" to an unconditional request');
          const finalCanonical = canonicalUrl(response.finalUrl);
          if (finalCanonical !== canonicalUrl(item.url)) {
            await known.prepare?.({ urls: [finalCanonical] });
            const knownId = known.idAtUrl(finalCanonical);
            if (knownId || claimed.has(finalCanonical)) {
              report.reason = `redirects to ${response.finalUrl}, ${knownId ? `already in the corpus (${knownId})` : 'also listed in a feed'}`;
              return;
            }
            claimed.set(finalCanonical, entry.source.title ?? entry.source.url);
          }
          const article = extractArticle(response.body, options.minArticleChars !== undefined ? { minChars: options.minArticleChars } : {});
          const published = item.published ?? article.published;
          if (options.since && published && published < options.since) {
            report.reason = `published ${published}, before ${options.since}`;
            return;
          }
          const record: CorpusRecord = {
            id: articleId(response.finalUrl),
            // The directory names the outlet from the page's address; else what the page, the user or the feed calls it.
            outlet: outletNameFor(response.finalUrl, article.siteName ?? entry.source.title ?? entry.feedTitle ?? hostOf(response.finalUrl)) ?? hostOf(response.finalUrl),
            url: finalCanonical,
            text: article.text,
          };
          const title = article.title ?? item.title;
          if (title) record.title = title;
          if (published) record.published = published;
          report.url = finalCanonical;
          entry.record = record;
        } catch (error) {
          if (error instanceof FetchFailure && error.reason === 'aborted') throw error;
          report.status = 'failed';
          report.reason = describe(error);
        } finally {
          progress('articles', ++pagesDone, pending.length);
        }
      }),
    ),
  );

  // 4. Near-duplicates, in feed order again so that the first-listed copy is the one kept.
  const records: CorpusRecord[] = [];
  // Articles of this refresh, for a copy listed twice in the same refresh.
  const added = new NearDuplicateIndex();
  const fingerprints = new Map(pending.flatMap((entry) => (entry.record ? [[entry, fingerprintText(entry.record.text)] as const] : [])));
  await known.prepare?.({ ids: [...fingerprints.keys()].map((entry) => entry.record!.id), fingerprints: fingerprints.values() });
  for (const entry of pending) {
    const record = entry.record;
    if (!record) continue;
    const fingerprint = fingerprints.get(entry)!;
    const near = nearest(known.nearDuplicate(record.outlet, fingerprint), added.find(record.outlet, fingerprint));
    if (near?.kind === 'duplicate') {
      entry.report.reason = `same text as ${near.id} (${near.outlet ?? 'no outlet'})`;
      continue;
    }
    let id = record.id;
    for (let n = 2; known.hasId(id) || newIds.has(id); n += 1) {
      id = `${record.id}-${n}`;
      await known.prepare?.({ ids: [id] });
    }
    record.id = id;
    newIds.add(id);
    added.add(id, record.outlet, fingerprint);
    records.push(record);
    entry.report.status = 'added';
    entry.report.id = id;
    if (near) entry.report.nearDuplicate = near;
  }

  const feeds = fetched.map(({ report }) => {
    for (const item of report.items) report[item.status === 'added' ? 'added' : item.status === 'failed' ? 'failed' : 'skipped'] += 1;
    if (report.failed > 0 && report.status === 'fetched') delete report.validators;
    return report;
  });
  progress('done', pending.length, pending.length);
  return { records, feeds };
}
