// The bundled corpus, loaded on first use and kept for the life of the worker. A stopped MV3
// worker (Chrome) or event page (Firefox) simply loads it again on the next request; a failed
// load is not cached, so the next request retries.
import { browser } from 'wxt/browser';
import { loadCorpus, type Corpus } from '@/lib/corpus';

export const BUNDLED_CORPUS_PATH = '/corpus.bin';

export interface CorpusStore {
  bundled(): Promise<Corpus>;
  /** Forgets loaded corpora (e.g. after imports changed); the next request loads them again. */
  reset(): void;
}

export async function fetchBundledCorpus(): Promise<Corpus> {
  const url = browser.runtime.getURL(BUNDLED_CORPUS_PATH as '/');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the bundled corpus could not be read (${response.status})`);
  return loadCorpus(new Uint8Array(await response.arrayBuffer()));
}

export function createCorpusStore(load: () => Promise<Corpus> = fetchBundledCorpus): CorpusStore {
  let loading: Promise<Corpus> | null = null;
  return {
    bundled() {
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
