// Checks an import file in a worker (check-worker.ts); where a module worker cannot start, in
// the page in chunks that yield to the event loop, as before.
import { validateCorpusFile, type ImportReport } from '@/lib/import/records';
import type { CheckFileOptions } from '@/components/options/types';
import type { CheckReply, CheckRequest } from './check-worker';

const checkHere = async (file: Blob, options: CheckFileOptions) => validateCorpusFile(await file.text(), options);

export function checkFileInWorker(file: Blob, options: CheckFileOptions): Promise<ImportReport> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return checkHere(file, options);
  }
  return new Promise<ImportReport>((resolve, reject) => {
    let started = false;
    const finish = () => worker.terminate();
    options.signal?.addEventListener('abort', () => {
      finish();
      reject(options.signal?.reason);
    });
    worker.addEventListener('message', (event: MessageEvent<CheckReply>) => {
      started = true;
      const reply = event.data;
      if (reply.type === 'progress') options.onProgress?.(reply.done, reply.total);
      else {
        finish();
        if (reply.type === 'done') resolve(reply.report);
        else reject(new Error(reply.message));
      }
    });
    worker.addEventListener('error', (event) => {
      finish();
      if (!started) checkHere(file, options).then(resolve, reject);
      else reject(new Error(event.message || 'the check stopped'));
    });
    worker.postMessage({ file } satisfies CheckRequest);
  });
}
