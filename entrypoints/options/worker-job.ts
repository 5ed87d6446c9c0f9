// Runs one of the options page's jobs in a module worker (check-worker.ts, compile-worker.ts):
// its progress reaches the caller, Stop ends the worker, and where a module worker cannot start
// (blocked by the browser, or unsupported) the job runs in the page instead.

/** What a job's worker posts: progress any number of times, then one `done` or one `error`. */
export type WorkerJobReply<Done extends { type: 'done' }> = { type: 'progress'; done: number; total: number } | Done | { type: 'error'; message: string };

export interface WorkerJob<Done extends { type: 'done' }, T> {
  /**
   * Starts the job's worker. Written out at each caller as
   * `new Worker(new URL('./x-worker.ts', import.meta.url), { type: 'module' })`: the bundler
   * finds and builds the worker from that expression.
   */
  start: () => Worker;
  /** The message that starts the job. */
  request: unknown;
  /** The same job in the page, for when the worker cannot start. */
  here: () => Promise<T>;
  /** The job's result, from the worker's `done` reply. */
  result: (reply: Done) => T;
  /** The error when the worker dies mid-job without saying why. */
  stopped: string;
}

export interface WorkerJobOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export function runWorkerJob<Done extends { type: 'done' }, T>(job: WorkerJob<Done, T>, options: WorkerJobOptions = {}): Promise<T> {
  let worker: Worker;
  try {
    worker = job.start();
  } catch {
    return job.here();
  }
  return new Promise<T>((resolve, reject) => {
    let started = false;
    const finish = () => worker.terminate();
    options.signal?.addEventListener('abort', () => {
      finish();
      reject(options.signal?.reason);
    });
    worker.addEventListener('message', (event: MessageEvent<WorkerJobReply<Done>>) => {
      started = true;
      const reply = event.data;
      if (reply.type === 'progress') options.onProgress?.(reply.done, reply.total);
      else {
        finish();
        if (reply.type === 'error') reject(new Error(reply.message));
        else resolve(job.result(reply));
      }
    });
    worker.addEventListener('error', (event) => {
      finish();
      // A worker that never ran (blocked, unsupported) gets the in-page fallback.
      if (!started) job.here().then(resolve, reject);
      else reject(new Error(event.message || job.stopped));
    });
    worker.postMessage(job.request);
  });
}
