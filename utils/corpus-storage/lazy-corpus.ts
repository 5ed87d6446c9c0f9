// A corpus loaded on first use and kept for the life of the worker. A stopped MV3 worker
// (Chrome) or event page (Firefox) simply loads it again on the next request; a failed load is
// not cached, so the next request retries.
import type { Corpus } from '@/lib/corpus';

export interface CorpusStore<T = Corpus> {
  get(): Promise<T>;
  /** Forgets the loaded corpus (e.g. after imports changed); the next request loads it again. */
  reset(): void;
}

export function createCorpusStore<T = Corpus>(load: () => Promise<T>): CorpusStore<T> {
  let loading: Promise<T> | null = null;
  return {
    get() {
      loading ??= load().catch((error: unknown) => {
        loading = null;
        throw error;
      });
      return loading;
    },
    reset() {
      loading = null;
    },
  };
}
