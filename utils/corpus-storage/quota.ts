// The browser's storage quota: what the options page shows, when it warns, and the error a full
// disk turns into. IndexedDB reports a write over the quota as a QuotaExceededError (a
// DOMException), either from the write or as the aborted transaction's error.

/** Share of the quota in use from which the options page warns. */
export const QUOTA_WARNING_SHARE = 0.8;

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || (name === 'AbortError' && /quota/i.test(String((error as { message?: unknown }).message)));
}

export const STORAGE_FULL_MESSAGE =
  'The browser has no more storage space for Parallax, so the new articles were not saved. The corpus you had is unchanged. Keep fewer articles under Sources, remove an import, or free disk space.';

export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super(STORAGE_FULL_MESSAGE, { cause });
    this.name = 'StorageFullError';
  }
}

/** A full disk, here or in the options page's worker (whose errors arrive as their message only). */
export function isStorageFull(error: unknown): boolean {
  return error instanceof StorageFullError || isQuotaError(error) || (error instanceof Error && error.message === STORAGE_FULL_MESSAGE);
}

export interface StorageUse {
  /** What the browser counts for the extension's origin (all its storage), if it says. */
  usage: number | null;
  quota: number | null;
  /** Bytes of the stored corpus's segments (parts), by the manifest. */
  corpusBytes: number;
  /** Articles in stored segments (imports and feeds; the bundled corpus not counted). */
  articles: number;
}

/** The browser's estimate, or nulls where it gives none (older browsers, some private windows). */
export async function estimateStorage(storage: { estimate?: () => Promise<{ usage?: number; quota?: number }> } | undefined = globalThis.navigator?.storage): Promise<{ usage: number | null; quota: number | null }> {
  try {
    const estimate = await storage?.estimate?.();
    return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
  } catch {
    return { usage: null, quota: null };
  }
}

export function quotaShare(use: Pick<StorageUse, 'usage' | 'quota'>): number | null {
  return use.usage !== null && use.quota ? use.usage / use.quota : null;
}

export const nearQuota = (use: Pick<StorageUse, 'usage' | 'quota'>): boolean => (quotaShare(use) ?? 0) >= QUOTA_WARNING_SHARE;
