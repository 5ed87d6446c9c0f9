// The first-run page's view of the browser: the Sources machinery (storage, optional host
// permissions, the background's refresh) plus stopping a refresh. This page never fetches.
import { browser } from 'wxt/browser';
import type { Message } from '@/lib/messages';
import { browserSourcesApi } from '../options/sources/browser-api';
import type { WelcomeApi } from './api';

export const browserWelcomeApi: WelcomeApi = {
  loadSources: browserSourcesApi.loadSources,
  saveSources: browserSourcesApi.saveSources,
  loadRefreshState: browserSourcesApi.loadRefreshState,
  requestHosts: browserSourcesApi.requestHosts,
  refreshNow: browserSourcesApi.refreshNow,
  watch: browserSourcesApi.watch,
  async stopRefresh() {
    await browser.runtime.sendMessage({ type: 'feeds-stop' } satisfies Message);
  },
  openOptions() {
    void browser.runtime.openOptionsPage();
  },
};
