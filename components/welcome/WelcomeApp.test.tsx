// The first-run page in a linkedom document with a fake browser: choosing, one permission request
// inside the click, the first refresh's progress and report, stopping, and a refused permission.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { useAppRoot } from '@/components/shared/test-dom';
import type { RefreshState, SourceState } from '@/lib/feeds/sources';
import { DIRECTORY, followableOutlets, starterSelection } from '@/lib/outlets';
import type { WelcomeApi } from './api';
import { WelcomeApp } from './WelcomeApp';

const dom = useAppRoot('main');

const flush = () => act(() => new Promise((done) => setTimeout(done, 0)));

function fakeApi(grant: boolean) {
  const calls: string[] = [];
  let sources: SourceState[] = [];
  let state: RefreshState | null = null;
  let onChange: (() => void) | null = null;
  const api: WelcomeApi = {
    loadSources: async () => sources,
    saveSources: async (next) => {
      calls.push(`save ${next.length}`);
      sources = next;
    },
    loadRefreshState: async () => state,
    requestHosts: (urls) => {
      calls.push(`request ${urls.length}`);
      return Promise.resolve(grant);
    },
    refreshNow: async () => {
      calls.push('refresh');
    },
    watch: (listener) => {
      onChange = listener;
      return () => (onChange = null);
    },
    stopRefresh: async () => {
      calls.push('stop');
    },
    openOptions: () => calls.push('options'),
  };
  const report = async (next: RefreshState, update?: (s: SourceState[]) => SourceState[]) => {
    state = next;
    if (update) sources = update(sources);
    await act(() => onChange?.());
    await flush();
  };
  return { api, calls, report, sources: () => sources };
}

const checkboxes = () => [...dom.root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
const labelOf = (input: HTMLInputElement) => dom.root.querySelector(`label[for="${input.id}"]`)?.textContent;
const click = async (selector: string) => {
  await act(() => {
    dom.root.querySelector<HTMLElement>(selector)!.dispatchEvent(new window.Event('click', { bubbles: true }));
  });
  await flush();
};

describe('WelcomeApp', () => {
  test('every followable outlet is a checkbox labelled with its name; the starter selection is checked', async () => {
    const { api } = fakeApi(true);
    await act(() => render(<WelcomeApp api={api} />, dom.root));
    const boxes = checkboxes();
    expect(boxes.length).toBe(followableOutlets().length);
    expect(boxes.map(labelOf).sort()).toEqual(followableOutlets().map((o) => o.name).sort());
    // linkedom keeps `checked` as an attribute only.
    expect(boxes.filter((b) => b.getAttribute('checked') === 'true').map((b) => b.dataset.outlet).sort()).toEqual(starterSelection().sort());
    expect(dom.root.textContent).toContain('Nothing about the pages you read ever leaves your browser');
    expect(dom.root.textContent).toContain('AllSides.com (CC BY-NC 4.0), as of October 2019');
    expect(dom.root.querySelector('[data-testid="choice-balance"]')?.textContent).toMatch(/^32 outlets from 12 countries: left 8 · centre 5 · right 8 · unrated 11$/);
  });

  test('asks once, in the click, for every chosen feed; saves them; refreshes; shows progress, then each feed\'s result', async () => {
    const { api, calls, report } = fakeApi(true);
    await act(() => render(<WelcomeApp api={api} now={() => new Date('2026-01-01T10:00:00.000Z')} />, dom.root));
    await click('[data-testid="choose-none"]');
    for (const id of ['nbc', 'fox', 'tass']) {
      const box = dom.root.querySelector<HTMLInputElement>(`[data-outlet="${id}"]`)!;
      box.checked = true;
      await act(() => {
        box.dispatchEvent(new window.Event('change', { bubbles: true }));
      });
    }
    expect(dom.root.querySelector('[data-testid="follow"]')?.textContent).toBe('Follow 3 outlets and fetch their news');
    await click('[data-testid="follow"]');
    expect(calls).toEqual(['request 3', 'save 3', 'refresh']);
    expect(dom.root.querySelector('[data-testid="refresh-progress"]')?.textContent).toContain('Starting');

    await report({ running: true, phase: 'feeds', done: 1, total: 3, startedAt: '2026-01-01T10:00:00.500Z' });
    expect(dom.root.querySelector('.refresh-phase')?.textContent).toBe('Reading the feeds: 1 of 3');
    await click('[data-testid="refresh-stop"]');
    expect(calls.at(-1)).toBe('stop');

    const nbc = DIRECTORY.outlets.find((o) => o.id === 'nbc')!.feeds[0]!.url;
    const tass = DIRECTORY.outlets.find((o) => o.id === 'tass')!.feeds[0]!.url;
    await report({ running: false, phase: 'done', done: 5, total: 5, startedAt: '2026-01-01T10:00:00.500Z', finishedAt: '2026-01-01T10:00:09.000Z', added: 4 }, (list) =>
      list.map((s) =>
        s.url === nbc
          ? { ...s, lastFetched: 'x', lastAdded: 4, articles: 3, lastFailures: [{ url: 'https://www.nbcnews.com/video', reason: 'the page does not look like an article' }] }
          : s.url === tass
            ? { ...s, lastFetched: 'x', lastError: 'network error: ECONNREFUSED (3 attempts)' }
            : { ...s, lastFetched: 'x' },
      ),
    );
    expect(dom.root.querySelector('[data-testid="refresh-summary"]')?.textContent).toBe('Feeds fetched: 2 of 3. Articles added: 4. 1 of them is older than the retention window set under Sources and was not kept. Problems: 1 feed, 1 article (below).');
    const rows = [...dom.root.querySelectorAll<HTMLElement>('[data-testid="refresh-feed"]')].map((li) => [li.querySelector('strong')?.textContent, li.dataset.status]);
    expect(rows).toEqual([['TASS', 'failed'], ['NBC News', 'fetched'], ['Fox News', 'fetched']]);
    expect(dom.root.querySelector('[data-testid="refresh-feed-error"]')?.textContent).toBe('failed: network error: ECONNREFUSED (3 attempts)');
    expect(dom.root.querySelector('[data-testid="refresh-page-failure"]')?.textContent).toBe('https://www.nbcnews.com/video: the page does not look like an article');
    expect(dom.root.querySelector('[data-testid="refresh-stop"]')).toBeNull();
  });

  test('a refused permission fetches nothing and keeps the choice under Sources', async () => {
    const { api, calls, sources } = fakeApi(false);
    await act(() => render(<WelcomeApp api={api} />, dom.root));
    await click('[data-testid="follow"]');
    expect(calls).toEqual([`request ${starterSelection().length}`, `save ${starterSelection().length}`]);
    expect(sources().map((s) => s.title)).toContain('BBC News');
    expect(dom.root.querySelector('[data-testid="follow-denied"]')?.textContent).toContain('nothing was fetched');
    expect(dom.root.querySelector('[data-testid="first-refresh"]')).toBeNull();
  });
});
