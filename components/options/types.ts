import type { CompileProgressOptions } from '@/lib/import/combine';
import type { ImportedCorpus, ImportRecord, ImportReport } from '@/lib/import/records';
import type { Settings } from '@/lib/settings';
import type { CorpusSummary } from '@/lib/result';

export interface StorageReport {
  /** The browser's estimate for the extension (all its storage), null where the browser gives none. */
  usage: number | null;
  quota: number | null;
  /** Bytes of the stored corpus (imports and followed feeds; the bundled corpus ships with the extension). */
  corpusBytes: number;
  articles: number;
  /** The last write that did not fit, until one succeeds. */
  problem: { at: string; message: string } | null;
}

export interface CheckFileOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** What the options page needs from the browser; the entrypoint provides it. */
export interface OptionsApi {
  /** Reads and validates an import file (off the page's main thread where the browser allows). */
  checkFile(file: Blob, options: CheckFileOptions): Promise<ImportReport>;
  bundledSummary(): Promise<CorpusSummary>;
  listImports(): Promise<ImportedCorpus[]>;
  /** Ids already used by the bundled corpus or an import, with the corpus using each. */
  takenIds(): Promise<Map<string, string>>;
  addImport(
    input: { name: string; fileName: string; records: ImportRecord[]; summary: Omit<CorpusSummary, 'name'> },
    progress: CompileProgressOptions,
  ): Promise<ImportedCorpus>;
  /** Removes an import (or the followed feeds' stored articles): its segments are dropped, nothing is compiled. */
  removeImport(id: string): Promise<void>;
  /** How much of the browser's storage Parallax uses, and the last time a write did not fit. */
  storageUse(): Promise<StorageReport>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
}
