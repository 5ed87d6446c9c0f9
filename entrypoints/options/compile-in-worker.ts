// Runs the combined-corpus compile (and, for a new import, the storing) in a worker; falls back
// to doing it in the page, in time slices, where a module worker cannot start.
import { serializeCorpus } from '@/lib/corpus';
import type { CompileProgressOptions } from '@/lib/import/combine';
import { compileHere, writeImportHere, type CompileCombination, type WriteImport } from '../background/imported-corpora';
import type { CompileReply, CompileRequest } from './compile-worker';

function runInWorker(request: CompileRequest, options: CompileProgressOptions, fallback: () => Promise<Uint8Array | null>): Promise<Uint8Array | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return fallback();
  }
  return new Promise((resolve, reject) => {
    let started = false;
    const finish = () => worker.terminate();
    options.signal?.addEventListener('abort', () => {
      finish();
      reject(options.signal?.reason);
    });
    worker.addEventListener('message', (event: MessageEvent<CompileReply>) => {
      started = true;
      const reply = event.data;
      if (reply.type === 'progress') options.onProgress?.(reply.done, reply.total);
      else if (reply.type === 'done') {
        finish();
        resolve(reply.bytes);
      } else {
        finish();
        reject(new Error(reply.message));
      }
    });
    worker.addEventListener('error', (event) => {
      finish();
      // A worker that never ran (blocked, unsupported) gets the in-page fallback.
      if (!started) fallback().then(resolve, reject);
      else reject(new Error(event.message || 'the compiler stopped'));
    });
    worker.postMessage(request);
  });
}

export const compileInWorker: CompileCombination = async (bundled, imports, options) => {
  const bytes = await runInWorker({ bundled: serializeCorpus(bundled.data), imports }, options, () => compileHere(bundled, imports, options));
  if (!bytes) throw new Error('the compiler returned nothing');
  return bytes;
};

export const writeImportInWorker: WriteImport = async (job, options) => {
  await runInWorker(
    { bundled: serializeCorpus(job.bundled.data), imports: job.named, store: { corpus: job.corpus, combination: job.combination } },
    options,
    async () => {
      await writeImportHere(job, options);
      return null;
    },
  );
};
