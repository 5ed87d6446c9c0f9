// Compiles the combined corpus off the options page's main thread: the compiler's final
// indexing step is one long synchronous task that would otherwise freeze the page. For a new
// import it also stores the import, its records and the artifact (cloning a large import into
// IndexedDB takes long too).
import { loadCorpus, serializeCorpus } from '@/lib/corpus';
import { compileCombined, type NamedRecords } from '@/lib/import/combine';
import type { ImportedCorpus } from '@/lib/import/records';
import { openCorporaDb, putImport } from '../background/corpora-db';

export interface CompileRequest {
  bundled: Uint8Array;
  imports: NamedRecords[];
  /** Store the result as this new import (its records are the last of `imports`). */
  store?: { corpus: ImportedCorpus; combination: string };
}

export type CompileReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array | null }
  | { type: 'error'; message: string };

const post = (reply: CompileReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

self.addEventListener('message', (event: MessageEvent<CompileRequest>) => {
  void (async () => {
    try {
      const { bundled, imports, store } = event.data;
      const data = await compileCombined(loadCorpus(bundled), imports, {
        onProgress: (done, total) => post({ type: 'progress', done, total }),
        // Nothing to keep responsive here; progress messages still go out per slice.
        pause: async () => undefined,
      });
      const bytes = serializeCorpus(data);
      if (store) {
        await putImport(await openCorporaDb(), store.corpus, [...(imports.at(-1)?.records ?? [])], { combination: store.combination, bytes });
        post({ type: 'done', bytes: null });
      } else {
        post({ type: 'done', bytes }, [bytes.buffer]);
      }
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
