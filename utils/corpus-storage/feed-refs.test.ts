// A feeds segment's bookkeeping stored column by column reads back as written, and a part written
// by earlier versions (one object per article) reads the same.
import { expect, test } from 'vitest';
import type { FeedArticleRef } from '@/lib/feeds/sources';
import { decodeFeedRefs, encodeFeedRefs } from './feed-refs';
import { FEED_A, FEED_B } from './test-corpora';

const refs: FeedArticleRef[] = [
  { id: 'a', feedUrl: FEED_A, fetchedAt: '2026-12-01T10:00:00.000Z', published: '2026-11-30' },
  { id: 'b', feedUrl: FEED_B, fetchedAt: '2026-12-01T10:00:00.000Z', published: null },
  { id: 'c', feedUrl: FEED_A, fetchedAt: '2026-12-01T11:00:00.000Z', published: '2026-12-01T09:30:00Z' },
];

test('bookkeeping written column by column reads back as written, each feed URL and time stored once', () => {
  const bytes = encodeFeedRefs(refs);
  expect(decodeFeedRefs(bytes)).toEqual(refs);
  const text = new TextDecoder().decode(bytes);
  expect(text.split(FEED_A).length - 1).toBe(1);
  expect(text.split('2026-12-01T10:00:00.000Z').length - 1).toBe(1);
  expect(decodeFeedRefs(encodeFeedRefs([]))).toEqual([]);
});

test('bookkeeping written by earlier versions (one object per article) reads the same', () => {
  const before = new TextEncoder().encode(JSON.stringify(refs.map((r) => ({ id: r.id, feedUrl: r.feedUrl, fetchedAt: r.fetchedAt, published: r.published ?? null }))));
  expect(decodeFeedRefs(before)).toEqual(refs);
});

test('damaged bookkeeping is refused with an error, not read as fewer articles', () => {
  const damaged = JSON.parse(new TextDecoder().decode(encodeFeedRefs(refs))) as { feed: number[] };
  damaged.feed.pop();
  expect(() => decodeFeedRefs(new TextEncoder().encode(JSON.stringify(damaged)))).toThrow(/damaged/);
});
