// The IndexedDB database of imported corpora, with no extension API in it so the options page's
// compile worker can write to it too (a large import's records are cloned into storage off the
// page's main thread).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
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

/** Stores an import, its records and the combination compiled with it, all or nothing. */
export async function putImport(
  db: IDBPDatabase<CorporaDb>,
  corpus: ImportedCorpus,
  records: ImportRecord[],
  artifact: Omit<CombinedArtifact, 'key'>,
): Promise<void> {
  const tx = db.transaction(['imports', 'records', 'artifacts'], 'readwrite');
  await Promise.all([
    tx.objectStore('imports').put(corpus),
    tx.objectStore('records').put({ id: corpus.id, records }),
    tx.objectStore('artifacts').put({ key: 'combined', ...artifact }),
    tx.done,
  ]);
}
