// The stored corpora's start (createStoredCorpora): what waits on what when a stopped background
// gets its first page.
import { expect, test, vi } from 'vitest';
import { openCorporaDb } from './db';
import { createStoredCorpora } from './corpora';
import { analyzeAsync } from '@/lib/analyze';
import { DEFAULT_FEED_SETTINGS } from '@/lib/feeds/sources';
import { saveFeedRefresh } from './feed-segments';
import { partNames } from './segment-api';
import { readManifest } from './store';
import { bundledSeeds, FEED_A, feedRecord, freshIndexedDb, NOW, refreshOf, source } from './test-corpora';

test('the database opens and the bundled corpus is read while the sentence model loads, not after it', async () => {
  freshIndexedDb();
  let modelLoaded: () => void = () => {};
  const prepare = vi.fn(() => new Promise<void>((resolve) => (modelLoaded = resolve)));
  const openDb = vi.fn(() => openCorporaDb());
  const bundled = vi.fn(() => Promise.resolve(bundledSeeds()));
  const corpora = createStoredCorpora({ bundled, prepare, openDb });
  const current = corpora.current();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(prepare).toHaveBeenCalledOnce();
  expect(openDb).toHaveBeenCalledOnce();
  expect(bundled).toHaveBeenCalledOnce();
  modelLoaded();
  expect((await current).size).toBe(bundledSeeds().size);
});

test('a model that fails to load fails the open with its error, and the next open tries again', async () => {
  freshIndexedDb();
  const prepare = vi.fn().mockRejectedValueOnce(new Error('the sentence model could not be read')).mockResolvedValue(undefined);
  const corpora = createStoredCorpora({ bundled: () => Promise.resolve(bundledSeeds()), prepare });
  await expect(corpora.current()).rejects.toThrow('the sentence model could not be read');
  expect((await corpora.current()).size).toBe(bundledSeeds().size);
  expect(prepare).toHaveBeenCalledTimes(2);
});

/** Names of the stored parts read (IndexedDB get and getAll of parts) while `work` runs. */
async function partsReadBy(work: () => Promise<unknown>): Promise<string[]> {
  const read = new Set<string>();
  const note = (request: IDBRequest) =>
    request.addEventListener('success', () => {
      for (const part of [request.result].flat() as ({ name?: unknown } | undefined)[]) if (typeof part?.name === 'string') read.add(part.name);
    });
  const { get, getAll } = IDBObjectStore.prototype;
  const spies = [
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
      const request = get.apply(this, args);
      note(request);
      return request;
    }),
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
      const request = getAll.apply(this, args);
      note(request);
      return request;
    }),
  ];
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return [...read].sort();
}

test('the search index is read ahead once for each opening: asked again meanwhile or after, nothing starts; a reset stops it, and the reopened corpus is read ahead anew; a failed read-ahead is tried again', async () => {
  freshIndexedDb();
  const bundled = bundledSeeds();
  const db = await openCorporaDb();
  await saveFeedRefresh(db, { context: bundled, result: refreshOf(Array.from({ length: 40 }, (_, n) => feedRecord(n))), sources: [source(FEED_A)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
  const corpora = createStoredCorpora({ bundled: () => Promise.resolve(bundled), openDb: () => Promise.resolve(db) });
  const first = await corpora.current();
  const readFirst = vi.spyOn(first, 'readSearchIndex');
  let again: Promise<void> | null = null;
  const readAhead = await partsReadBy(async () => {
    const reading = corpora.readSearchIndex();
    expect(reading).not.toBeNull();
    again = corpora.readSearchIndex();
    await reading;
  });
  expect(again).toBeNull();
  expect(corpora.readSearchIndex()).toBeNull();
  expect(readFirst).toHaveBeenCalledOnce();
  // Every postings, passage and LSH page stored, and every index row (fewer articles than ROWS_READ_AHEAD), nothing else.
  const stored = partNames((await readManifest(db)).segments.flatMap((entry) => entry.parts)).filter((name) => /^(postings|passages|lsh|rows)-\d+$/.test(name));
  expect(stored.some((name) => name.startsWith('lsh-'))).toBe(true);
  expect(readAhead).toEqual(stored.sort());
  // A page analysed now reads its articles alone.
  const page = { url: 'http://127.0.0.1:9/page', title: 'A page', text: [feedRecord(1).text, bundled.text(2)].join('\n\n'), published: '2026-12-02' };
  const analysed = await partsReadBy(async () => expect((await analyzeAsync(page, first)).facts.length).toBeGreaterThan(0));
  expect(new Set(analysed.map((name) => name.replace(/-\d+$/, '')))).toEqual(new Set(['block']));
  const signal = readFirst.mock.calls[0]![0]!;
  expect(signal.aborted).toBe(false);

  corpora.reset();
  expect(signal.aborted).toBe(true);
  const second = await corpora.current();
  expect(second).not.toBe(first);
  const readSecond = vi.spyOn(second, 'readSearchIndex').mockRejectedValueOnce(new Error('IndexedDB went away'));
  await expect(corpora.readSearchIndex()).rejects.toThrow('IndexedDB went away');
  await corpora.readSearchIndex();
  expect(readSecond).toHaveBeenCalledTimes(2);
  expect(corpora.readSearchIndex()).toBeNull();
});

test('what follows the read-ahead (the warm-up) runs once it is done, on the corpus read, with a signal the next reset aborts; a failure in it is tried again', async () => {
  freshIndexedDb();
  const bundled = bundledSeeds();
  const db = await openCorporaDb();
  await saveFeedRefresh(db, { context: bundled, result: refreshOf([feedRecord(1), feedRecord(2)]), sources: [source(FEED_A)], settings: DEFAULT_FEED_SETTINGS, now: NOW });
  const corpora = createStoredCorpora({ bundled: () => Promise.resolve(bundled), openDb: () => Promise.resolve(db) });
  const first = await corpora.current();
  let readDone = false;
  vi.spyOn(first, 'readSearchIndex').mockImplementation(async () => {
    await Promise.resolve();
    readDone = true;
  });
  const seen: { corpus: unknown; signal: AbortSignal; afterRead: boolean }[] = [];
  await corpora.readSearchIndex((corpus, signal) => {
    seen.push({ corpus, signal, afterRead: readDone });
    return Promise.resolve();
  });
  expect(seen).toHaveLength(1);
  expect(seen[0]!.corpus).toBe(first);
  expect(seen[0]!.afterRead).toBe(true);
  expect(seen[0]!.signal.aborted).toBe(false);
  corpora.reset();
  expect(seen[0]!.signal.aborted).toBe(true);

  // A reset during the read-ahead: what follows does not run.
  const second = await corpora.current();
  vi.spyOn(second, 'readSearchIndex').mockImplementation(() => {
    corpora.reset();
    return Promise.resolve();
  });
  const after = vi.fn(() => Promise.resolve());
  await corpora.readSearchIndex(after);
  expect(after).not.toHaveBeenCalled();

  // A failed warm-up: the next answer reads ahead and warms up again.
  const third = await corpora.current();
  vi.spyOn(third, 'readSearchIndex').mockResolvedValue();
  const failing = vi.fn().mockRejectedValueOnce(new Error('a damaged block')).mockResolvedValue(undefined);
  await expect(corpora.readSearchIndex(failing)).rejects.toThrow('a damaged block');
  await corpora.readSearchIndex(failing);
  expect(failing).toHaveBeenCalledTimes(2);
});
