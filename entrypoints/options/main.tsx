import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { OptionsApi } from '@/components/options/types';
import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings } from '@/lib/settings';
import type { Corpus } from '@/lib/corpus';
import type { Message } from '@/lib/messages';
import { estimateStorage, listStoredCorpora, newImport, openCorporaDb, readManifest, removeImport, storedArticles, storedBytes } from '@/utils/corpus-storage';
import { fetchBundledCorpus } from '@/utils/corpus-storage/bundled';
import { readStorageProblem, reportStorageProblem } from '@/utils/corpus-storage/problems';
import { checkFileInWorker } from './check-in-worker';
import { jobsInWorker } from './compile-in-worker';
import '@/components/shared/theme.css';
import '@/components/options/options.css';

let bundled: Promise<Corpus> | null = null;
const bundledCorpus = () => (bundled ??= fetchBundledCorpus());

// The background reopens the stored corpus on its next analysis (reading only segments it has not read).
const notifyBackground = () => browser.runtime.sendMessage({ type: 'corpora-changed' } satisfies Message).catch(() => undefined);

const api: OptionsApi = {
  checkFile: checkFileInWorker,
  bundledSummary: async () => (await bundledCorpus()).summary,
  listImports: async () => listStoredCorpora(await openCorporaDb()),
  takenIds: async () => jobsInWorker.takenIds(await bundledCorpus()),
  async addImport(input, progress) {
    const corpus = newImport(input);
    try {
      await jobsInWorker.add(await bundledCorpus(), { corpus, records: input.records }, progress);
    } catch (error) {
      await reportStorageProblem(error);
      throw error;
    }
    await notifyBackground();
    return corpus;
  },
  async removeImport(id) {
    // Dropping its segment is one manifest switch: nothing is compiled again.
    await removeImport(await openCorporaDb(), id);
    await notifyBackground();
  },
  async storageUse() {
    const manifest = await readManifest(await openCorporaDb());
    return { ...(await estimateStorage()), corpusBytes: storedBytes(manifest), articles: storedArticles(manifest), problem: await readStorageProblem() };
  },
  async loadSettings() {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return stored[SETTINGS_KEY] === undefined ? { ...DEFAULT_SETTINGS, disabledSites: [] } : parseSettings(stored[SETTINGS_KEY]);
  },
  async saveSettings(settings) {
    await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  },
};

render(<OptionsApp api={api} />, document.getElementById('app')!);
