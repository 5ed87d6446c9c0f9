// Imports are segments (removing one drops it, nothing is compiled), and the tiered background
// merge of feeds segments (fake-indexeddb).
import { beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_FEED_SETTINGS, FEEDS_CORPUS_ID, FEEDS_CORPUS_NAME } from '@/lib/feeds/sources';
import { openCorporaDb, type CorporaDatabase } from './db';
import { openKnown } from './known';
import { readFeedArticles, saveFeedRefresh } from './feed-segments';
import { addImport, listStoredCorpora, removeImport, takenIds } from './imports';
import { emptyManifest, type Manifest, type SegmentEntry } from './manifest';
import { mergeOnce, planMerge, runMerges, tierOf } from './merge';
import { openStoredCorpus } from './open';
import { partNames } from './segment-api';
import { readManifest } from './store';
import { newImport } from './jobs';
import { bundledSeeds, liveIds, FEED_A, feedRecord, freshIndexedDb, NOW, refreshOf, source } from './test-corpora';

beforeEach(freshIndexedDb);


describe('imports as segments', () => {
  test('adding compiles the import into one segment; removing drops it and its parts in one switch', async () => {
    const db = await openCorporaDb();
    const bundled = bundledSeeds();
    const corpus = newImport({ name: 'Archive', fileName: 'archive.jsonl', summary: { articles: 2, outlets: 2, firstPublished: null, lastPublished: null } });
    await addImport(db, bundled, { corpus, records: [feedRecord(0), feedRecord(1)] });
    expect((await listStoredCorpora(db)).map((c) => c.name)).toEqual(['Archive']);
    const taken = await takenIds(db, bundled);
    expect(taken.get(feedRecord(1).id)).toBe('Archive');
    expect(taken.get(bundled.article(0).id)).toBe('bundled seeds');
    expect(liveIds((await openStoredCorpus(db, bundled)).corpus)).toEqual([...liveIds(bundled), feedRecord(0).id, feedRecord(1).id]);

    await removeImport(db, corpus.id);
    expect(await readManifest(db)).toMatchObject({ segments: [], removed: {} });
    expect(await db.getAllKeys('parts')).toEqual([]);
    expect(await db.get('records', corpus.id)).toBeUndefined();
    expect((await openStoredCorpus(db, bundled)).corpus).toBe(bundled);
  });

  test('the ids taken and an import joining the corpus are read from the segments\' lookups (feeds segments lazily), tombstones left out', async () => {
    const db = await openCorporaDb();
    const bundled = bundledSeeds();
    await saveFeedRefresh(db, { context: bundled, result: refreshOf([feedRecord(0), feedRecord(1), feedRecord(2)]), sources: [source(FEED_A)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
    await tombstoneOne(db, feedRecord(1).id);
    const stored = (await openStoredCorpus(db, bundled)).corpus;
    const taken = await takenIds(db, bundled);
    expect([...taken.keys()].sort()).toEqual([...liveIds(stored)].sort());
    expect(taken.get(feedRecord(0).id)).toBe(FEEDS_CORPUS_NAME);
    expect(taken.has(feedRecord(1).id)).toBe(false);
    // An import joining the corpus as a refresh opens it: a stored id is refused, a tombstoned one is free again.
    const corpus = newImport({ name: 'Archive', fileName: 'a.jsonl', summary: { articles: 1, outlets: 1, firstPublished: null, lastPublished: null } });
    const known = (await openKnown(db, bundled)).articles;
    await expect(addImport(db, known, { corpus, records: [feedRecord(2)] })).rejects.toThrow(/already in the corpus/);
    await addImport(db, (await openKnown(db, bundled)).articles, { corpus, records: [{ ...feedRecord(1), outlet: 'Archive Outlet' }] });
    expect((await takenIds(db, bundled)).get(feedRecord(1).id)).toBe('Archive');
  });
});

/** Tombstones one stored feed article, as retention would. */
async function tombstoneOne(db: CorporaDatabase, id: string): Promise<void> {
  const manifest = await readManifest(db);
  const segment = manifest.segments[0]!.id;
  await db.put('manifest', { ...manifest, removed: { [segment]: [id] } });
}

const entry = (id: string, articles: number): SegmentEntry => ({
  id,
  kind: 'feeds',
  source: FEEDS_CORPUS_ID,
  created: NOW.toISOString(),
  articles,
  outlets: [],
  firstPublished: null,
  lastPublished: null,
  bytes: 0,
  parts: [],
  format: '',
});
const manifestOf = (segments: SegmentEntry[], removed: Manifest['removed'] = {}): Manifest => ({ ...emptyManifest(), segments, removed });

describe('planMerge', () => {
  test('tiers by live articles: under 256, 1,024, 4,096, 16,384, then none', () => {
    expect([0, 255, 256, 1023, 1024, 4096, 16_383, 16_384, 100_000].map(tierOf)).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4]);
  });

  test('four segments of a tier merge, oldest first; fewer wait', () => {
    expect(planMerge(manifestOf([entry('a', 60), entry('b', 70), entry('c', 80)]))).toBeNull();
    expect(planMerge(manifestOf([entry('big', 3000), entry('a', 60), entry('b', 70), entry('c', 80), entry('d', 50), entry('e', 40)]))).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a segment with half its articles tombstoned is rewritten alone', () => {
    expect(planMerge(manifestOf([entry('big', 3000), entry('a', 60)], { big: Array.from({ length: 1500 }, (_, i) => `x${i}`) }))).toEqual(['big']);
  });
});

describe('the background merge', () => {
  test('four refreshes merge into one segment: same articles, same order, tombstoned ones dropped, feed bookkeeping kept', async () => {
    const db = await openCorporaDb();
    const bundled = bundledSeeds();
    const sources = [source(FEED_A)];
    for (const n of [0, 1, 2, 3]) {
      const context = (await openStoredCorpus(db, bundled)).corpus;
      const records = [feedRecord(n * 2), feedRecord(n * 2 + 1, n === 0 ? 30 : 0)];
      await saveFeedRefresh(db, { context, result: refreshOf(records), sources, settings: DEFAULT_FEED_SETTINGS, now: NOW });
    }
    const before = await openStoredCorpus(db, bundled);
    expect(before.manifest.segments.map((s) => s.articles)).toEqual([1, 2, 2, 2]);
    expect(await runMerges(db)).toBe(1);
    const after = await openStoredCorpus(db, bundled);
    expect(after.manifest.segments.map((s) => [s.articles, s.kind])).toEqual([[7, 'feeds']]);
    expect(liveIds(after.corpus)).toEqual(liveIds(before.corpus));
    expect((await readFeedArticles(db, after.manifest)).map((a) => a.id)).toEqual(liveIds(before.corpus).slice(bundled.size));
    // Only the merged segment's parts are left.
    expect((await db.getAllKeys('parts')).map(([segment]) => segment)).toEqual(partNames(after.manifest.segments[0]!.parts).map(() => after.manifest.segments[0]!.id));
  });

  test('a merge whose inputs changed meanwhile (one removed) is not switched in', async () => {
    const db = await openCorporaDb();
    const bundled = bundledSeeds();
    for (const n of [0, 1, 2, 3]) await saveFeedRefresh(db, { context: bundled, result: refreshOf([feedRecord(n)]), sources: [source(FEED_A)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
    const manifest = await readManifest(db);
    // Another page drops every feed article after the merge read its inputs, as it writes the merged segment.
    const transaction = db.transaction.bind(db);
    let removal: Promise<void> | null = null;
    db.transaction = ((stores: string | string[], mode?: IDBTransactionMode) => {
      if (!removal && mode === 'readwrite' && stores === 'parts') removal = removeImport(db, FEEDS_CORPUS_ID);
      return transaction(stores as 'parts', mode);
    }) as typeof db.transaction;
    expect(await mergeOnce(db)).toBe(false);
    await removal;
    expect(manifest.segments).toHaveLength(4);
    expect((await readManifest(db)).segments).toEqual([]);
  });
});
