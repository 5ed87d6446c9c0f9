// LSH buckets read in pages answer as the buckets held whole, read only the pages of the buckets
// looked in, join back into the whole buckets, and refuse a damaged or missing page by name.
import { expect, test } from 'vitest';
import { bucketKeys, buildLshBuckets, SIGNATURE_SIZE } from '../fingerprint/index.ts';
import { compileCorpus } from './compile.ts';
import { CorpusFormatError } from './format.ts';
import { joinLshPages, LshPages, serializeLshPages } from './lsh-pages.ts';
import { bucketOf } from './segment-lsh.ts';
import { basilRecords } from './test-segments.ts';
import { seedRecords } from './test-seeds.ts';

const data = compileCorpus([...seedRecords(), ...basilRecords().slice(0, 60)], { name: 'lsh' });
const buckets = { keys: data.lshKeys, articles: data.lshArticles };
const n = data.meta.articleCount;
// Small pages, so that buckets cross pages and a lookup reads a few of many.
const { layout, pages } = serializeLshPages(buckets, 16);

test('a bucket read in pages holds the articles of the bucket held whole, and only its pages are read', async () => {
  expect(buckets.keys.length).toBeGreaterThan(layout.page * 20);
  let read = 0;
  const lsh = new LshPages('lsh', layout, async (numbers) => {
    read += numbers.length;
    return numbers.map((k) => pages[k]!);
  });
  const signature = data.signatures.subarray(3 * SIGNATURE_SIZE, 4 * SIGNATURE_SIZE);
  const keys = [...bucketKeys(signature)];
  expect(keys.every((key) => lsh.has(key))).toBe(false);
  await lsh.read(keys);
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThanOrEqual(2 * keys.length);
  for (const key of keys) expect([...lsh.bucket(key)!]).toEqual([...bucketOf(buckets, key)]);
  // Every stored key, and keys no article has: the same buckets.
  const others = [...new Set(buckets.keys)].concat([0, 1, 0xffffffff]);
  await lsh.read(others);
  for (const key of others) expect([...lsh.bucket(key)!]).toEqual([...bucketOf(buckets, key)]);
  expect(joinLshPages(layout, pages, 'lsh')).toEqual(buildLshBuckets(data.signatures, n));
});

test('a page of another place, or a missing page, is refused by name', async () => {
  const swapped = new LshPages('lsh', layout, async (numbers) => numbers.map((k) => pages[k + 1]!));
  await expect(swapped.read([buckets.keys[0]!])).rejects.toThrow(CorpusFormatError);
  expect(() => joinLshPages(layout, pages.slice(1), 'lsh')).toThrow(/needs \d+ LSH pages/);
  const unread = new LshPages('lsh', layout, async () => []);
  expect(unread.bucket(buckets.keys[0]!)).toBeUndefined();
});

test('a segment without LSH entries has no pages: every bucket is read, and empty (with its filter, or written before it)', async () => {
  const none = serializeLshPages({ keys: new Uint32Array(0), articles: new Uint32Array(0) });
  expect(none.pages).toEqual([]);
  const { filter: _, ...before } = none.layout;
  for (const layout of [none.layout, before]) {
    const lsh = new LshPages('none', layout, async () => {
      throw new Error('no page to read');
    });
    await lsh.read([0, 7, 0xffffffff]);
    expect(lsh.has(7)).toBe(true);
    expect(lsh.bucket(7)).toEqual(new Uint32Array(0));
  }
});

test('keys no article has are answered from the filter, mostly without reading a page, and every bucket is as without it', async () => {
  let s = 99;
  const absent: number[] = [];
  const stored = new Set(buckets.keys);
  while (absent.length < 400) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    if (!stored.has(s)) absent.push(s);
  }
  const reads = { filtered: 0, unfiltered: 0 };
  const filtered = new LshPages('lsh', layout, async (numbers) => ((reads.filtered += numbers.length), numbers.map((k) => pages[k]!)));
  const { filter: _, ...withoutFilter } = layout;
  const unfiltered = new LshPages('lsh', withoutFilter, async (numbers) => ((reads.unfiltered += numbers.length), numbers.map((k) => pages[k]!)));
  expect(layout.filter).toBeDefined();
  expect(absent.filter((key) => filtered.has(key)).length).toBeGreaterThan(absent.length * 0.9);
  await filtered.read(absent);
  await unfiltered.read(absent);
  expect(reads.filtered).toBeLessThan(reads.unfiltered / 5);
  const keys = [...absent, ...stored];
  await filtered.read(keys);
  await unfiltered.read(keys);
  for (const key of keys) expect([...filtered.bucket(key)!]).toEqual([...unfiltered.bucket(key)!]);
});

test('every page read ahead (readAll): each page once, in one request; then every bucket answers without a read', async () => {
  const requests: number[][] = [];
  const lsh = new LshPages('lsh', layout, async (numbers) => (requests.push(numbers), numbers.map((k) => pages[k]!)));
  // A page a search is reading already is waited for, not asked for again.
  const key = buckets.keys[0]!;
  const searching = lsh.read([key]);
  await lsh.readAll();
  await searching;
  expect(requests).toHaveLength(2);
  expect(requests.flat().sort((a, b) => a - b)).toEqual([...pages.keys()]);
  await lsh.readAll();
  expect(requests).toHaveLength(2);
  for (const k of new Set(buckets.keys)) expect([...lsh.bucket(k)!]).toEqual([...bucketOf(buckets, k)]);
  expect(requests).toHaveLength(2);
});
