// The corpus a background searches: the bundled corpus and every stored segment, opened on first
// use and kept until something changes. Segments read once stay in the cache across reopenings,
// so a reopen after a refresh reads only the refresh's segment. A feed refresh opens the stored
// articles from the segments' lookup parts alone (`known()`, ./known.ts), and a background started
// for a refresh leaves the index parts to the first page it gets. The first open of a worker's
// life reconciles storage first (version 1 data, segments of another format, orphan parts,
// segments stored without a lookup part).
import type { Corpus } from '@/lib/corpus';
import { createCorpusStore } from './lazy-corpus';
import { openCorporaDb, type CorporaDatabase } from './db';
import { runMerges } from './merge';
import { openKnown, type LookupCache, type OpenedKnown } from './known';
import { openStoredCorpus, type OpenedCorpus, type SegmentCache } from './open';
import { reconcile } from './reconcile';

export interface StoredCorpora {
  /** The corpus to search now. */
  current(): Promise<Corpus>;
  /** The same, with the manifest and segments it was opened from. */
  opened(): Promise<OpenedCorpus>;
  /** The stored articles as a feed refresh checks against them and its new segment joins them (lookup parts only). */
  known(): Promise<OpenedKnown>;
  /** The bundled corpus alone. */
  bundled(): Promise<Corpus>;
  /** The stored corpus changed (here or in another page): the next `current()` reopens it. */
  reset(): void;
  /**
   * This background stored a refresh: the corpus is reopened now if it was open (only the new
   * segment is read, so the next page is analysed without waiting); a background that had not
   * opened it (started for the refresh) leaves it to its first page, as a restart would.
   */
  refreshed(): Promise<void>;
  /**
   * Reads ahead the search index of the corpus open now (`Corpus.readSearchIndex`), once for
   * each opening: the background calls it after an answer, so that the pages after the first are
   * answered without waiting for the index (its pages, and the newest articles' rows). A reset stops it between reads;
   * the segments it read stay read in the cache, so after a refresh only the new segment is read.
   * Null when the read-ahead of the corpus open now has started already. `after` runs after it
   * (the background's warm-up, lib/warm-up.ts), on the same corpus, stopped by the same reset.
   */
  readSearchIndex(after?: (corpus: Corpus, signal: AbortSignal) => Promise<unknown>): Promise<void> | null;
  db(): Promise<CorporaDatabase>;
  readonly cache: SegmentCache;
  /** Runs the merges that are due (after a refresh), then reopens. */
  merge(): Promise<number>;
}

export function createStoredCorpora(options: { bundled: () => Promise<Corpus>; prepare?: () => Promise<void>; openDb?: () => Promise<CorporaDatabase> }): StoredCorpora {
  const cache: SegmentCache = new Map();
  const lookups: LookupCache = new Map();
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
  /** The database and bundled corpus, storage reconciled once in the worker's life. */
  const ready = async () => {
    // Compiling (reconcile, a refresh) and searching all use the sentence model; opening the
    // database and reading the bundled corpus do not, so they wait on IndexedDB and the package
    // while the model is read and built, rather than after it.
    const [, store, base] = await Promise.all([options.prepare?.(), db(), bundled.get()]);
    if (!reconciled) {
      await reconcile(store, base, { lookups, segments: cache });
      reconciled = true;
    }
    return [store, base] as const;
  };
  let wasOpened = false;
  const opened = createCorpusStore(async (): Promise<OpenedCorpus> => {
    const [store, base] = await ready();
    const corpus = await openStoredCorpus(store, base, cache, lookups);
    wasOpened = true;
    return corpus;
  });
  const known = createCorpusStore(async (): Promise<OpenedKnown> => {
    const [store, base] = await ready();
    return openKnown(store, base, { lookups, segments: cache });
  });
  /** The read-ahead of the corpus open now, started or done; aborted when it is reopened. */
  let readingAhead: AbortController | null = null;
  const reset = () => {
    readingAhead?.abort();
    readingAhead = null;
    opened.reset();
    known.reset();
  };
  return {
    current: async () => (await opened.get()).corpus,
    opened: () => opened.get(),
    known: () => known.get(),
    bundled: () => bundled.get(),
    reset,
    async refreshed() {
      const reopen = wasOpened;
      reset();
      if (reopen) await opened.get();
    },
    readSearchIndex(after) {
      if (readingAhead) return null;
      const controller = (readingAhead = new AbortController());
      return opened
        .get()
        .then(async ({ corpus }) => {
          await corpus.readSearchIndex(controller.signal);
          if (after && !controller.signal.aborted) await after(corpus, controller.signal);
        })
        .catch((error: unknown) => {
          // Nothing is lost: an analysis reads what it needs itself. The next answer tries again.
          if (readingAhead === controller) readingAhead = null;
          throw error;
        });
    },
    db,
    cache,
    async merge() {
      const ran = await runMerges(await db());
      if (ran) reset();
      return ran;
    },
  };
}
