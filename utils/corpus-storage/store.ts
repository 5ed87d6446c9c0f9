// Reading and writing segments' parts and switching the manifest. Every change to the stored
// corpus is: write the new segment's parts (one transaction), then switch the manifest in one
// final transaction that also deletes the parts of segments it drops. A change stopped before
// the switch (the browser ended the background, the user stopped it, the disk was full) leaves
// the manifest, and so the corpus, as it was; its parts are orphans that `collectOrphans` deletes.
import type { IDBPTransaction } from 'idb';
import { emptyManifest, type Manifest } from './manifest';
import type { CorporaDatabase, CorporaDb } from './db';
import { StorageFullError, isQuotaError } from './quota';
import { namedPartsRange, partsBetween, segmentPartsRange } from './key-ranges';

const MANIFEST_KEY = 'manifest';
/** A part this old and in no live segment is left over from a cut-short write, not one still being written. */
export const ORPHAN_AGE_MS = 10 * 60_000;

export interface SegmentPart {
  name: string;
  bytes: Uint8Array;
}

export async function readManifest(db: CorporaDatabase): Promise<Manifest> {
  return (await db.get('manifest', MANIFEST_KEY)) ?? emptyManifest();
}

/** Rethrows a full disk as StorageFullError (the message the user reads). */
async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError(error) : error;
  }
}

export function writeParts(db: CorporaDatabase, segment: string, parts: readonly SegmentPart[], now = Date.now()): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction('parts', 'readwrite');
    await Promise.all([...parts.map((p) => tx.store.put({ segment, name: p.name, bytes: p.bytes, written: now })), tx.done]);
  });
}

export async function readParts(db: CorporaDatabase, segment: string, names: readonly string[]): Promise<Map<string, Uint8Array>> {
  const tx = db.transaction('parts', 'readonly');
  const found = await Promise.all(names.map((name) => tx.store.get([segment, name])));
  await tx.done;
  const parts = new Map<string, Uint8Array>();
  found.forEach((part, i) => {
    if (!part) throw new Error(`part ${names[i]} of segment ${segment} is missing`);
    parts.set(part.name, part.bytes);
  });
  return parts;
}

/** Every part of a segment whose name starts with `prefix`, in one request (a key range). */
export async function readNamedParts(db: CorporaDatabase, segment: string, prefix: string): Promise<Map<string, Uint8Array>> {
  const found = await db.getAll('parts', namedPartsRange(segment, prefix));
  return new Map(found.map((part) => [part.name, part.bytes]));
}

export type SwitchTransaction = IDBPTransaction<CorporaDb, ('manifest' | 'parts' | 'imports' | 'records')[], 'readwrite'>;

/**
 * Switches the manifest in one transaction: `change` gets the manifest as stored now (another
 * page may have changed it since it was last read) and returns the next one, or null to leave
 * it. Parts of segments the change drops are deleted in the same transaction; `also` adds other
 * writes (an import's record) that must happen with the switch or not at all.
 */
export function switchManifest(
  db: CorporaDatabase,
  change: (current: Manifest) => Manifest | null,
  also?: (tx: SwitchTransaction) => Promise<unknown>[],
): Promise<Manifest | null> {
  return guarded(async () => {
    const tx = db.transaction(['manifest', 'parts', 'imports', 'records'], 'readwrite');
    const current = (await tx.objectStore('manifest').get(MANIFEST_KEY)) ?? emptyManifest();
    const next = change(current);
    if (!next) {
      await tx.done;
      return null;
    }
    const kept = new Set(next.segments.map((s) => s.id));
    const writes: Promise<unknown>[] = [tx.objectStore('manifest').put({ ...next, key: 'manifest', updated: new Date().toISOString() })];
    const parts = tx.objectStore('parts');
    for (const dropped of current.segments) if (!kept.has(dropped.id)) writes.push(parts.delete(segmentPartsRange(dropped.id)));
    writes.push(...(also?.(tx) ?? []));
    await Promise.all([...writes, tx.done]);
    return next;
  });
}

/**
 * Deletes parts of no live segment written more than ORPHAN_AGE_MS ago; returns how many. It runs
 * whenever a background starts, so it reads no key of a live segment: only the stretches of the
 * parts store between live segments' parts (one key-range lookup each, usually empty), where
 * walking every part's key (the whole corpus's blocks) cost a time in proportion to the corpus.
 */
export async function collectOrphans(db: CorporaDatabase, now = Date.now()): Promise<number> {
  const tx = db.transaction(['manifest', 'parts'], 'readwrite');
  const manifest = (await tx.objectStore('manifest').get(MANIFEST_KEY)) ?? emptyManifest();
  const parts = tx.objectStore('parts');
  // IndexedDB orders string keys by UTF-16 code units, as a default sort does.
  const live = [...new Set(manifest.segments.map((s) => s.id))].sort();
  let deleted = 0;
  for (const gap of partsBetween(live)) {
    for (const key of await parts.getAllKeys(gap)) {
      const part = await parts.get(key);
      if (part && now - part.written > ORPHAN_AGE_MS) {
        await parts.delete(key);
        deleted++;
      }
    }
  }
  await tx.done;
  return deleted;
}
