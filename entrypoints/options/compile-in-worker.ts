// Runs the options page's corpus jobs in a worker; falls back to running them in the page
// (compiling in time slices) where a module worker cannot start.
import { serializeCorpus } from '@/lib/corpus';
import type { CompileProgressOptions } from '@/lib/import/combine';
import { jobsHere, type CorpusJobs } from '@/utils/corpus-storage';
import { ensureSentenceModel } from '@/utils/model/sentence-model';
import type { CorpusJobReply, CorpusJobRequest } from './compile-worker';

function runInWorker<T>(request: CorpusJobRequest, options: CompileProgressOptions, fallback: () => Promise<T>, result: (reply: CorpusJobReply & { type: 'done' }) => T): Promise<T> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return fallback();
  }
  return new Promise<T>((resolve, reject) => {
    let started = false;
    const finish = () => worker.terminate();
    options.signal?.addEventListener('abort', () => {
      finish();
      reject(options.signal?.reason);
    });
    worker.addEventListener('message', (event: MessageEvent<CorpusJobReply>) => {
      started = true;
      const reply = event.data;
      if (reply.type === 'progress') options.onProgress?.(reply.done, reply.total);
      else if (reply.type === 'done') {
        finish();
        resolve(result(reply));
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

export const jobsInWorker: CorpusJobs = {
  add: (bundled, job, options) =>
    runInWorker({ kind: 'add', bundled: serializeCorpus(bundled.data), ...job }, options, () => ensureSentenceModel().then(() => jobsHere.add(bundled, job, options)), () => undefined),
  takenIds: (bundled) => runInWorker({ kind: 'taken-ids', bundled: serializeCorpus(bundled.data) }, {}, () => jobsHere.takenIds(bundled), (reply) => reply.ids ?? new Map<string, string>()),
};
