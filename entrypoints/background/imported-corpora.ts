// The user's imported corpora, kept in IndexedDB (through `idb`) so they survive restarts, and
// the corpus the background searches: the bundled corpus alone, or the bundled corpus and every
// import compiled together (lib/import/combine.ts). The compiled combination is stored too, keyed
// by what it was built from, so a restarted worker loads it instead of compiling again.
// Shared by the options page (which imports, removes and compiles) and the background (which loads).
import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { loadCorpus, serializeCorpus, type Corpus } from '@/lib/corpus';
import { compileCombined, type CompileProgressOptions, type NamedRecords } from '@/lib/import/combine';
import type { ImportedCorpus, ImportRecord } from '@/lib/import/records';
import type { CorpusSummary } from '@/lib/result';

import { openCorporaDb, putImport, type CorporaDb } from './corpora-db';

export type { ImportedCorpus };
export { openCorporaDb };

/** Identifies a combination: the extension version (the bundled corpus ships with it), the bundled corpus and the imports. */
export function combinationKey(version: string, bundled: Pick<Corpus, 'name' | 'size'>, imports: readonly Pick<ImportedCorpus, 'id'>[]): string {
  return JSON.stringify([version, bundled.name, bundled.size, imports.map((i) => i.id).sort()]);
}

const extensionVersion = () => browser.runtime.getManifest().version;

/** Compiles the bundled corpus and imports into one serialized artifact. */
export type CompileCombination = (bundled: Corpus, imports: NamedRecords[], options: CompileProgressOptions) => Promise<Uint8Array>;

/** In this thread, pausing between time slices (the background; the options page's fallback). */
export const compileHere: CompileCombination = async (bundled, imports, options) => serializeCorpus(await compileCombined(bundled, imports, options));

/** A new import to compile with the others and store: the last of `named` is its records. */
export interface ImportJob {
  bundled: Corpus;
  named: NamedRecords[];
  corpus: ImportedCorpus;
  combination: string;
}

/** Compiles and stores an import (nothing is stored when compiling fails). */
export type WriteImport = (job: ImportJob, options: CompileProgressOptions) => Promise<void>;

/** In this thread (the options page's fallback when its worker cannot start). */
export const writeImportHere: WriteImport = async (job, options) => {
  const bytes = await compileHere(job.bundled, job.named, options);
  await putImport(await openCorporaDb(), job.corpus, [...(job.named.at(-1)?.records ?? [])], { combination: job.combination, bytes });
};

export async function listImportedCorpora(db?: IDBPDatabase<CorporaDb>): Promise<ImportedCorpus[]> {
  const handle = db ?? (await openCorporaDb());
  const all = await handle.getAll('imports');
  return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

async function namedRecords(db: IDBPDatabase<CorporaDb>, imports: readonly ImportedCorpus[]): Promise<NamedRecords[]> {
  const out: NamedRecords[] = [];
  for (const imp of imports) {
    const stored = await db.get('records', imp.id);
    out.push({ name: imp.name, records: stored?.records ?? [] });
  }
  return out;
}

/** Ids already in use, with the name of the corpus using each, for the import check. */
export async function takenIds(bundled: Corpus): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  for (let i = 0; i < bundled.size; i++) taken.set(bundled.article(i).id, `bundled ${bundled.name}`);
  const db = await openCorporaDb();
  for (const imp of await listImportedCorpora(db)) {
    for (const r of (await db.get('records', imp.id))?.records ?? []) taken.set(r.id, imp.name);
  }
  return taken;
}

async function storeCombination(
  db: IDBPDatabase<CorporaDb>,
  bundled: Corpus,
  imports: ImportedCorpus[],
  options: CompileProgressOptions,
  compile: CompileCombination,
): Promise<Uint8Array | null> {
  if (!imports.length) {
    await db.delete('artifacts', 'combined');
    return null;
  }
  const bytes = await compile(bundled, await namedRecords(db, imports), options);
  await db.put('artifacts', { key: 'combined', combination: combinationKey(extensionVersion(), bundled, imports), bytes });
  return bytes;
}

/** Stores a new import and the recompiled combination. */
export async function addImportedCorpus(
  bundled: Corpus,
  input: { name: string; fileName: string; records: ImportRecord[]; summary: Omit<CorpusSummary, 'name'> },
  options: CompileProgressOptions = {},
  write: WriteImport = writeImportHere,
): Promise<ImportedCorpus> {
  const db = await openCorporaDb();
  const corpus: ImportedCorpus = {
    id: `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: input.name,
    fileName: input.fileName,
    importedAt: new Date().toISOString(),
    summary: { name: input.name, ...input.summary },
  };
  const existing = await listImportedCorpora(db);
  const named = [...(await namedRecords(db, existing)), { name: corpus.name, records: input.records }];
  await write({ bundled, named, corpus, combination: combinationKey(extensionVersion(), bundled, [...existing, corpus]) }, options);
  return corpus;
}

/** Removes an import and recompiles (or drops) the combination. */
export async function removeImportedCorpus(bundled: Corpus, id: string, options: CompileProgressOptions = {}, compile: CompileCombination = compileHere): Promise<void> {
  const db = await openCorporaDb();
  const tx = db.transaction(['imports', 'records', 'artifacts'], 'readwrite');
  await Promise.all([tx.objectStore('imports').delete(id), tx.objectStore('records').delete(id), tx.objectStore('artifacts').delete('combined'), tx.done]);
  await storeCombination(db, bundled, await listImportedCorpora(db), options, compile);
}

/**
 * The corpus to search: the bundled one when nothing is imported, otherwise the stored
 * combination when it matches, compiled again (and stored) when it does not.
 */
export async function withImportedCorpora(bundled: Corpus): Promise<Corpus> {
  const db = await openCorporaDb();
  const imports = await listImportedCorpora(db);
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
  const bytes = await storeCombination(db, bundled, imports, {}, compileHere);
  return bytes ? loadCorpus(bytes) : bundled;
}
