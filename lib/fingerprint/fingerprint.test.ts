import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  buildLshBuckets,
  estimateContainment,
  estimateJaccard,
  fingerprintText,
  hashBytes,
  hashString,
  lshCandidates,
  SIGNATURE_SIZE,
} from './index.ts';

const seed = (name: string) => readFileSync(new URL(`../../corpus/seeds/${name}`, import.meta.url), 'utf8');
const nyNormalized = seed('000_0812b1be2a60d229.txt');
const nyReadable = seed('001_4938277a76e1a9f3.txt');
const nbc = seed('002_61e61ccaf47142ac.txt');

describe('hashes are stable (the same values in Node and in browsers, release after release)', () => {
  test.each([
    ['', 0, 0],
    ['a', 0, 1867108634],
    ['hello', 0, 3619887497],
    ['hello', 1, 2474293433],
    ['Putin’s', 0, 103871817],
  ])('hashString(%j, %i) = %i', (text, s, expected) => {
    expect(hashString(text, s)).toBe(expected);
  });

  test.each([0, 5, 17, 35, 36, 38])('hashBytes notices a change to byte %i (lanes, tail words, tail bytes)', (index) => {
    const bytes = new TextEncoder().encode('parallax compares outlets, locally!!!!!'); // 39 bytes
    expect(bytes.length).toBe(39);
    const h = hashBytes(bytes);
    bytes[index]! ^= 1;
    expect(hashBytes(bytes)).not.toBe(h);
  });

  test('hashBytes depends on the length (trailing zero bytes count)', () => {
    expect(hashBytes(new Uint8Array(8))).not.toBe(hashBytes(new Uint8Array(9)));
  });

  test('hashBytes gives the same value for aligned and unaligned copies of the bytes', () => {
    const bytes = new TextEncoder().encode('The Kremlin said Trump invited Putin.');
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(hashBytes(shifted.subarray(3), 7)).toBe(hashBytes(bytes, 7));
    expect(hashBytes(bytes, 7)).toBe(3937424296); // pinned: artifacts written earlier must still verify
  });

  test('a signature is a pure function of the text', () => {
    const a = fingerprintText(nyReadable);
    const b = fingerprintText(`${nyReadable}`);
    expect(a.signature).toHaveLength(SIGNATURE_SIZE);
    expect([...a.signature]).toEqual([...b.signature]);
    expect(a.shingles).toBeGreaterThan(300);
    // Pinned values: a change here changes every stored artifact's signatures.
    expect(Array.from(fingerprintText('Kremlin aide says Trump invited Putin to the White House').signature.slice(0, 4))).toEqual([
      1339002464, 3316075559, 215790445, 808305582,
    ]);
  });
});

describe('similarity estimates', () => {
  test('the readable NYT article (001) is contained in its normalized page (000)', () => {
    const short = fingerprintText(nyReadable);
    const long = fingerprintText(nyNormalized);
    const jaccard = estimateJaccard(short.signature, long.signature);
    expect(estimateContainment(jaccard, short.shingles, long.shingles)).toBeGreaterThan(0.9);
    // The other way round, the longer page is only partly inside the shorter one.
    expect(estimateContainment(jaccard, long.shingles, short.shingles)).toBeLessThan(0.8);
  });

  test('a different outlet’s article on the same story shares almost no shingles', () => {
    const a = fingerprintText(nyReadable);
    const b = fingerprintText(nbc);
    expect(estimateContainment(estimateJaccard(a.signature, b.signature), a.shingles, b.shingles)).toBeLessThan(0.1);
  });

  test.each([
    [1, 100, 100, 1],
    [0.5, 100, 100, 2 / 3],
    [0.5, 50, 100, 1],
    [0, 10, 10, 0],
  ])('containment from jaccard %f with sizes %i and %i', (j, a, b, expected) => {
    expect(estimateContainment(j, a, b)).toBeCloseTo(expected, 5);
  });

  test('an empty text matches nothing, not even another empty text', () => {
    const empty = fingerprintText('the and of');
    expect(empty.shingles).toBe(0);
    expect(estimateJaccard(empty.signature, fingerprintText('').signature)).toBe(0);
  });
});

describe('LSH buckets', () => {
  test('versions of one article meet in a bucket; other articles do not', () => {
    const texts = [nyNormalized, nyReadable, nbc];
    const signatures = new Uint32Array(texts.length * SIGNATURE_SIZE);
    texts.forEach((t, i) => signatures.set(fingerprintText(t).signature, i * SIGNATURE_SIZE));
    const buckets = buildLshBuckets(signatures, texts.length);
    const found = lshCandidates(buckets, fingerprintText(nyReadable).signature);
    expect(found.get(1)).toBe(16);
    expect(found.get(0)).toBeGreaterThan(0);
    expect(found.has(2)).toBe(false);
  });
});
