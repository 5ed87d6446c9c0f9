// The stored corpus opened cold (a new connection, nothing cached) from index parts, its article
// blocks read on demand, answers as the same segments held whole in memory.
import { beforeEach, expect, test, vi } from 'vitest';
import { analyze, analyzeAsync } from '@/lib/analyze';
import { DEFAULT_FEED_SETTINGS } from '@/lib/feeds/sources';
import { openCorporaDb } from './db';
import { saveFeedRefresh } from './feed-segments';
import { BUNDLED_SEGMENT_ID, loadWholeSegment, openStoredCorpus } from './open';
import { INDEX_PART, KNOWN_PART, listParts, openSegmentedCorpus, partNames, SKETCHES_PART, wholeSegmentParts } from './segment-api';
import { indexPartKeepsLookupsApart } from '@/lib/corpus/parts';
import { openKnown } from './known';
import type { LookupCache } from './refresh-lookups';
import { readManifest, readParts, writeParts } from './store';
import { bundledSeeds, FEED_A, feedRecord, freshIndexedDb, NOW, refreshOf, source } from './test-corpora';

beforeEach(freshIndexedDb);

test('analyzeAsync over the stored corpus (index parts, blocks read on demand) equals analyze over the whole segments', async () => {
  const db = await openCorporaDb();
  const bundled = bundledSeeds();
  await saveFeedRefresh(db, { context: bundled, result: refreshOf([0, 1, 2, 3, 4, 5].map((n) => feedRecord(n))), sources: [source(FEED_A)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
  db.close();

  const cold = await openCorporaDb();
  const opened = await openStoredCorpus(cold, bundled);
  const entry = opened.manifest.segments[0]!;
  const whole = openSegmentedCorpus([{ id: BUNDLED_SEGMENT_ID, data: bundled.data }, { id: entry.id, data: await loadWholeSegment(cold, entry) }]);
  // A page that shares paragraphs with stored articles and with the seeds.
  const page = { url: 'http://127.0.0.1:9/page', title: 'A page', text: [feedRecord(1).text, bundled.text(2)].join('\n\n'), published: '2026-12-02' };
  const result = await analyzeAsync(page, opened.corpus);
  expect(JSON.stringify(result)).toBe(JSON.stringify(analyze(page, whole)));
  // Not an empty answer: stored articles are matched and their sentences aligned (read from blocks).
  expect(result.stories.length).toBeGreaterThan(0);
  expect(result.facts.length).toBeGreaterThan(0);
});

test('a manifest lists runs of numbered parts as one name, and entries listing every name (earlier versions) read the same', () => {
  const names = ['index', 'known', 'known-0', 'block-0', 'block-1', 'block-2', 'rows-0', 'passages-3', 'passages-4', 'feed-articles'];
  const listed = listParts(names);
  expect(listed).toEqual(['index', 'known', 'known-0', 'block-0..2', 'rows-0', 'passages-3..4', 'feed-articles']);
  expect(partNames(listed)).toEqual(names);
  expect(partNames(names)).toEqual(names);
  expect(wholeSegmentParts(listed)).toEqual(wholeSegmentParts(names));
  expect(wholeSegmentParts(listed)).toEqual(['block-0', 'block-1', 'block-2', 'rows-0', 'passages-3', 'passages-4']);
});

test('an index part that leaves its lookups to the known part opens with it, read once for reconcile and opening; without it the segment is unreadable, by name', async () => {
  const db = await openCorporaDb();
  const bundled = bundledSeeds();
  await saveFeedRefresh(db, { context: bundled, result: refreshOf([0, 1, 2].map((n) => feedRecord(n))), sources: [source(FEED_A)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
  const entry = (await readManifest(db)).segments[0]!;
  expect(indexPartKeepsLookupsApart((await readParts(db, entry.id, [INDEX_PART])).get(INDEX_PART)!)).toBe(true);
  // The known part reconcile (openKnown) read is the one opening uses: its arrays, not a second read.
  const lookups: LookupCache = new Map();
  await openKnown(db, bundled, { lookups });
  const known = lookups.get(entry.id)!;
  const opened = await openStoredCorpus(db, bundled, new Map(), lookups);
  expect(opened.unreadable).toEqual([]);
  expect(opened.segments[1]!.data.idHashes).toBe(known.idHashes);
  expect(opened.corpus.indexOf(feedRecord(1).id)).toBeGreaterThan(-1);
  // Neither opening reads the sketches (a refresh's near-duplicate check does): without them both open, and queries answer.
  expect(entry.parts).toContain(SKETCHES_PART);
  const sketches = (await readParts(db, entry.id, [SKETCHES_PART])).get(SKETCHES_PART)!;
  await db.delete('parts', [entry.id, SKETCHES_PART]);
  const withoutSketches = await openStoredCorpus(db, bundled, new Map(), new Map());
  expect(withoutSketches.unreadable).toEqual([]);
  expect(withoutSketches.corpus.indexOf(feedRecord(2).id)).toBeGreaterThan(-1);
  expect((await openKnown(db, bundled)).unreadable).toEqual([]);
  await writeParts(db, entry.id, [{ name: SKETCHES_PART, bytes: sketches }]);

  await db.delete('parts', [entry.id, KNOWN_PART]);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const without = await openStoredCorpus(db, bundled);
  expect(without.unreadable.map((s) => s.id)).toEqual([entry.id]);
  expect(warn.mock.calls[0]![0]).toContain(`part ${KNOWN_PART} of segment ${entry.id} is missing`);
  warn.mockRestore();
});
