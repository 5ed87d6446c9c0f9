// Runs the options page's corpus jobs in a worker; falls back to running them in the page
// (compiling in time slices) where a module worker cannot start.
import { runWorkerJob } from './worker-job';
import { serializeCorpus } from '@/lib/corpus';
import type { CompileProgressOptions } from '@/lib/import/combine';
import { jobsHere, type CorpusJobs } from '@/utils/corpus-storage';
import { ensureSentenceModel } from '@/utils/model/sentence-model';
import type { CorpusJobReply, CorpusJobRequest } from './compile-worker';

function runInWorker<T>(request: CorpusJobRequest, options: CompileProgressOptions, fallback: () => Promise<T>, result: (reply: CorpusJobReply & { type: 'done' }) => T): Promise<T> {
  return runWorkerJob(
    { start: () => new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' }), request, here: fallback, result, stopped: 'the compiler stopped' },
    options,
  );
}

export const jobsInWorker: CorpusJobs = {
  add: (bundled, job, options) =>
    runInWorker({ kind: 'add', bundled: serializeCorpus(bundled.data), ...job }, options, () => ensureSentenceModel().then(() => jobsHere.add(bundled, job, options)), () => undefined),
  takenIds: (bundled) => runInWorker({ kind: 'taken-ids', bundled: serializeCorpus(bundled.data) }, {}, () => jobsHere.takenIds(bundled), (reply) => reply.ids ?? new Map<string, string>()),
};
