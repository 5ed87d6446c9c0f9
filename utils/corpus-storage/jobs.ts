// The options page's corpus jobs, which run in its worker (entrypoints/options/compile-worker.ts)
// or, where a module worker cannot start, in the page itself: compiling an import and reading the
// ids the corpus already uses both read every stored segment, which a page's thread should not.
import type { Corpus } from '@/lib/corpus';
import type { CompileProgressOptions } from '@/lib/import/combine';
import type { ImportedCorpus, ImportRecord } from '@/lib/import/records';
import type { CorpusSummary } from '@/lib/result';
import { openCorporaDb } from './db';
import { addImport, takenIds } from './imports';
import { openKnown } from './known';

export interface CorpusJobs {
  add(bundled: Corpus, job: { corpus: ImportedCorpus; records: ImportRecord[] }, options: CompileProgressOptions): Promise<void>;
  takenIds(bundled: Corpus): Promise<Map<string, string>>;
}

/** In this thread (the worker itself; the options page's fallback). The sentence model must be loaded for `add`. */
export const jobsHere: CorpusJobs = {
  async add(bundled, job, options) {
    const db = await openCorporaDb();
    // The corpus the import joins as a refresh opens it: its lookups, not its index parts (compiling prepares what it checks).
    await addImport(db, (await openKnown(db, bundled)).articles, job, options);
  },
  takenIds: async (bundled) => takenIds(await openCorporaDb(), bundled),
};

/** The stored description of a new import. */
export function newImport(input: { name: string; fileName: string; summary: Omit<CorpusSummary, 'name'> }, now = new Date()): ImportedCorpus {
  return {
    id: `import-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: input.name,
    fileName: input.fileName,
    importedAt: now.toISOString(),
    summary: { name: input.name, ...input.summary },
  };
}
