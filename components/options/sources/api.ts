import type { FeedSettings, RefreshState, SourceState } from '@/lib/feeds/sources';

/** What the Sources section needs from the browser (the default is browser-api.ts; tests pass fakes). */
export interface SourcesApi {
  loadSources(): Promise<SourceState[]>;
  saveSources(sources: SourceState[]): Promise<void>;
  loadSettings(): Promise<FeedSettings>;
  saveSettings(settings: FeedSettings): Promise<void>;
  loadRefreshState(): Promise<RefreshState | null>;
  /** Asks the user for the hosts (optional host permissions); must run inside the click that asked. */
  requestHosts(urls: string[]): Promise<boolean>;
  hasHost(url: string): Promise<boolean>;
  refreshNow(): Promise<void>;
  /** Calls back when sources or the refresh state change in storage; returns an unsubscribe. */
  watch(onChange: () => void): () => void;
}
