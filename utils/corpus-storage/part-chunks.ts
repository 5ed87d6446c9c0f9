// A part larger than PART_CHUNK_BYTES is stored as chunks: the record under its own name holds the
// first chunk and their count, and the others follow under `chunkName(name, k)`. Reading one large
// value cost far more than its bytes: cloning a 6.4 MB record out of fake-indexeddb (the growth
// benchmark's IndexedDB) took 25-47 ms, the same bytes in 128 kB records 1-3 ms, and Chrome stores
// a value over 64 kB apart, as a file of its own. At 100,000 articles a refresh reads the
// segments' known parts and sketches whole (some 10 MB), and a start every index part.
import type { StoredPart } from './db';

/** Bytes a stored record holds at most: below the size Chrome moves out of its database into a file. */
export const PART_CHUNK_BYTES = 60 * 1024;

/** The name of a part's chunk k (k >= 1); part names are ASCII, so no part is named so. */
export function chunkName(name: string, k: number): string {
  return `${name}\u0001${String(k).padStart(6, '0')}`;
}

/** Whether a stored record is a chunk after the first of some part. */
export function isLaterChunk(name: string): boolean {
  return name.includes('\u0001');
}

/** The records a part is stored as. Chunks are copies: a view would store its whole buffer. */
export function partRecords(segment: string, name: string, bytes: Uint8Array, written: number): StoredPart[] {
  if (bytes.length <= PART_CHUNK_BYTES) return [{ segment, name, bytes, written }];
  const chunks = Math.ceil(bytes.length / PART_CHUNK_BYTES);
  const records: StoredPart[] = [];
  for (let k = 0; k < chunks; k++) {
    const chunk = bytes.slice(k * PART_CHUNK_BYTES, (k + 1) * PART_CHUNK_BYTES);
    records.push(k === 0 ? { segment, name, bytes: chunk, written, chunks } : { segment, name: chunkName(name, k), bytes: chunk, written });
  }
  return records;
}

/** A part's bytes from its first record and the later chunks (in order); a missing chunk is damage, said by name. */
export function joinChunks(first: StoredPart, later: readonly StoredPart[]): Uint8Array {
  const chunks = first.chunks ?? 1;
  if (later.length !== chunks - 1 || later.some((c, i) => c.name !== chunkName(first.name, i + 1))) {
    throw new Error(`part ${first.name} of segment ${first.segment} is damaged: ${later.length + 1} of its ${chunks} chunks are stored`);
  }
  if (chunks === 1) return first.bytes;
  const bytes = new Uint8Array(first.bytes.length + later.reduce((n, c) => n + c.bytes.length, 0));
  bytes.set(first.bytes, 0);
  let at = first.bytes.length;
  for (const chunk of later) {
    bytes.set(chunk.bytes, at);
    at += chunk.bytes.length;
  }
  return bytes;
}

/** The key range of a part's later chunks. */
export function laterChunksRange(segment: string, name: string): IDBKeyRange {
  return IDBKeyRange.bound([segment, `${name}\u0001`], [segment, `${name}\u0001\uffff`]);
}
