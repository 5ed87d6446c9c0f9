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
  /** Each segment's parts asked for, by name, to their place in `keys` (a part asked for twice is read once). */
  slots: Map<string, Map<string, number>>;
  keys: [string, string][];
  read: Promise<(Uint8Array | undefined)[]>;
}

/**
 * Parts of any segments in one read-only transaction, in the order of `keys` (undefined for a
 * missing one). The requests are made on the raw store and their results taken together when the
 * transaction completes: through idb each read was a promise of its own, behind its proxies, which
 * cost as much as reading a small part (a warm page reads some 100 parts at 40,000 articles); so
 * did a success handler per request and a string key per part to find its answer.
 */
function readKeys(db: CorporaDatabase, keys: readonly [string, string][]): Promise<(Uint8Array | undefined)[]> {
  const tx = unwrap(db.transaction('parts', 'readonly'));
  const store = tx.objectStore('parts');
  const requests = keys.map((key) => store.get(key) as IDBRequest<StoredPart | undefined>);
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(requests.map((request) => request.result?.bytes));
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
      const batch: Batch = { slots: new Map(), keys: [], read: Promise.resolve([]) };
      // Started once the code asking synchronously (every segment's loads of one step) is done.
      batch.read = Promise.resolve().then(() => {
        open = null;
        return readKeys(db, batch.keys);
      });
      open = batch;
    }
    const { slots, keys, read } = open;
    let ofSegment = slots.get(segment);
    if (!ofSegment) slots.set(segment, (ofSegment = new Map()));
    const asked: number[] = [];
    for (const name of names) {
      let slot = ofSegment.get(name);
      if (slot === undefined) {
        slot = keys.push([segment, name]) - 1;
        ofSegment.set(name, slot);
      }
      asked.push(slot);
    }
    return read.then((parts) =>
      asked.map((slot, i) => {
        const bytes = parts[slot];
        if (!bytes) throw new Error(`part ${names[i]} of segment ${segment} is missing`);
        return bytes;
      }),
    );
  };
  readers.set(db, reader);
  return reader;
}
