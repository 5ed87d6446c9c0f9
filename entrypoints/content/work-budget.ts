// Long work in the page runs in slices: each slice stops once its budget is spent and lets the
// page run (input, rendering) before the next one, so no task of ours comes near 50 ms.

export interface WorkBudget {
  /** True once the current slice has used its time. */
  spent(): boolean;
  /** Rejects when the run was abandoned (navigation, newer run, extension unloaded). */
  readonly signal: AbortSignal;
  /** Starts a new slice. */
  reset(): void;
  /** When the current slice started (performance.now()). */
  readonly sliceStart: number;
}

/** Receives each finished slice, for evaluations that attribute long tasks (null: off). */
let sliceRecorder: ((start: number, end: number) => void) | null = null;

export function recordSlices(recorder: ((start: number, end: number) => void) | null): void {
  sliceRecorder = recorder;
}

/** Reports the slice running now as finished (at a yield, or when the work is done). */
export function endSlice(budget: WorkBudget): void {
  sliceRecorder?.(budget.sliceStart, performance.now());
}

/** Short enough that a slice stays well under 50 ms even on a loaded two-core machine. */
export const SLICE_MS = 6;

export function createBudget(signal: AbortSignal, sliceMs = SLICE_MS, now: () => number = () => performance.now()): WorkBudget {
  let sliceStart = now();
  return {
    signal,
    spent: () => now() - sliceStart >= sliceMs,
    reset: () => {
      sliceStart = now();
    },
    get sliceStart() {
      return sliceStart;
    },
  };
}

interface SchedulerWithYield {
  yield?: () => Promise<void>;
}

/** Lets the page's own tasks run, then starts a new slice; throws if the run was abandoned. */
export async function yieldToPage(budget: WorkBudget): Promise<void> {
  endSlice(budget);
  budget.signal.throwIfAborted();
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (scheduler?.yield) await scheduler.yield();
  else await new Promise<void>((done) => setTimeout(done, 0));
  budget.signal.throwIfAborted();
  budget.reset();
}
