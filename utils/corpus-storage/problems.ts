// The last time the stored corpus could not be written for lack of space, kept in the extension's
// storage so the options page can say so even when it happened in the background (a scheduled
// refresh). Cleared by the next write that succeeds.
import { browser } from 'wxt/browser';
import { isStorageFull, STORAGE_FULL_MESSAGE } from './quota';

export const STORAGE_PROBLEM_KEY = 'parallax.storage.problem';

export interface StorageProblem {
  /** ISO date-time it happened. */
  at: string;
  message: string;
}

/** Records `error` when it is a full disk; other errors are reported where they happen. */
export async function reportStorageProblem(error: unknown): Promise<void> {
  if (!isStorageFull(error)) return;
  await browser.storage.local.set({ [STORAGE_PROBLEM_KEY]: { at: new Date().toISOString(), message: STORAGE_FULL_MESSAGE } satisfies StorageProblem }).catch(() => undefined);
}

export async function clearStorageProblem(): Promise<void> {
  await browser.storage.local.remove(STORAGE_PROBLEM_KEY).catch(() => undefined);
}

export async function readStorageProblem(): Promise<StorageProblem | null> {
  const stored = (await browser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY] as StorageProblem | undefined;
  return stored && typeof stored.at === 'string' && typeof stored.message === 'string' ? stored : null;
}
