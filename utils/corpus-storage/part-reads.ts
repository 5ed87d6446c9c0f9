// The parts an analysis reads on demand (article blocks and index pieces), read together: every
// part asked for in one turn, by any segment, comes in one IndexedDB transaction. An analysis
// step asks for all it needs at once (lib/corpus: the candidates' index rows in every segment,
// then the passage pages of the page's shingles, then the articles alignment reads with their
// rows); read part by part, that was one transaction per segment and kind of piece, and one per
// article block (some 20 to 50 transactions a warm page at 40,000 articles, each with its own
// scheduling and commit).
import { unwrap } from 'idb';
import type { CorporaDatabase, StoredPart } from './db';

/** Reads a segment's parts by name, in the order asked; a missing part fails its own read alone. */
export type ReadParts = (segment: string, names: readonly string[]) => Promise<Uint8Array[]>;

interface Batch {
  /** Keys asked for, by `segment \n name` (a part asked for twice is read once). */
  keys: Map<string, [string, string]>;
  read: Promise<Map<string, Uint8Array>>;
}

const partKey = (segment: string, name: string) => `${segment}\n${name}`;

/**
 * Parts of any segments in one read-only transaction (missing ones left out). The requests are
 * made on the raw store and answered together when the transaction completes: through idb each
 * read was a promise of its own, behind its proxies, which cost as much as reading a small part
 * (a warm page reads some 100 parts at 40,000 articles).
 */
function readKeys(db: CorporaDatabase, keys: readonly [string, string][]): Promise<Map<string, Uint8Array>> {
  const tx = unwrap(db.transaction('parts', 'readonly'));
  const store = tx.objectStore('parts');
  const parts = new Map<string, Uint8Array>();
  return new Promise((resolve, reject) => {
    for (const key of keys) {
      const request = store.get(key) as IDBRequest<StoredPart | undefined>;
      request.onsuccess = () => {
        const part = request.result;
        if (part) parts.set(partKey(part.segment, part.name), part.bytes);
      };
    }
    tx.oncomplete = () => resolve(parts);
    // A failed read fails the transaction: every read of the batch is refused, none is left waiting.
    tx.onerror = () => reject(tx.error ?? new Error('reading parts failed'));
    tx.onabort = () => reject(tx.error ?? new Error('reading parts was aborted'));
  });
}

const readers = new WeakMap<CorporaDatabase, ReadParts>();

/** The database's batched reader: reads asked for before the current turn ends share one transaction. */
export function partReads(db: CorporaDatabase): ReadParts {
  let reader = readers.get(db);
  if (reader) return reader;
  let open: Batch | null = null;
  reader = (segment, names) => {
    if (!open) {
      const keys: Batch['keys'] = new Map();
      // Started once the code asking synchronously (every segment's loads of one step) is done.
      const read = Promise.resolve().then(() => {
        open = null;
        return readKeys(db, [...keys.values()]);
      });
      open = { keys, read };
    }
    const batch = open;
    for (const name of names) batch.keys.set(partKey(segment, name), [segment, name]);
    return batch.read.then((parts) =>
      names.map((name) => {
        const bytes = parts.get(partKey(segment, name));
        if (!bytes) throw new Error(`part ${name} of segment ${segment} is missing`);
        return bytes;
      }),
    );
  };
  readers.set(db, reader);
  return reader;
}
