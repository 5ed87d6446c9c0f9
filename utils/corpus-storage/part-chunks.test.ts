// A part larger than one record is stored in chunks and read back whole, by every reader.
import { beforeEach, expect, test } from 'vitest';
import { openCorporaDb } from './db';
import { partReads } from './part-reads';
import { chunkName, PART_CHUNK_BYTES, partRecords } from './part-chunks';
import { readNamedParts, readParts, writeParts } from './store';
import { freshIndexedDb } from './test-corpora';

beforeEach(freshIndexedDb);

function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) bytes[i] = (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
  return bytes;
}

test('a large part is stored in chunks of at most PART_CHUNK_BYTES, each its own bytes, and a small one as it is', () => {
  const big = noise(2 * PART_CHUNK_BYTES + 5, 1);
  // A view on a larger buffer: a chunk must not carry the rest of it.
  const inside = new Uint8Array(10 * PART_CHUNK_BYTES);
  inside.set(big, 100);
  const records = partRecords('s', 'known', inside.subarray(100, 100 + big.length), 7);
  expect(records.map((r) => r.name)).toEqual(['known', chunkName('known', 1), chunkName('known', 2)]);
  expect(records[0]!.chunks).toBe(3);
  expect(records.map((r) => r.bytes.length)).toEqual([PART_CHUNK_BYTES, PART_CHUNK_BYTES, 5]);
  expect(records.every((r) => r.bytes.buffer.byteLength === r.bytes.length)).toBe(true);
  const small = partRecords('s', 'rows-0', big.subarray(0, PART_CHUNK_BYTES), 7);
  expect(small).toHaveLength(1);
  expect(small[0]!.chunks).toBeUndefined();
});

test('readParts, readNamedParts and the batched reads give back every part whole, chunked or not', async () => {
  const db = await openCorporaDb();
  const parts = [
    { name: 'lsh-1', bytes: noise(3 * PART_CHUNK_BYTES + 17, 2) },
    { name: 'lsh-10', bytes: noise(40, 3) },
    { name: 'lsh-2', bytes: noise(PART_CHUNK_BYTES, 4) },
    { name: 'sketches', bytes: noise(PART_CHUNK_BYTES + 1, 5) },
  ];
  await writeParts(db, 'seg', parts);
  const whole = await readParts(db, 'seg', ['sketches', 'lsh-1', 'lsh-10']);
  expect(whole.get('sketches')).toEqual(parts[3]!.bytes);
  expect(whole.get('lsh-1')).toEqual(parts[0]!.bytes);
  expect(whole.get('lsh-10')).toEqual(parts[1]!.bytes);
  const named = await readNamedParts(db, 'seg', 'lsh-');
  expect([...named.keys()].sort()).toEqual(['lsh-1', 'lsh-10', 'lsh-2']);
  for (const part of parts.slice(0, 3)) expect(named.get(part.name)).toEqual(part.bytes);
  const batched = await partReads(db)('seg', ['lsh-10', 'sketches', 'lsh-1']);
  expect(batched).toEqual([parts[1]!.bytes, parts[3]!.bytes, parts[0]!.bytes]);
});

test('a part missing a chunk is refused by name, not read short', async () => {
  const db = await openCorporaDb();
  await writeParts(db, 'seg', [{ name: 'known', bytes: noise(2 * PART_CHUNK_BYTES + 1, 6) }]);
  await db.delete('parts', ['seg', chunkName('known', 2)]);
  await expect(readParts(db, 'seg', ['known'])).rejects.toThrow(/part known of segment seg is damaged: 2 of its 3 chunks/);
  await expect(partReads(db)('seg', ['known'])).rejects.toThrow(/part known of segment seg is damaged/);
});
