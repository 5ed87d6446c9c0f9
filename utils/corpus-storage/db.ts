// The IndexedDB database of stored corpora (through `idb`), with no extension API in it: the
// background, the options page and the options page's worker all open it.
//
// Version 2 stores corpora as segments. Each segment is a set of parts keyed [segment, name]
// (phase 3 reads an index part first and article blocks on demand); the manifest lists the live
// segments and the articles removed from them since (tombstones). A change writes its parts
// first and switches the manifest last, in one transaction, so a change cut short leaves the
// previous corpus as it was.
//
// Version 1 held `imports`, `records` and one compiled `combined` artifact of everything. The
// upgrade keeps imports and their records (the user's own data, compiled again into segments by
// `reconcile` after opening, since compiling cannot run inside an upgrade transaction) and drops
// the artifact, which segments replace.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ImportedCorpus, ImportRecord } from '@/lib/import/records';
import type { Manifest } from './manifest';

/** One stored part of a segment. */
export interface StoredPart {
  segment: string;
  name: string;
  bytes: Uint8Array;
  /** Date.now() when written: parts of no live segment older than a few minutes are orphans of a cut-short write. */
  written: number;
}

/**
 * Kept in the manifest store beside the manifest once the parts store was searched whole for
 * orphans: every part written since is a segment's the manifest lists, or one marked unlisted
 * (./store.ts `writeUnlistedParts`), so later searches read the marks alone.
 */
export interface UnlistedMarks {
  key: 'unlisted-marks';
  /** Date.now() when the parts store was last searched whole. */
  since: number;
}

export interface CorporaDb extends DBSchema {
  imports: { key: string; value: ImportedCorpus };
  /** An import's records as the user gave them: kept so it can be compiled again when the corpus format changes. */
  records: { key: string; value: { id: string; records: ImportRecord[] } };
  parts: { key: [string, string]; value: StoredPart; indexes: { segment: string } };
  manifest: { key: string; value: Manifest | UnlistedMarks };
}

export const DB_NAME = 'parallax-corpora';
export const DB_VERSION = 2;

export type CorporaDatabase = IDBPDatabase<CorporaDb>;

export function openCorporaDb(name = DB_NAME): Promise<CorporaDatabase> {
  return openDB<CorporaDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('imports', { keyPath: 'id' });
        db.createObjectStore('records', { keyPath: 'id' });
      }
      if (oldVersion < 2) {
        // The v1 artifact is not read by anyone any more; its store goes with it.
        const raw = db as unknown as IDBDatabase;
        if (raw.objectStoreNames.contains('artifacts')) raw.deleteObjectStore('artifacts');
        const parts = db.createObjectStore('parts', { keyPath: ['segment', 'name'] });
        parts.createIndex('segment', 'segment');
        db.createObjectStore('manifest', { keyPath: 'key' });
      }
    },
  });
}
