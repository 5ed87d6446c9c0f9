// Parts asked for in one turn are read in one transaction, each read answered with its own parts.
import { beforeEach, expect, test, vi } from 'vitest';
import { openCorporaDb } from './db';
import { partReads } from './part-reads';
import { writeParts } from './store';
import { freshIndexedDb } from './test-corpora';

beforeEach(freshIndexedDb);

const bytes = (n: number) => Uint8Array.of(n, n + 1);

test('reads asked for in one turn, over several segments, share one transaction; each gets its parts in the order asked', async () => {
  const db = await openCorporaDb();
  await writeParts(db, 'a', [{ name: 'block-0', bytes: bytes(1) }, { name: 'rows-0', bytes: bytes(2) }]);
  await writeParts(db, 'b', [{ name: 'block-0', bytes: bytes(3) }, { name: 'passages-4', bytes: bytes(4) }]);
  const transactions = vi.spyOn(db, 'transaction');
  const read = partReads(db);
  expect(partReads(db)).toBe(read);
  const [a, b, again] = await Promise.all([read('a', ['rows-0', 'block-0']), read('b', ['passages-4', 'block-0']), read('a', ['block-0'])]);
  expect(transactions).toHaveBeenCalledTimes(1);
  expect(a).toEqual([bytes(2), bytes(1)]);
  expect(b).toEqual([bytes(4), bytes(3)]);
  expect(again).toEqual([bytes(1)]);
  // A later turn is a transaction of its own.
  expect(await read('b', ['block-0'])).toEqual([bytes(3)]);
  expect(transactions).toHaveBeenCalledTimes(2);
});

test('a missing part fails its own read by name; the others of the same transaction are answered', async () => {
  const db = await openCorporaDb();
  await writeParts(db, 'a', [{ name: 'block-0', bytes: bytes(1) }]);
  const read = partReads(db);
  const [found, missing] = await Promise.allSettled([read('a', ['block-0']), read('a', ['block-7'])]);
  expect(found).toEqual({ status: 'fulfilled', value: [bytes(1)] });
  expect(missing.status).toBe('rejected');
  expect(String((missing as PromiseRejectedResult).reason)).toContain('part block-7 of segment a is missing');
});
