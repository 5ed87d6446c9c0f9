import type { SourcesApi } from '../options/sources/api';

/** What the first-run page needs from the browser (browser-api.ts; tests pass fakes). */
export interface WelcomeApi extends Pick<SourcesApi, 'loadSources' | 'saveSources' | 'loadRefreshState' | 'requestHosts' | 'refreshNow' | 'watch'> {
  /** Stops the running refresh; the feeds stay followed. */
  stopRefresh(): Promise<void>;
  openOptions(): void;
}
