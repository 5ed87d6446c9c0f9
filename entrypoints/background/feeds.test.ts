import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FEED_SETTINGS_KEY, RETENTION_DEFAULTS_CHECKED_KEY, SOURCES_KEY, type SourceState } from '@/lib/feeds/sources';
import type { StoredCorpora } from '@/utils/corpus-storage';
import { readStorageProblem } from '@/utils/corpus-storage/problems';
import { STORAGE_FULL_MESSAGE } from '@/utils/corpus-storage/quota';
import { migrateRetentionDefaults, startFeeds } from './feeds';

// With no feeds the stored corpus must not even be opened: any use of it fails the test.
const untouched: StoredCorpora = {
  current: () => Promise.reject(new Error('the corpus was opened')),
  opened: () => Promise.reject(new Error('the corpus was opened')),
  known: () => Promise.reject(new Error('the corpus was opened')),
  refreshed: () => Promise.reject(new Error('the corpus was reopened')),
  bundled: () => Promise.reject(new Error('the bundled corpus was read')),
  reset: () => undefined,
  readSearchIndex: () => Promise.reject(new Error('the search index was read')),
  db: () => Promise.reject(new Error('the database was opened')),
  cache: new Map(),
  merge: () => Promise.reject(new Error('a merge ran')),
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const source = (url: string): SourceState => ({ url, addedAt: '', lastFetched: null, lastAdded: 0, articles: 0, lastError: null, lastFailures: [] });

describe('startFeeds', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('with no feeds (the default) nothing is scheduled and a refresh fetches nothing', async () => {
    const fetch = vi.fn();
    const feeds = startFeeds({ corpora: untouched, fetch });
    await settle();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await expect(feeds.refresh()).resolves.toMatchObject({ running: false, phase: 'done', added: 0, total: 0 });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('the schedule follows the settings: off by default, on with feeds and an interval, off again', async () => {
    startFeeds({ corpora: untouched, fetch: vi.fn() });
    await fakeBrowser.storage.local.set({ [SOURCES_KEY]: [source('http://127.0.0.1:9/a.xml')] });
    await settle();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);

    await fakeBrowser.storage.local.set({ [FEED_SETTINGS_KEY]: { intervalMinutes: 180, retentionDays: 30, maxArticles: 2000 } });
    await settle();
    expect(await fakeBrowser.alarms.getAll()).toEqual([expect.objectContaining({ name: 'parallax-feeds-refresh', periodInMinutes: 180 })]);

    await fakeBrowser.storage.local.set({ [SOURCES_KEY]: [] });
    await settle();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});

describe('migrateRetentionDefaults', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  const stored = async () => (await fakeBrowser.storage.local.get(FEED_SETTINGS_KEY))[FEED_SETTINGS_KEY];

  test('settings saved with the former defaults (30 days, 2,000 articles) take the current ones at start, their interval kept', async () => {
    await fakeBrowser.storage.local.set({ [FEED_SETTINGS_KEY]: { intervalMinutes: 180, retentionDays: 30, maxArticles: 2000 } });
    startFeeds({ corpora: untouched, fetch: vi.fn() });
    await settle();
    expect(await stored()).toEqual({ intervalMinutes: 180, retentionDays: 14, maxArticles: 40_000 });
  });

  test('a window or cap the user chose is kept', async () => {
    await fakeBrowser.storage.local.set({ [FEED_SETTINGS_KEY]: { intervalMinutes: 0, retentionDays: 30, maxArticles: 5000 } });
    await migrateRetentionDefaults();
    expect(await stored()).toEqual({ intervalMinutes: 0, retentionDays: 30, maxArticles: 5000 });
    expect((await fakeBrowser.storage.local.get(RETENTION_DEFAULTS_CHECKED_KEY))[RETENTION_DEFAULTS_CHECKED_KEY]).toBe(true);
  });

  test('a migration that fails is reported with what it was doing, loses nothing, and is tried again at the next start', async () => {
    const former = { intervalMinutes: 180, retentionDays: 30, maxArticles: 2000 };
    await fakeBrowser.storage.local.set({ [FEED_SETTINGS_KEY]: former, [SOURCES_KEY]: [source('http://127.0.0.1:9/a.xml')] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const full = Object.assign(new Error('the quota was exceeded'), { name: 'QuotaExceededError' });
    const write = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(full);
    try {
      startFeeds({ corpora: untouched, fetch: vi.fn() });
      await settle();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not move the feed settings to the current retention defaults .*tried again at the next start.*: the quota was exceeded/));
      // The options page says the disk is full; the settings and the check are as they were, and the schedule still follows them.
      expect(await readStorageProblem()).toMatchObject({ message: STORAGE_FULL_MESSAGE });
      expect(await stored()).toEqual(former);
      expect((await fakeBrowser.storage.local.get(RETENTION_DEFAULTS_CHECKED_KEY))[RETENTION_DEFAULTS_CHECKED_KEY]).toBeUndefined();
      expect(await fakeBrowser.alarms.getAll()).toEqual([expect.objectContaining({ name: 'parallax-feeds-refresh', periodInMinutes: 180 })]);
    } finally {
      write.mockRestore();
      warn.mockRestore();
    }
    await migrateRetentionDefaults();
    expect(await stored()).toEqual({ intervalMinutes: 180, retentionDays: 14, maxArticles: 40_000 });
  });

  test('checked once: 30 days and 2,000 articles chosen afterwards stay', async () => {
    await migrateRetentionDefaults();
    expect(await stored()).toBeUndefined();
    await fakeBrowser.storage.local.set({ [FEED_SETTINGS_KEY]: { intervalMinutes: 0, retentionDays: 30, maxArticles: 2000 } });
    await migrateRetentionDefaults();
    expect(await stored()).toEqual({ intervalMinutes: 0, retentionDays: 30, maxArticles: 2000 });
  });
});
