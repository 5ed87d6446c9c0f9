import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { OptionsApi } from '@/components/options/types';
import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings } from '@/lib/settings';
import type { Corpus } from '@/lib/corpus';
import type { Message } from '@/lib/messages';
import { fetchBundledCorpus } from '../background/corpus-store';
import { addImportedCorpus, listImportedCorpora, removeImportedCorpus, takenIds } from '../background/imported-corpora';
import { checkFileInWorker } from './check-in-worker';
import { jobsInWorker } from './compile-in-worker';
import '@/components/shared/theme.css';
import '@/components/options/options.css';

let bundled: Promise<Corpus> | null = null;
const bundledCorpus = () => (bundled ??= fetchBundledCorpus());

// The background drops its loaded corpus and loads the new combination on its next analysis.
const notifyBackground = () => browser.runtime.sendMessage({ type: 'corpora-changed' } satisfies Message).catch(() => undefined);

const api: OptionsApi = {
  checkFile: checkFileInWorker,
  bundledSummary: async () => (await bundledCorpus()).summary,
  listImports: () => listImportedCorpora(),
  takenIds: async () => takenIds(await bundledCorpus(), jobsInWorker),
  async addImport(input, progress) {
    const corpus = await addImportedCorpus(await bundledCorpus(), input, progress, jobsInWorker);
    await notifyBackground();
    return corpus;
  },
  async removeImport(id, progress) {
    await removeImportedCorpus(await bundledCorpus(), id, progress, jobsInWorker);
    await notifyBackground();
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
