// Runs the combined-corpus compile in a worker; falls back to compiling in the page (in time
// slices) where a module worker cannot start.
import { serializeCorpus } from '@/lib/corpus';
import { compileHere, type CompileCombination } from '../background/imported-corpora';
import type { CompileReply, CompileRequest } from './compile-worker';

export const compileInWorker: CompileCombination = (bundled, imports, options) => {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return compileHere(bundled, imports, options);
  }
  return new Promise<Uint8Array>((resolve, reject) => {
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
      if (!started) compileHere(bundled, imports, options).then(resolve, reject);
      else reject(new Error(event.message || 'the compiler stopped'));
    });
    const request: CompileRequest = { bundled: serializeCorpus(bundled.data), imports };
    worker.postMessage(request);
  });
};
