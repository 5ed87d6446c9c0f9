// The corpus a background searches: the bundled corpus and every stored segment, opened on first
// use and kept until something changes. Segments read once stay in the cache across reopenings,
// so a reopen after a refresh reads only the refresh's segment. The first open of a worker's life
// reconciles storage first (version 1 data, segments of another format, orphan parts).
import type { Corpus } from '@/lib/corpus';
import { createCorpusStore } from './lazy-corpus';
import { openCorporaDb, type CorporaDatabase } from './db';
import { runMerges } from './merge';
import { openStoredCorpus, type OpenedCorpus, type SegmentCache } from './open';
import { reconcile } from './reconcile';

export interface StoredCorpora {
  /** The corpus to search now. */
  current(): Promise<Corpus>;
  /** The same, with the manifest and segments it was opened from. */
  opened(): Promise<OpenedCorpus>;
  /** The bundled corpus alone. */
  bundled(): Promise<Corpus>;
  /** The stored corpus changed (here or in another page): the next `current()` reopens it. */
  reset(): void;
  db(): Promise<CorporaDatabase>;
  readonly cache: SegmentCache;
  /** Runs the merges that are due (after a refresh), then reopens. */
  merge(): Promise<number>;
}

export function createStoredCorpora(options: { bundled: () => Promise<Corpus>; prepare?: () => Promise<void>; openDb?: () => Promise<CorporaDatabase> }): StoredCorpora {
  const cache: SegmentCache = new Map();
  let database: Promise<CorporaDatabase> | null = null;
  const db = () => {
    database ??= (options.openDb ?? (() => openCorporaDb()))().catch((error: unknown) => {
      database = null;
      throw error;
    });
    return database;
  };
  const bundled = createCorpusStore(options.bundled);
  let reconciled = false;
  const opened = createCorpusStore(async (): Promise<OpenedCorpus> => {
    // Compiling (reconcile) and searching both use the sentence model.
    await options.prepare?.();
    const [store, base] = await Promise.all([db(), bundled.get()]);
    if (!reconciled) {
      await reconcile(store, base, cache);
      reconciled = true;
    }
    return openStoredCorpus(store, base, cache);
  });
  return {
    current: async () => (await opened.get()).corpus,
    opened: () => opened.get(),
    bundled: () => bundled.get(),
    reset: () => opened.reset(),
    db,
    cache,
    async merge() {
      const ran = await runMerges(await db());
      if (ran) opened.reset();
      return ran;
    },
  };
}
