// Reading and writing segments' parts and switching the manifest. Every change to the stored
// corpus is: write the new segment's parts (one transaction), then switch the manifest in one
// final transaction that also deletes the parts of segments it drops. A change stopped before
// the switch (the browser ended the background, the user stopped it, the disk was full) leaves
// the manifest, and so the corpus, as it was; its parts are orphans that `collectOrphans` deletes.
// A new segment's parts are written with a mark saying its id is not listed yet (the same
// transaction); the switch that lists it deletes the mark, so the marks are where orphans can be.
import type { IDBPTransaction } from 'idb';
import { emptyManifest, type Manifest } from './manifest';
import type { CorporaDatabase, CorporaDb, UnlistedMarks } from './db';
import { StorageFullError, isQuotaError } from './quota';
import { namedPartsRange, partsBetween, segmentPartsRange } from './key-ranges';

const MANIFEST_KEY = 'manifest';
/** A part this old and in no live segment is left over from a cut-short write, not one still being written. */
export const ORPHAN_AGE_MS = 10 * 60_000;

export interface SegmentPart {
  name: string;
  bytes: Uint8Array;
}

/** The manifest as stored (the manifest store also keeps the unlisted marks' record). */
const asManifest = (value: Manifest | UnlistedMarks | undefined): Manifest => (value?.key === MANIFEST_KEY ? value : emptyManifest());

export async function readManifest(db: CorporaDatabase): Promise<Manifest> {
  return asManifest(await db.get('manifest', MANIFEST_KEY));
}

/**
 * The marks of segments whose parts were written before the manifest listed them: records of the
 * parts store under this segment name, named by the segment's id. A segment id is never this.
 */
const UNLISTED = '~unlisted';
const UNLISTED_MARKS_KEY = 'unlisted-marks';
const unlistedMark = (segment: string): [string, string] => [UNLISTED, segment];

/** Rethrows a full disk as StorageFullError (the message the user reads). */
async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError(error) : error;
  }
}

export function writeParts(db: CorporaDatabase, segment: string, parts: readonly SegmentPart[], now = Date.now(), options: { unlisted?: boolean } = {}): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction('parts', 'readwrite');
    const mark = options.unlisted ? [tx.store.put({ segment: UNLISTED, name: segment, bytes: new Uint8Array(0), written: now })] : [];
    await Promise.all([...mark, ...parts.map((p) => tx.store.put({ segment, name: p.name, bytes: p.bytes, written: now })), tx.done]);
  });
}

/**
 * Writes parts of a segment the manifest does not list yet (a new one, or one a switch may drop
 * meanwhile), marked as such in the same transaction: if no switch lists it, `collectOrphans`
 * finds its parts by the mark.
 */
export function writeUnlistedParts(db: CorporaDatabase, segment: string, parts: readonly SegmentPart[], now = Date.now()): Promise<void> {
  return writeParts(db, segment, parts, now, { unlisted: true });
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
    const current = asManifest(await tx.objectStore('manifest').get(MANIFEST_KEY));
    const next = change(current);
    if (!next) {
      await tx.done;
      return null;
    }
    const kept = new Set(next.segments.map((s) => s.id));
    const writes: Promise<unknown>[] = [tx.objectStore('manifest').put({ ...next, key: 'manifest', updated: new Date().toISOString() })];
    const parts = tx.objectStore('parts');
    for (const dropped of current.segments) if (!kept.has(dropped.id)) writes.push(parts.delete(segmentPartsRange(dropped.id)));
    // A segment listed now is no orphan: its mark goes.
    const listed = new Set(current.segments.map((s) => s.id));
    for (const added of next.segments) if (!listed.has(added.id)) writes.push(parts.delete(unlistedMark(added.id)));
    writes.push(...(also?.(tx) ?? []));
    await Promise.all([...writes, tx.done]);
    return next;
  });
}

/**
 * Deletes parts of no live segment written more than ORPHAN_AGE_MS ago; returns how many (marks
 * included). It runs whenever a background starts. The first time, in a database of a build
 * before the marks, it searches the stretches of the parts store between live segments' parts
 * (one key-range lookup each; it reads no key of a live segment) and then records that it did
 * (`UnlistedMarks`), unless a part too young to judge was there. After that only the marks are
 * read: the stretches between live segments are where dropped and merged-away segments' parts
 * were deleted, and walking them cost a time in proportion to all the parts ever deleted
 * (fake-indexeddb keeps deleted records in its tree until it rebuilds it, LevelDB its deletion
 * markers until it compacts): about 30 of the 33 ms a refresh at 100,000 articles took to open
 * the stored articles in the growth benchmark.
 */
export async function collectOrphans(db: CorporaDatabase, now = Date.now()): Promise<number> {
  const tx = db.transaction(['manifest', 'parts'], 'readwrite');
  const manifests = tx.objectStore('manifest');
  const manifest = asManifest(await manifests.get(MANIFEST_KEY));
  const parts = tx.objectStore('parts');
  const live = new Set(manifest.segments.map((s) => s.id));
  let deleted = 0;
  if ((await manifests.get(UNLISTED_MARKS_KEY))?.key === UNLISTED_MARKS_KEY) {
    for (const mark of await parts.getAll(segmentPartsRange(UNLISTED))) {
      const segment = mark.name;
      if (live.has(segment)) {
        // Listed since (parts added to a live segment): nothing of it is an orphan.
        await parts.delete(unlistedMark(segment));
      } else if (now - mark.written > ORPHAN_AGE_MS) {
        // Counted, not listed: an orphan may hold thousands of parts.
        deleted += (await parts.count(segmentPartsRange(segment))) + 1;
        await parts.delete(segmentPartsRange(segment));
        await parts.delete(unlistedMark(segment));
      }
    }
    await tx.done;
    return deleted;
  }
  // IndexedDB orders string keys by UTF-16 code units, as a default sort does.
  let young = false;
  for (const gap of partsBetween([...live].sort())) {
    for (const key of await parts.getAllKeys(gap)) {
      const part = await parts.get(key);
      if (part && now - part.written > ORPHAN_AGE_MS) {
        await parts.delete(key);
        deleted++;
      } else if (part) young = true;
    }
  }
  await tx.done;
  // A part too young to judge may be an orphan of a build before the marks: the next start searches again.
  if (!young) await recordWholeSearch(db, now);
  return deleted;
}

/**
 * Records that the parts store was searched whole, after the search's own transaction: a write
 * refused there (a full disk) would undo the deletions and fail the opening, where here it only
 * leaves the next start to search whole again.
 */
async function recordWholeSearch(db: CorporaDatabase, now: number): Promise<void> {
  try {
    await db.put('manifest', { key: UNLISTED_MARKS_KEY, since: now });
  } catch (error) {
    console.warn('Parallax could not record that stored parts were searched for orphans; the next start searches again:', error);
  }
}
