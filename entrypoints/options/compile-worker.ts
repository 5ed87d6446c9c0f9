// The options page's heavy corpus work, off its main thread: reading imports' records,
// compiling (the compiler's final indexing step is one long synchronous task) and cloning a
// large import into IndexedDB. The jobs are the background's own (../background/corpora-db).
import { loadCorpus } from '@/lib/corpus';
import type { ImportedCorpus, ImportRecord } from '@/lib/import/records';
import { addImportJob, importedIds, openCorporaDb, recompileJob } from '../background/corpora-db';
import { ensureSentenceModel } from '../background/sentence-model';

export type CorpusJobRequest =
  | { kind: 'add'; bundled: Uint8Array; corpus: ImportedCorpus; records: ImportRecord[]; combination: string }
  | { kind: 'recompile'; bundled: Uint8Array; combination: string }
  | { kind: 'imported-ids' };

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
      // Compiling computes every sentence's meaning vector.
      if (request.kind !== 'imported-ids') await ensureSentenceModel();
      const db = await openCorporaDb();
      if (request.kind === 'add') {
        const { corpus, records, combination } = request;
        await addImportJob(db, loadCorpus(request.bundled), { corpus, records, combination }, progress);
        post({ type: 'done' });
      } else if (request.kind === 'recompile') {
        await recompileJob(db, loadCorpus(request.bundled), request.combination, progress);
        post({ type: 'done' });
      } else {
        post({ type: 'done', ids: await importedIds(db) });
      }
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
