// The Sources section's view of the browser: extension storage, optional host permissions and
// the background's refresh. Feeds are fetched by the background only; this page never fetches.
import { browser } from 'wxt/browser';
import type { Message } from '@/lib/messages';
import { FEED_SETTINGS_KEY, originPattern, parseFeedSettings, REFRESH_STATE_KEY, SOURCES_KEY, type RefreshState, type SourceState } from '@/lib/feeds/sources';
import type { SourcesApi } from './api';

export const browserSourcesApi: SourcesApi = {
  async loadSources() {
    const stored = (await browser.storage.local.get(SOURCES_KEY))[SOURCES_KEY];
    return Array.isArray(stored) ? (stored as SourceState[]) : [];
  },
  async saveSources(sources) {
    await browser.storage.local.set({ [SOURCES_KEY]: sources });
  },
  async loadSettings() {
    return parseFeedSettings((await browser.storage.local.get(FEED_SETTINGS_KEY))[FEED_SETTINGS_KEY]);
  },
  async saveSettings(settings) {
    await browser.storage.local.set({ [FEED_SETTINGS_KEY]: settings });
  },
  async loadRefreshState() {
    return ((await browser.storage.local.get(REFRESH_STATE_KEY))[REFRESH_STATE_KEY] as RefreshState | undefined) ?? null;
  },
  requestHosts(urls) {
    return browser.permissions.request({ origins: [...new Set(urls.map(originPattern))] });
  },
  hasHost(url) {
    return browser.permissions.contains({ origins: [originPattern(url)] });
  },
  async refreshNow() {
    await browser.runtime.sendMessage({ type: 'feeds-refresh' } satisfies Message);
  },
  watch(onChange) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SOURCES_KEY in changes || REFRESH_STATE_KEY in changes)) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
