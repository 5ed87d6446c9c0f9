import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { partsBetween, segmentPartsRange } from './key-ranges';

const inAny = (ranges: (IDBKeyRange | undefined)[], key: [string, string]) => ranges.some((range) => range === undefined || range.includes(key));
const NAMES = ['', 'index', 'known', 'block-0', 'passages-12', '\uffff'];

test('the ranges between live segments hold the parts of every other segment and none of the live ones', () => {
  const live = ['feeds-0002', 'feeds-0010', 'import-a'];
  const ranges = partsBetween(live);
  for (const id of live) for (const name of NAMES) expect(inAny(ranges, [id, name])).toBe(false);
  // Before the first, between neighbours (a prefix and an extension of a live id among them), after the last.
  for (const id of ['', 'bundled', 'feeds-0001', 'feeds-00020', 'feeds-0003', 'feeds-001', 'feeds-00100', 'import-', 'import-b', '\uffff']) {
    for (const name of NAMES) expect(inAny(ranges, [id, name])).toBe(true);
  }
  // Each part lies in one range only: collectOrphans reads each orphan once.
  expect(ranges.filter((range) => range!.includes(['feeds-0003', 'index']))).toHaveLength(1);
});

test('with no live segment one unbounded range holds every part', () => {
  expect(partsBetween([])).toEqual([undefined]);
});

test('a segment’s parts range holds its parts and no other segment’s', () => {
  const range = segmentPartsRange('feeds-0002');
  for (const name of ['index', 'lookups', 'block-0', 'block-12', 'rows-3', 'postings-0', 'passages-7']) expect(range.includes(['feeds-0002', name])).toBe(true);
  for (const key of [['feeds-000', 'index'], ['feeds-00020', 'index'], ['feeds-0003', 'block-0'], ['feeds-0001', '\uffff']]) expect(range.includes(key)).toBe(false);
});
