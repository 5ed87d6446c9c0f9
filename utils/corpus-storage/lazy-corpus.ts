// A corpus loaded on first use and kept for the life of the worker. A stopped MV3 worker
// (Chrome) or event page (Firefox) simply loads it again on the next request; a failed load is
// not cached, so the next request retries.
import type { Corpus } from '@/lib/corpus';

export interface CorpusStore {
  get(): Promise<Corpus>;
  /** Forgets the loaded corpus (e.g. after imports changed); the next request loads it again. */
  reset(): void;
}

export function createCorpusStore(load: () => Promise<Corpus>): CorpusStore {
  let loading: Promise<Corpus> | null = null;
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
