import type { CompileProgressOptions } from '@/lib/import/combine';
import type { ImportedCorpus, ImportRecord, ImportReport } from '@/lib/import/records';
import type { Settings } from '@/lib/settings';
import type { CorpusSummary } from '@/lib/result';

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
  removeImport(id: string, progress: CompileProgressOptions): Promise<void>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
}
