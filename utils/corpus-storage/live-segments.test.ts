import { expect, test, vi } from 'vitest';
import { FEEDS_CORPUS_ID, FEEDS_CORPUS_NAME } from '@/lib/feeds/sources';
import { emptyManifest, type SegmentEntry, type SegmentKind } from './manifest';
import { openLiveSegments, storedCorpusName } from './live-segments';
import { SEGMENT_FORMAT } from './segment-api';

const entry = (id: string, kind: SegmentKind, format = SEGMENT_FORMAT): SegmentEntry => ({
  id, kind, source: kind === 'feeds' ? FEEDS_CORPUS_ID : id, created: '', articles: 1, outlets: [], firstPublished: null, lastPublished: null, bytes: 0, parts: ['index'], format,
});

test('live segments open in manifest order; another format and a failed open are left out, listed and the failure said with its segment', async () => {
  const manifest = { ...emptyManifest(), segments: [entry('feeds-1', 'feeds'), entry('old', 'import', 'v0'), entry('damaged', 'import'), entry('feeds-2', 'feeds')] };
  const cache = new Map<string, unknown>([['feeds-1', 1], ['merged-away', 2], ['damaged', 3]]);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const { opened, unreadable } = await openLiveSegments(
      manifest,
      async (e) => {
        if (e.id === 'damaged') throw new Error('part block-0 of segment damaged is missing');
        return e.id;
      },
      cache,
    );
    expect(opened).toEqual(['feeds-1', 'feeds-2']);
    expect(unreadable.map((e) => e.id)).toEqual(['old', 'damaged']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/segment damaged \(import\) .*: part block-0 of segment damaged is missing/);
  } finally {
    warn.mockRestore();
  }
  // Only segments the manifest still lists stay cached.
  expect([...cache.keys()]).toEqual(['feeds-1', 'damaged']);
});

test('the stored corpus is named by the bundled corpus, then each segment once, feeds segments as the feeds corpus', () => {
  const manifest = { ...emptyManifest(), segments: [entry('feeds-1', 'feeds'), entry('imp', 'import'), entry('feeds-2', 'feeds')] };
  const names = [{ id: 'feeds-1', name: 'whatever' }, { id: 'imp', name: 'Eastport flood' }, { id: 'feeds-2', name: 'other' }];
  expect(storedCorpusName('seeds', manifest, names)).toBe(`seeds + ${FEEDS_CORPUS_NAME} + Eastport flood`);
});
