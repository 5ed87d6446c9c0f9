// Compiles the combined corpus off the options page's main thread: the compiler's final
// indexing step is one long synchronous task that would otherwise freeze the page.
import { loadCorpus, serializeCorpus } from '@/lib/corpus';
import { compileCombined, type NamedRecords } from '@/lib/import/combine';

export interface CompileRequest {
  bundled: Uint8Array;
  imports: NamedRecords[];
}

export type CompileReply = { type: 'progress'; done: number; total: number } | { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };

const post = (reply: CompileReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

self.addEventListener('message', (event: MessageEvent<CompileRequest>) => {
  void (async () => {
    try {
      const data = await compileCombined(loadCorpus(event.data.bundled), event.data.imports, {
        onProgress: (done, total) => post({ type: 'progress', done, total }),
        // Nothing to keep responsive here; progress messages still go out per slice.
        pause: async () => undefined,
      });
      const bytes = serializeCorpus(data);
      post({ type: 'done', bytes }, [bytes.buffer]);
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
