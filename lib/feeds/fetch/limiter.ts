// Concurrency limits: a global one for the whole refresh and one per host, so a refresh never
// hammers a single publisher however many of its articles a feed lists.

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`a concurrency limit must be a positive integer, got ${max}`);
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    active -= 1;
    queue.shift()?.();
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
      active += 1;
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

/** One limiter per key (the host), created on first use and dropped when idle. */
export function createKeyedLimiter(maxPerKey: number): { run<T>(key: string, task: () => Promise<T>): Promise<T> } {
  const limiters = new Map<string, Limiter>();
  return {
    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
      let limiter = limiters.get(key);
      if (!limiter) limiters.set(key, (limiter = createLimiter(maxPerKey)));
      try {
        return await limiter.run(task);
      } finally {
        if (limiter.active === 0 && limiter.waiting === 0) limiters.delete(key);
      }
    },
  };
}
