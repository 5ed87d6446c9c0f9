// Fresh coverage from the feeds the user follows (Sources in the options page). The only network
// requests the extension ever makes start here, and only for feeds the user added and whose
// hosts they allowed: with no feeds nothing is scheduled and nothing is fetched. The browser's
// own permission check cannot be relied on (the content script's match grants every origin), so
// every request and redirect hop goes through the allowed feeds' host policy (host-policy.ts). Fetched HTML is
// parsed by linkedom inside this background context (no page scripts run, nothing is inserted
// into an extension page); the articles become the "Followed feeds" imported corpus, compiled
// together with the bundled corpus by the same code as the options page's imports.
import { browser } from 'wxt/browser';
import { corpusRecords } from '@/lib/import/combine';
import type { ImportedCorpus, ImportRecord } from '@/lib/import/records';
import { parseMessage } from '@/lib/messages';
import { createFetcher, type FetchLike } from '@/lib/feeds/fetch/fetcher';
import { feedHostPolicy } from '@/lib/feeds/fetch/host-policy';
import { refreshFeeds, type KnownArticle } from '@/lib/feeds/refresh';
import {
  FEED_SETTINGS_KEY,
  FEEDS_CORPUS_ID,
  FEEDS_CORPUS_NAME,
  mergeRefresh,
  originPattern,
  parseFeedSettings,
  REFRESH_STATE_KEY,
  SOURCES_KEY,
  type FeedArticle,
  type RefreshState,
  type SourceState,
} from '@/lib/feeds/sources';
import { fetchBundledCorpus } from './corpus-store';
import { listImportedCorpora, openCorporaDb, withImportedCorpora } from './imported-corpora';

const ALARM = 'parallax-feeds-refresh';

async function readSources(): Promise<SourceState[]> {
  const stored = (await browser.storage.local.get(SOURCES_KEY))[SOURCES_KEY];
  return Array.isArray(stored) ? (stored as SourceState[]) : [];
}

async function setRefreshState(state: RefreshState): Promise<void> {
  await browser.storage.local.set({ [REFRESH_STATE_KEY]: state });
}

function summary(articles: readonly FeedArticle[]): ImportedCorpus['summary'] {
  const days = articles.map((a) => a.published).filter((d): d is string => !!d).sort();
  return {
    name: FEEDS_CORPUS_NAME,
    articles: articles.length,
    outlets: new Set(articles.map((a) => a.outlet ?? '')).size,
    firstPublished: days[0] ?? null,
    lastPublished: days.at(-1) ?? null,
  };
}

/** Stores the feeds' corpus (or removes it when empty) and drops the stale combination. */
async function storeFeedArticles(articles: FeedArticle[], now: Date): Promise<void> {
  const db = await openCorporaDb();
  const tx = db.transaction(['imports', 'records', 'artifacts'], 'readwrite');
  const writes: Promise<unknown>[] = [tx.objectStore('artifacts').delete('combined')];
  if (articles.length) {
    const corpus: ImportedCorpus = { id: FEEDS_CORPUS_ID, name: FEEDS_CORPUS_NAME, fileName: 'news feeds (Sources)', importedAt: now.toISOString(), summary: summary(articles) };
    writes.push(tx.objectStore('imports').put(corpus), tx.objectStore('records').put({ id: FEEDS_CORPUS_ID, records: articles as ImportRecord[] }));
  } else {
    writes.push(tx.objectStore('imports').delete(FEEDS_CORPUS_ID), tx.objectStore('records').delete(FEEDS_CORPUS_ID));
  }
  await Promise.all([...writes, tx.done]);
}

/** Everything the corpus already has, so a feed never adds an article twice across corpora. */
async function knownArticles(): Promise<{ feed: FeedArticle[]; others: KnownArticle[] }> {
  const db = await openCorporaDb();
  const feed = ((await db.get('records', FEEDS_CORPUS_ID))?.records ?? []) as FeedArticle[];
  const others: KnownArticle[] = [];
  for (const imported of await listImportedCorpora(db)) {
    if (imported.id === FEEDS_CORPUS_ID) continue;
    others.push(...((await db.get('records', imported.id))?.records ?? []));
  }
  try {
    others.push(...corpusRecords(await fetchBundledCorpus()));
  } catch {
    // Without the bundled corpus only imports are checked; the refresh itself still works.
  }
  return { feed, others };
}

export interface FeedRefresher {
  refresh(): Promise<RefreshState>;
}

/** Starts the feed refresher; `onCorpusChanged` lets the background reload its corpus. */
export function startFeeds(options: { onCorpusChanged: () => void; fetch?: FetchLike }): FeedRefresher {
  let running: Promise<RefreshState> | null = null;
  // Aborted when the user stops the refresh (first-run page); pending fetches end at once.
  let stopper: AbortController | null = null;

  async function schedule(): Promise<void> {
    if (!browser.alarms) return;
    const settings = parseFeedSettings((await browser.storage.local.get(FEED_SETTINGS_KEY))[FEED_SETTINGS_KEY]);
    const sources = await readSources();
    const existing = await browser.alarms.get(ALARM);
    if (settings.intervalMinutes === 0 || sources.length === 0) {
      if (existing) await browser.alarms.clear(ALARM);
    } else if (existing?.periodInMinutes !== settings.intervalMinutes) {
      await browser.alarms.create(ALARM, { delayInMinutes: settings.intervalMinutes, periodInMinutes: settings.intervalMinutes });
    }
  }

  async function run(): Promise<RefreshState> {
    const stop = (stopper = new AbortController());
    const started = new Date();
    const state: RefreshState = { running: true, phase: 'feeds', done: 0, total: 0, startedAt: started.toISOString() };
    try {
      const sources = await readSources();
      if (sources.length === 0) {
        // Nothing followed, nothing fetched: not even the corpus store is opened.
        const idle: RefreshState = { running: false, phase: 'done', done: 0, total: 0, startedAt: state.startedAt, finishedAt: new Date().toISOString(), added: 0 };
        await setRefreshState(idle);
        return idle;
      }
      const settings = parseFeedSettings((await browser.storage.local.get(FEED_SETTINGS_KEY))[FEED_SETTINGS_KEY]);
      // A feed whose host the user has not allowed (or has since revoked) is not fetched.
      const allowed: SourceState[] = [];
      const denied = new Set<string>();
      for (const source of sources) {
        if (await browser.permissions.contains({ origins: [originPattern(source.url)] })) allowed.push(source);
        else denied.add(source.url);
      }
      await setRefreshState(state);
      const { feed, others } = await knownArticles();
      const result = await refreshFeeds({
        feeds: allowed,
        fetcher: createFetcher({ fetch: options.fetch ?? ((url, init) => fetch(url, init)), policy: feedHostPolicy(allowed.map((source) => source.url)) }),
        known: [...others, ...feed],
        feedValidators: Object.fromEntries(allowed.filter((s) => s.validators).map((s) => [s.url, s.validators!])),
        concurrency: 4,
        signal: stop.signal,
        onProgress: (progress) => {
          if (progress.phase === 'done') return;
          Object.assign(state, progress);
          void setRefreshState(state);
        },
      });
      Object.assign(state, { phase: 'saving' });
      await setRefreshState(state);
      // The user may have added or removed feeds meanwhile: merge into what is stored now.
      const latest = await readSources();
      const now = new Date();
      const merged = mergeRefresh(feed, result, latest, settings, now);
      const nextSources = merged.sources.map((s) => (denied.has(s.url) ? { ...s, lastFetched: now.toISOString(), lastError: `Parallax may not read ${new URL(s.url).host}: allow it with “Allow” next to the feed.` } : s));
      await storeFeedArticles(merged.articles, now);
      await browser.storage.local.set({ [SOURCES_KEY]: nextSources });
      // Compile now so the next page is analyzed against the fresh corpus without waiting.
      try {
        await withImportedCorpora(await fetchBundledCorpus());
      } catch {
        // The background compiles on its next analysis instead (and reports its own errors there).
      }
      options.onCorpusChanged();
      const done: RefreshState = { running: false, phase: 'done', done: state.total, total: state.total, startedAt: state.startedAt, finishedAt: new Date().toISOString(), added: result.records.length };
      await setRefreshState(done);
      return done;
    } catch (error) {
      if (stop.signal.aborted) {
        const stopped: RefreshState = { ...state, running: false, phase: 'stopped', finishedAt: new Date().toISOString(), error: 'stopped before it ended; nothing from it was kept' };
        await setRefreshState(stopped);
        return stopped;
      }
      const failed: RefreshState = { ...state, running: false, phase: 'failed', finishedAt: new Date().toISOString(), error: error instanceof Error ? error.message : String(error) };
      await setRefreshState(failed);
      return failed;
    }
  }

  const refresh = () => {
    // An event page (Firefox) or service worker (Chrome) idle for about 30 s is stopped, pending
    // fetches or not; calling an extension API now and then keeps it alive until the refresh ends.
    const keepAlive = setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
    running ??= run().finally(() => {
      clearInterval(keepAlive);
      running = null;
    });
    return running;
  };

  // A refresh cut short by the browser stopping the background must not look like it is still running.
  void browser.storage.local.get(REFRESH_STATE_KEY).then((stored) => {
    const state = stored[REFRESH_STATE_KEY] as RefreshState | undefined;
    if (state?.running && !running) void setRefreshState({ ...state, running: false, phase: 'failed', finishedAt: new Date().toISOString(), error: 'interrupted: the browser stopped the extension’s background before the refresh ended' });
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string; url?: string }) => {
    // Only the extension's own pages (not content scripts in web pages) may start a refresh.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    const type = parseMessage(raw)?.type;
    if (type === 'feeds-stop') {
      stopper?.abort();
      return Promise.resolve({ ok: true });
    }
    if (type !== 'feeds-refresh') return undefined;
    void refresh();
    return Promise.resolve({ ok: true });
  });

  browser.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SOURCES_KEY in changes || FEED_SETTINGS_KEY in changes)) return;
    void schedule();
    // A removed feed's articles leave the corpus at once, not at the next refresh.
    // If that fails, the next refresh drops them anyway (mergeRefresh keeps followed feeds only).
    if (SOURCES_KEY in changes && !running) pruneRemoved().catch(() => undefined);
  });

  browser.alarms?.onAlarm.addListener((alarm: { name: string }) => {
    if (alarm.name === ALARM) void refresh();
  });

  async function pruneRemoved(): Promise<void> {
    const followed = new Set((await readSources()).map((s) => s.url));
    const db = await openCorporaDb();
    const stored = ((await db.get('records', FEEDS_CORPUS_ID))?.records ?? []) as FeedArticle[];
    const kept = stored.filter((a) => followed.has(a.feedUrl));
    if (kept.length === stored.length) return;
    await storeFeedArticles(kept, new Date());
    options.onCorpusChanged();
  }

  void schedule();
  return { refresh };
}
