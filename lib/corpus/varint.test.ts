import { describe, expect, test } from 'vitest';
import { CorpusFormatError } from './format.ts';
import { decodeDeltas, decodeVarints, encodeDeltas, encodeVarints } from './varint.ts';

const EDGES = [0, 1, 127, 128, 16_383, 16_384, 2 ** 21, 2 ** 28 - 1, 2 ** 31, 0xffffffff];

describe('varints', () => {
  test('numbers of every size come back, in order, with or without deltas', () => {
    const values = Uint32Array.from([...EDGES, ...EDGES.slice().reverse(), 5, 5, 0xffffffff, 0]);
    expect(decodeVarints(encodeVarints(values), values.length, 'test')).toEqual(values);
    expect(decodeDeltas(encodeDeltas(values), values.length, 'test')).toEqual(values);
  });

  test('ascending runs cost a byte a number where the steps are small, and a drop between runs is kept', () => {
    // Two postings lists one after the other: 1000 articles in steps of 1-3, then a list starting low again.
    const first = Array.from({ length: 1000 }, (_, i) => 40_000 + 2 * i + (i % 2));
    const values = Uint32Array.from([...first, 7, 9, 12]);
    const bytes = encodeDeltas(values);
    // 3 bytes for the first number, one for each small step, a few for the drop.
    expect(bytes.length).toBeLessThan(values.length + 8);
    expect(decodeDeltas(bytes, values.length, 'test')).toEqual(values);
  });

  test('random numbers of 32 bits take at most 5 bytes each, and deltas of them at most 6', () => {
    let seed = 1;
    const values = Uint32Array.from({ length: 2000 }, () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0));
    expect(encodeVarints(values).length).toBeLessThanOrEqual(5 * values.length);
    expect(encodeDeltas(values).length).toBeLessThanOrEqual(6 * values.length);
    expect(decodeDeltas(encodeDeltas(values), values.length, 'test')).toEqual(values);
  });

  test('an empty list is no bytes', () => {
    expect(encodeDeltas([]).length).toBe(0);
    expect(decodeDeltas(new Uint8Array(0), 0, 'test')).toEqual(new Uint32Array(0));
  });

  test('damaged bytes are refused by name: too few, too many, a number past 32 bits, a run of continuation bytes', () => {
    const bytes = encodeDeltas(Uint32Array.from([3, 300, 70_000]));
    expect(() => decodeDeltas(bytes.subarray(0, bytes.length - 1), 3, 'postings page 4')).toThrow(new CorpusFormatError('postings page 4 ends before its 3 numbers'));
    expect(() => decodeDeltas(bytes, 2, 'postings page 4')).toThrow(/postings page 4 has \d+ bytes past its 2 numbers/);
    expect(() => decodeVarints(encodeVarints([0xffffffff]).map((b, i) => (i === 4 ? 0x1f : b)), 1, 'passage page 2')).toThrow(/passage page 2 holds a number out of range/);
    // A drop below zero is out of range too.
    expect(() => decodeDeltas(Uint8Array.from([1]), 1, 'passage page 2')).toThrow(/out of range/);
    expect(() => decodeVarints(new Uint8Array(12).fill(0xff), 1, 'passage page 2')).toThrow(CorpusFormatError);
  });
});
