// The IndexedDB database of imported corpora and the jobs that read and write it, with no
// extension API in them: the options page runs the same jobs in its worker, so a large import's
// records are read, compiled and cloned into storage off the page's main thread.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { serializeCorpus, type Corpus } from '@/lib/corpus';
import { compileCombined, type CompileProgressOptions, type NamedRecords } from '@/lib/import/combine';
import type { ImportedCorpus, ImportRecord } from '@/lib/import/records';

export interface CombinedArtifact {
  key: 'combined';
  /** What the artifact was built from; see combinationKey in ./imported-corpora. */
  combination: string;
  bytes: Uint8Array;
}

export interface CorporaDb extends DBSchema {
  imports: { key: string; value: ImportedCorpus };
  records: { key: string; value: { id: string; records: ImportRecord[] } };
  artifacts: { key: string; value: CombinedArtifact };
}

const DB_NAME = 'parallax-corpora';
const DB_VERSION = 1;

export function openCorporaDb(): Promise<IDBPDatabase<CorporaDb>> {
  return openDB<CorporaDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('imports', { keyPath: 'id' });
      db.createObjectStore('records', { keyPath: 'id' });
      db.createObjectStore('artifacts', { keyPath: 'key' });
    },
  });
}

/** Imported corpora, oldest first (the order they are compiled in). */
export async function listImports(db: IDBPDatabase<CorporaDb>): Promise<ImportedCorpus[]> {
  return (await db.getAll('imports')).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

export async function readNamedRecords(db: IDBPDatabase<CorporaDb>, imports: readonly ImportedCorpus[]): Promise<NamedRecords[]> {
  const out: NamedRecords[] = [];
  for (const imp of imports) out.push({ name: imp.name, records: (await db.get('records', imp.id))?.records ?? [] });
  return out;
}

/** Ids the imports use, with the name of the import using each. */
export async function importedIds(db: IDBPDatabase<CorporaDb>): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  for (const imp of await listImports(db)) for (const r of (await db.get('records', imp.id))?.records ?? []) taken.set(r.id, imp.name);
  return taken;
}

/**
 * Compiles a new import with the bundled corpus and the other imports, then stores the import,
 * its records and the artifact in one transaction: nothing is stored when compiling fails.
 */
export async function addImportJob(
  db: IDBPDatabase<CorporaDb>,
  bundled: Corpus,
  job: { corpus: ImportedCorpus; records: ImportRecord[]; combination: string },
  options: CompileProgressOptions,
): Promise<void> {
  const named = [...(await readNamedRecords(db, await listImports(db))), { name: job.corpus.name, records: job.records }];
  const bytes = serializeCorpus(await compileCombined(bundled, named, options));
  const tx = db.transaction(['imports', 'records', 'artifacts'], 'readwrite');
  await Promise.all([
    tx.objectStore('imports').put(job.corpus),
    tx.objectStore('records').put({ id: job.corpus.id, records: job.records }),
    tx.objectStore('artifacts').put({ key: 'combined', combination: job.combination, bytes }),
    tx.done,
  ]);
}

/** Compiles and stores the combination of the current imports (drops it when there are none). */
export async function recompileJob(
  db: IDBPDatabase<CorporaDb>,
  bundled: Corpus,
  combination: string,
  options: CompileProgressOptions,
): Promise<Uint8Array | null> {
  const imports = await listImports(db);
  if (!imports.length) {
    await db.delete('artifacts', 'combined');
    return null;
  }
  const bytes = serializeCorpus(await compileCombined(bundled, await readNamedRecords(db, imports), options));
  await db.put('artifacts', { key: 'combined', combination, bytes });
  return bytes;
}
