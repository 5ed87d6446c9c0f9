// Checks an import file in a worker (check-worker.ts); where a module worker cannot start, in
// the page in chunks that yield to the event loop, as before.
import { validateCorpusFile, type ImportReport } from '@/lib/import/records';
import type { CheckFileOptions } from '@/components/options/types';
import type { CheckReply, CheckRequest } from './check-worker';
import { runWorkerJob } from './worker-job';

const checkHere = async (file: Blob, options: CheckFileOptions) => validateCorpusFile(await file.text(), options);

export function checkFileInWorker(file: Blob, options: CheckFileOptions): Promise<ImportReport> {
  return runWorkerJob<Extract<CheckReply, { type: 'done' }>, ImportReport>(
    {
      start: () => new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' }),
      request: { file } satisfies CheckRequest,
      here: () => checkHere(file, options),
      result: (reply) => reply.report,
      stopped: 'the check stopped',
    },
    options,
  );
}
