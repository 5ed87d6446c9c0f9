// The Sources section against a fake browser API (linkedom): its notices name feeds and files
// isolated, so a right-to-left override in a feed's title cannot reverse the sentence.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test } from 'vitest';
import { useAppRoot } from '@/components/shared/test-dom';
import { DEFAULT_FEED_SETTINGS, type SourceState } from '@/lib/feeds/sources';
import type { SourcesApi } from './api';
import { SourcesSection } from './SourcesSection';

const dom = useAppRoot();
const settle = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((done) => setTimeout(done, 0)));
};

function fakeApi(sources: SourceState[]): SourcesApi {
  let stored = sources;
  return {
    loadSources: async () => stored,
    async saveSources(next) {
      stored = next;
    },
    loadSettings: async () => DEFAULT_FEED_SETTINGS,
    saveSettings: async () => undefined,
    loadRefreshState: async () => null,
    requestHosts: async () => true,
    hasHost: async () => true,
    refreshNow: async () => undefined,
    watch: () => () => undefined,
  };
}

test('removing a feed titled with U+202E: "Removed … and its articles." reads in order, the title isolated', async () => {
  const feed: SourceState = { url: 'http://127.0.0.1:9/feed.xml', title: '\u202Eswen yllaV lleK', addedAt: '', lastFetched: null, lastAdded: 0, articles: 3, lastError: null, lastFailures: [] };
  await act(() => void render(<SourcesSection api={fakeApi([feed])} />, dom.root));
  await settle();
  const remove = dom.root.querySelector('[data-testid="feed"] .btn-danger')!;
  await act(() => void remove.dispatchEvent(new dom.window.Event('click', { bubbles: true })));
  await settle();
  const notice = dom.root.querySelector('[data-testid="sources-notice"]')!;
  expect(notice.textContent).toBe('Removed swen yllaV lleK and its articles.');
  expect(notice.querySelector('bdi')?.textContent).toBe('swen yllaV lleK');
});
