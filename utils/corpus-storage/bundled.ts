// The bundled corpus (public/corpus.bin), read from the extension's own package.
import { browser } from 'wxt/browser';
import { loadCorpus, type Corpus } from '@/lib/corpus';

export const BUNDLED_CORPUS_PATH = '/corpus.bin';

export async function fetchBundledCorpus(): Promise<Corpus> {
  const url = browser.runtime.getURL(BUNDLED_CORPUS_PATH as '/');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the bundled corpus could not be read (${response.status})`);
  return loadCorpus(new Uint8Array(await response.arrayBuffer()));
}
