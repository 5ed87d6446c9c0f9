// Fresh coverage from the feeds the user follows (Sources in the options page). The only network
// requests the extension ever makes start here, and only for feeds the user added and whose
// hosts they allowed: with no feeds nothing is scheduled and nothing is fetched. The browser's
// own permission check cannot be relied on (the content script's match grants every origin), so
// every request and redirect hop goes through the allowed feeds' host policy (host-policy.ts). Fetched HTML is
// parsed by linkedom inside this background context (no page scripts run, nothing is inserted
// into an extension page). Only the new articles are compiled, into one new segment of the stored
// corpus (utils/corpus-storage); articles past retention are tombstoned, nothing is recompiled.
import { browser } from 'wxt/browser';
import { parseMessage } from '@/lib/messages';
import { createFetcher, type FetchLike } from '@/lib/feeds/fetch/fetcher';
import { feedHostPolicy } from '@/lib/feeds/fetch/host-policy';
import { refreshFeeds } from '@/lib/feeds/refresh';
import {
  FEED_SETTINGS_KEY,
  originPattern,
  parseFeedSettings,
  REFRESH_STATE_KEY,
  RETENTION_DEFAULTS_CHECKED_KEY,
  SOURCES_KEY,
  withCurrentRetentionDefaults,
  type RefreshState,
  type SourceState,
} from '@/lib/feeds/sources';
import { applyFeedRetention, dropUnfollowed, saveFeedRefresh, type StoredCorpora } from '@/utils/corpus-storage';
import { knownLookup } from '@/utils/corpus-storage/known';
import { clearStorageProblem, reportStorageProblem } from '@/utils/corpus-storage/problems';
import { errorMessage } from '@/lib/error-message';

const ALARM = 'parallax-feeds-refresh';

async function readSources(): Promise<SourceState[]> {
  const stored = (await browser.storage.local.get(SOURCES_KEY))[SOURCES_KEY];
  return Array.isArray(stored) ? (stored as SourceState[]) : [];
}

/**
 * Once per profile: settings saved with the former retention defaults (30 days, 2,000 articles)
 * take the current ones. Checked once, not at every start, so that a user who picks 30 days and
 * 2,000 articles afterwards keeps them.
 */
export async function migrateRetentionDefaults(): Promise<void> {
  const stored = await browser.storage.local.get([FEED_SETTINGS_KEY, RETENTION_DEFAULTS_CHECKED_KEY]);
  if (stored[RETENTION_DEFAULTS_CHECKED_KEY]) return;
  const current = withCurrentRetentionDefaults(stored[FEED_SETTINGS_KEY]);
  await browser.storage.local.set({ ...(current ? { [FEED_SETTINGS_KEY]: current } : {}), [RETENTION_DEFAULTS_CHECKED_KEY]: true });
}

/**
 * A background step no one waits on failed: said on the console with what it was doing and what
 * is kept, and in the options page's storage notice when the disk is full (problems.ts).
 */
async function reportFailure(what: string, meanwhile: string, error: unknown): Promise<void> {
  console.warn(`Parallax could not ${what} (${meanwhile}): ${errorMessage(error)}`);
  await reportStorageProblem(error);
}

async function setRefreshState(state: RefreshState): Promise<void> {
  await browser.storage.local.set({ [REFRESH_STATE_KEY]: state });
}

export interface FeedRefresher {
  refresh(): Promise<RefreshState>;
}

/** Starts the feed refresher over the background's stored corpora. */
export function startFeeds(options: { corpora: StoredCorpora; fetch?: FetchLike }): FeedRefresher {
  const { corpora } = options;
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
      // The stored articles from the segments' lookup parts: what the checks and the new segment need.
      const opened = await corpora.known();
      const context = opened.articles;
      const result = await refreshFeeds({
        feeds: allowed,
        fetcher: createFetcher({ fetch: options.fetch ?? ((url, init) => fetch(url, init)), policy: feedHostPolicy(allowed.map((source) => source.url)) }),
        // Everything the corpus already has, so a feed never adds an article twice across corpora.
        known: knownLookup(opened),
        feedValidators: Object.fromEntries(allowed.filter((s) => s.validators).map((s) => [s.url, s.validators!])),
        concurrency: 4,
        signal: stop.signal,
        onProgress: (progress) => {
          if (progress.phase === 'done') return;
          Object.assign(state, progress);
          void setRefreshState(state);
        },
      });
      Object.assign(state, { phase: 'saving', done: 0, total: result.records.length });
      await setRefreshState(state);
      // The user may have added or removed feeds meanwhile: merge into what is stored now.
      const latest = await readSources();
      const now = new Date();
      const saved = await saveFeedRefresh(await corpora.db(), {
        context,
        result,
        sources: latest,
        settings,
        now,
        progress: { signal: stop.signal, onProgress: (done, total) => void setRefreshState({ ...state, done, total }) },
      });
      const nextSources = saved.sources.map((s) => (denied.has(s.url) ? { ...s, lastFetched: now.toISOString(), lastError: `Parallax may not read ${new URL(s.url).host}: allow it with “Allow” next to the feed.` } : s));
      await browser.storage.local.set({ [SOURCES_KEY]: nextSources });
      await clearStorageProblem();
      // A corpus open in this background is opened again now (only the new segment is read), so the
      // next page is analysed without waiting; one started for the refresh leaves it to its first page.
      await corpora.refreshed().catch((error: unknown) => reportFailure('open the refreshed corpus', 'the next page opens it', error));
      const done: RefreshState = { running: false, phase: 'done', done: state.total, total: state.total, startedAt: state.startedAt, finishedAt: new Date().toISOString(), added: result.records.length };
      await setRefreshState(done);
      return done;
    } catch (error) {
      if (stop.signal.aborted) {
        const stopped: RefreshState = { ...state, running: false, phase: 'stopped', finishedAt: new Date().toISOString(), error: 'stopped before it ended; nothing from it was kept' };
        await setRefreshState(stopped);
        return stopped;
      }
      const failed: RefreshState = { ...state, running: false, phase: 'failed', finishedAt: new Date().toISOString(), error: errorMessage(error) };
      await reportStorageProblem(error);
      await setRefreshState(failed);
      return failed;
    }
  }

  const refresh = () => {
    // An event page (Firefox) or service worker (Chrome) idle for about 30 s is stopped, pending
    // fetches or not; calling an extension API now and then keeps it alive until the refresh ends.
    const keepAlive = setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
    // Merges run after the refresh, still kept alive, and before another refresh may start.
    running ??= run()
      .then(async (state) => {
        if (state.phase === 'done') await corpora.merge().catch((error: unknown) => reportStorageProblem(error));
        return state;
      })
      .finally(() => {
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
    if (SOURCES_KEY in changes && !running) pruneRemoved().catch((error: unknown) => reportFailure('remove the articles of feeds no longer followed', 'the next refresh drops them', error));
    // A shorter window or a lower cap applies at once too, as tombstones (nothing is compiled).
    if (FEED_SETTINGS_KEY in changes && !running) applyRetentionNow().catch((error: unknown) => reportFailure('apply the new retention', 'the next refresh applies it', error));
  });

  browser.alarms?.onAlarm.addListener((alarm: { name: string }) => {
    if (alarm.name === ALARM) void refresh();
  });

  async function applyRetentionNow(): Promise<void> {
    const settings = parseFeedSettings((await browser.storage.local.get(FEED_SETTINGS_KEY))[FEED_SETTINGS_KEY]);
    const { removed, perFeed } = await applyFeedRetention(await corpora.db(), settings, new Date());
    if (!removed) return;
    corpora.reset();
    const sources = await readSources();
    await browser.storage.local.set({ [SOURCES_KEY]: sources.map((s) => ({ ...s, articles: perFeed.get(s.url) ?? 0 })) });
  }

  async function pruneRemoved(): Promise<void> {
    const followed = new Set((await readSources()).map((s) => s.url));
    if (await dropUnfollowed(await corpora.db(), followed)) corpora.reset();
  }

  // The schedule follows the settings as migrated (a migration's write schedules again anyway). A
  // migration that fails wrote nothing (one write): the settings stay as they were, tried again at the next start.
  void migrateRetentionDefaults()
    .catch((error: unknown) => reportFailure('move the feed settings to the current retention defaults', 'they stay as they were, tried again at the next start', error))
    .then(schedule)
    .catch((error: unknown) => reportFailure('schedule the feed refresh', 'scheduled again when the settings change or at the next start', error));
  return { refresh };
}
