// A followed feed's row: its title comes from the feed, so a right-to-left override in it cannot
// reorder the row's words, nor the labels its buttons are announced by.
import { render } from 'preact';
import { expect, test } from 'vitest';
import { useAppRoot } from '@/components/shared/test-dom';
import type { SourceState } from '@/lib/feeds/sources';
import { SourceRow } from './SourceRow';

const dom = useAppRoot();

const feed: SourceState = { url: 'http://127.0.0.1:9/feed.xml', title: '\u202Eswen yllaV lleK', addedAt: '', lastFetched: null, lastAdded: 0, articles: 3, lastError: null, lastFailures: [] };
const noop = () => undefined;

test('a feed titled with U+202E: the title shows isolated, and the Remove and Allow buttons are labelled without the override', () => {
  render(<SourceRow source={feed} allowed={false} busy={false} onRemove={noop} onAllow={noop} />, dom.root);
  expect(dom.root.querySelector('[data-testid="feed"] strong bdi')?.textContent).toBe('swen yllaV lleK');
  const labels = [...dom.root.querySelectorAll('[data-testid="feed"] button')].map((b) => b.getAttribute('aria-label'));
  expect(labels).toEqual(['Allow Parallax to read swen yllaV lleK', 'Remove swen yllaV lleK']);
});

test('a feed without a title is named by its URL, in the labels too', () => {
  render(<SourceRow source={{ ...feed, title: undefined }} allowed busy={false} onRemove={noop} onAllow={noop} />, dom.root);
  expect(dom.root.querySelector('[data-testid="feed"] .btn-danger')?.getAttribute('aria-label')).toBe('Remove http://127.0.0.1:9/feed.xml');
});
