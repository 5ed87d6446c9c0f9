// The user's imported corpora, kept in IndexedDB (through `idb`) so they survive restarts, and
// the corpus the background searches: the bundled corpus alone, or the bundled corpus and every
// import compiled together (lib/import/combine.ts). The compiled combination is stored too, keyed
// by what it was built from, so a restarted worker loads it instead of compiling again.
// Shared by the options page (which imports and removes, through its worker) and the background
// (which loads, and recompiles when the extension or the imports changed).
import { browser } from 'wxt/browser';
import { loadCorpus, type Corpus } from '@/lib/corpus';
import type { CompileProgressOptions } from '@/lib/import/combine';
import type { ImportedCorpus, ImportRecord } from '@/lib/import/records';
import type { CorpusSummary } from '@/lib/result';
import { addImportJob, importedIds, listImports, openCorporaDb, recompileJob } from './corpora-db';

export type { ImportedCorpus };
export { openCorporaDb };

/** Identifies a combination: the extension version (the bundled corpus ships with it), the bundled corpus and the imports. */
export function combinationKey(version: string, bundled: Pick<Corpus, 'name' | 'size'>, imports: readonly Pick<ImportedCorpus, 'id'>[]): string {
  return JSON.stringify([version, bundled.name, bundled.size, imports.map((i) => i.id).sort()]);
}

const extensionVersion = () => browser.runtime.getManifest().version;

/** Where the heavy work runs: here, or (the options page) in a worker. */
export interface CorpusJobs {
  add(bundled: Corpus, job: { corpus: ImportedCorpus; records: ImportRecord[]; combination: string }, options: CompileProgressOptions): Promise<void>;
  recompile(bundled: Corpus, combination: string, options: CompileProgressOptions): Promise<void>;
  importedIds(): Promise<Map<string, string>>;
}

/** In this thread, compiling in time slices (the background; the options page's fallback). */
export const jobsHere: CorpusJobs = {
  add: async (bundled, job, options) => addImportJob(await openCorporaDb(), bundled, job, options),
  recompile: async (bundled, combination, options) => void (await recompileJob(await openCorporaDb(), bundled, combination, options)),
  importedIds: async () => importedIds(await openCorporaDb()),
};

export async function listImportedCorpora(db?: Awaited<ReturnType<typeof openCorporaDb>>): Promise<ImportedCorpus[]> {
  return listImports(db ?? (await openCorporaDb()));
}

/** Ids already in use, with the name of the corpus using each, for the import check. */
export async function takenIds(bundled: Corpus, jobs: CorpusJobs = jobsHere): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  for (let i = 0; i < bundled.size; i++) taken.set(bundled.article(i).id, `bundled ${bundled.name}`);
  for (const [id, name] of await jobs.importedIds()) taken.set(id, name);
  return taken;
}

/** Stores a new import and the recompiled combination. */
export async function addImportedCorpus(
  bundled: Corpus,
  input: { name: string; fileName: string; records: ImportRecord[]; summary: Omit<CorpusSummary, 'name'> },
  options: CompileProgressOptions = {},
  jobs: CorpusJobs = jobsHere,
): Promise<ImportedCorpus> {
  const corpus: ImportedCorpus = {
    id: `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: input.name,
    fileName: input.fileName,
    importedAt: new Date().toISOString(),
    summary: { name: input.name, ...input.summary },
  };
  const existing = await listImportedCorpora();
  const combination = combinationKey(extensionVersion(), bundled, [...existing, corpus]);
  await jobs.add(bundled, { corpus, records: input.records, combination }, options);
  return corpus;
}

/** Removes an import and recompiles (or drops) the combination. */
export async function removeImportedCorpus(bundled: Corpus, id: string, options: CompileProgressOptions = {}, jobs: CorpusJobs = jobsHere): Promise<void> {
  const db = await openCorporaDb();
  const tx = db.transaction(['imports', 'records', 'artifacts'], 'readwrite');
  await Promise.all([tx.objectStore('imports').delete(id), tx.objectStore('records').delete(id), tx.objectStore('artifacts').delete('combined'), tx.done]);
  await jobs.recompile(bundled, combinationKey(extensionVersion(), bundled, await listImports(db)), options);
}

/**
 * The corpus to search: the bundled one when nothing is imported, otherwise the stored
 * combination when it matches, compiled again (and stored) when it does not.
 */
export async function withImportedCorpora(bundled: Corpus): Promise<Corpus> {
  const db = await openCorporaDb();
  const imports = await listImports(db);
  if (!imports.length) return bundled;
  const key = combinationKey(extensionVersion(), bundled, imports);
  const stored = await db.get('artifacts', 'combined');
  if (stored && stored.combination === key) {
    try {
      return loadCorpus(stored.bytes);
    } catch {
      // A damaged artifact is rebuilt from the records below.
    }
  }
  const bytes = await recompileJob(db, bundled, key, {});
  return bytes ? loadCorpus(bytes) : bundled;
}
