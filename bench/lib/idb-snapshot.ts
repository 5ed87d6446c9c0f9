// What the extension's IndexedDB holds, as bytes on disk: the growth benchmark stores segments in
// a Node IndexedDB (fake-indexeddb, in memory), saves every database's stores and records to a
// file at each step, and a fresh process puts them back before it times its cold start, as a
// restarted browser finds its IndexedDB on disk. Each record's value is measured as v8's
// structured-clone serialization (what IndexedDB itself stores), raw and gzipped one by one.
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { gzipSync } from 'node:zlib';
import { openDB, type IDBPDatabase } from 'idb';

interface StoreShape {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

export interface DatabaseSnapshot {
  name: string;
  version: number;
  stores: (StoreShape & { keys: IDBValidKey[]; values: unknown[] })[];
}

export interface StorageSize {
  /** Serialized bytes of every record (keys and values). */
  bytes: number;
  /** The same, each record gzipped on its own (level 6). */
  bytesGzip: number;
  /** Per store: records, bytes, gzipped bytes. */
  stores: Record<string, { records: number; bytes: number; bytesGzip: number }>;
}

async function readDatabase(db: IDBPDatabase): Promise<DatabaseSnapshot> {
  const stores: DatabaseSnapshot['stores'] = [];
  for (const name of Array.from(db.objectStoreNames)) {
    const tx = db.transaction(name, 'readonly');
    const store = tx.store;
    const indexes = Array.from(store.indexNames, (indexName) => {
      const index = store.index(indexName);
      return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll(), tx.done]);
    stores.push({ name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, keys, values });
  }
  return { name: db.name, version: db.version, stores };
}

/** Every database of the global indexedDB into `path`; returns the sizes. */
export async function saveIndexedDb(path: string): Promise<StorageSize> {
  const snapshots: DatabaseSnapshot[] = [];
  for (const info of await indexedDB.databases()) {
    const db = await openDB(info.name!);
    snapshots.push(await readDatabase(db));
    db.close();
  }
  const size: StorageSize = { bytes: 0, bytesGzip: 0, stores: {} };
  for (const snapshot of snapshots) {
    for (const store of snapshot.stores) {
      const entry = (size.stores[`${snapshot.name}/${store.name}`] = { records: store.keys.length, bytes: 0, bytesGzip: 0 });
      store.values.forEach((value, i) => {
        const record = serialize([store.keys[i], value]);
        entry.bytes += record.length;
        entry.bytesGzip += gzipSync(record, { level: 6 }).length;
      });
      size.bytes += entry.bytes;
      size.bytesGzip += entry.bytesGzip;
    }
  }
  writeFileSync(path, serialize(snapshots));
  return size;
}

/**
 * The value with every typed array on a buffer of its own. v8's deserializer hands typed arrays
 * back as views into the one buffer it read (the whole snapshot file); stored as they are, each
 * record would hold, and each read would clone, the whole snapshot, as a browser's structured
 * clone of a view copies its entire buffer. The extension stores parts on buffers of their own.
 */
function withOwnBuffers(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const view = value as unknown as { buffer: ArrayBufferLike; byteLength: number; slice(): unknown };
    return view.buffer.byteLength === view.byteLength ? value : view.slice();
  }
  if (Array.isArray(value)) return value.map(withOwnBuffers);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withOwnBuffers(v)]));
  }
  return value;
}

/** The databases saved in `path`, each record's typed arrays on buffers of their own. */
export function readIndexedDbSnapshot(path: string): DatabaseSnapshot[] {
  const snapshots = deserialize(readFileSync(path)) as DatabaseSnapshot[];
  for (const snapshot of snapshots) for (const store of snapshot.stores) store.values = store.values.map(withOwnBuffers);
  return snapshots;
}

/** Puts the databases saved in `path` into the global indexedDB (which must not have them yet). */
export async function restoreIndexedDb(path: string): Promise<void> {
  const snapshots = readIndexedDbSnapshot(path);
  for (const snapshot of snapshots) {
    const db = await openDB(snapshot.name, snapshot.version, {
      upgrade(database) {
        for (const shape of snapshot.stores) {
          const store = database.createObjectStore(shape.name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
          for (const index of shape.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        }
      },
    });
    for (const shape of snapshot.stores) {
      const tx = db.transaction(shape.name, 'readwrite');
      const writes = shape.values.map((value, i) => (shape.keyPath === null ? tx.store.put(value, shape.keys[i]) : tx.store.put(value)));
      await Promise.all([...writes, tx.done]);
    }
    db.close();
  }
}
