// runWorkerJob against a stand-in worker that replies as the test tells it: progress reaches the
// caller, done and error settle the job, a worker that cannot start or dies before answering
// leaves the job to the page, one that dies mid-job fails it, and Stop ends the worker.
import { describe, expect, test } from 'vitest';
import { runWorkerJob, type WorkerJob, type WorkerJobReply } from './worker-job';

type Done = { type: 'done'; count: number };

class StandInWorker {
  readonly posted: unknown[] = [];
  terminated = 0;
  private readonly listeners = new Map<string, ((event: { data?: unknown; message?: string }) => void)[]>();
  addEventListener(type: string, listener: (event: { data?: unknown; message?: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated += 1;
  }
  reply(data: WorkerJobReply<Done>) {
    for (const listener of this.listeners.get('message') ?? []) listener({ data });
  }
  fail(message = '') {
    for (const listener of this.listeners.get('error') ?? []) listener({ message });
  }
}

function job(worker: StandInWorker | Error) {
  const ranHere: number[] = [];
  const spec: WorkerJob<Done, string> = {
    start: () => {
      if (worker instanceof Error) throw worker;
      return worker as unknown as Worker;
    },
    request: { kind: 'count' },
    here: async () => {
      ranHere.push(1);
      return 'counted in the page';
    },
    result: (reply) => `counted ${reply.count} in the worker`,
    stopped: 'the counter stopped',
  };
  return { spec, ranHere };
}

describe('runWorkerJob', () => {
  test('sends the request, passes progress on, and resolves with the done reply', async () => {
    const worker = new StandInWorker();
    const progress: [number, number][] = [];
    const { spec, ranHere } = job(worker);
    const running = runWorkerJob(spec, { onProgress: (done, total) => progress.push([done, total]) });
    expect(worker.posted).toEqual([{ kind: 'count' }]);
    worker.reply({ type: 'progress', done: 1, total: 3 });
    worker.reply({ type: 'progress', done: 3, total: 3 });
    worker.reply({ type: 'done', count: 3 });
    await expect(running).resolves.toBe('counted 3 in the worker');
    expect(progress).toEqual([
      [1, 3],
      [3, 3],
    ]);
    expect(worker.terminated).toBe(1);
    expect(ranHere).toEqual([]);
  });

  test("an error reply fails the job with the worker's message", async () => {
    const worker = new StandInWorker();
    const running = runWorkerJob(job(worker).spec);
    worker.reply({ type: 'error', message: 'line 3: not JSON' });
    await expect(running).rejects.toThrow('line 3: not JSON');
    expect(worker.terminated).toBe(1);
  });

  test('a worker that cannot be made runs the job in the page', async () => {
    const { spec, ranHere } = job(new Error('module workers are not supported'));
    await expect(runWorkerJob(spec)).resolves.toBe('counted in the page');
    expect(ranHere).toEqual([1]);
  });

  test('a worker that fails before its first reply (blocked) runs the job in the page', async () => {
    const worker = new StandInWorker();
    const { spec, ranHere } = job(worker);
    const running = runWorkerJob(spec);
    worker.fail('blocked');
    await expect(running).resolves.toBe('counted in the page');
    expect(ranHere).toEqual([1]);
    expect(worker.terminated).toBe(1);
  });

  test('a worker that dies mid-job fails it, with its message or the job’s own', async () => {
    for (const [message, expected] of [
      ['out of memory', 'out of memory'],
      ['', 'the counter stopped'],
    ]) {
      const worker = new StandInWorker();
      const { spec, ranHere } = job(worker);
      const running = runWorkerJob(spec);
      worker.reply({ type: 'progress', done: 1, total: 3 });
      worker.fail(message);
      await expect(running).rejects.toThrow(expected);
      expect(ranHere).toEqual([]);
    }
  });

  test('Stop ends the worker and rejects with the reason', async () => {
    const worker = new StandInWorker();
    const stop = new AbortController();
    const running = runWorkerJob(job(worker).spec, { signal: stop.signal });
    worker.reply({ type: 'progress', done: 1, total: 3 });
    stop.abort(new Error('stopped by the reader'));
    await expect(running).rejects.toThrow('stopped by the reader');
    expect(worker.terminated).toBe(1);
  });
});
