// The options page's heavy corpus work, off its main thread: reading the stored segments,
// compiling an import's records (the compiler's final indexing step is one long synchronous
// task) and cloning a large import into IndexedDB. The jobs are utils/corpus-storage's, shared
// with the background.
import { loadCorpus } from '@/lib/corpus';
import type { ImportedCorpus, ImportRecord } from '@/lib/import/records';
import { jobsHere } from '@/utils/corpus-storage';
import { ensureSentenceModel } from '@/utils/model/sentence-model';
import { errorMessage } from '@/lib/error-message';

export type CorpusJobRequest =
  | { kind: 'add'; bundled: Uint8Array; corpus: ImportedCorpus; records: ImportRecord[] }
  | { kind: 'taken-ids'; bundled: Uint8Array };

export type CorpusJobReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; ids?: Map<string, string> }
  | { type: 'error'; message: string };

const post = (reply: CorpusJobReply) => (self as unknown as Worker).postMessage(reply);
const progress = {
  onProgress: (done: number, total: number) => post({ type: 'progress', done, total }),
  // Nothing to keep responsive here; progress messages still go out per slice.
  pause: async () => undefined,
};

self.addEventListener('message', (event: MessageEvent<CorpusJobRequest>) => {
  void (async () => {
    try {
      const request = event.data;
      const bundled = loadCorpus(request.bundled);
      if (request.kind === 'add') {
        // Compiling computes every sentence's meaning vector.
        await ensureSentenceModel();
        await jobsHere.add(bundled, { corpus: request.corpus, records: request.records }, progress);
        post({ type: 'done' });
      } else {
        post({ type: 'done', ids: await jobsHere.takenIds(bundled) });
      }
    } catch (error) {
      post({ type: 'error', message: errorMessage(error) });
    }
  })();
});
