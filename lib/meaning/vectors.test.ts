import { describe, expect, it } from 'vitest';
import { MEANING_DIMS, meaningCosine, quantize } from './vectors.ts';

describe('meaning vectors', () => {
  it('quantizing to int8 keeps the cosine of the float vectors', () => {
    const a = Array.from({ length: MEANING_DIMS }, (_, i) => Math.sin(i + 1));
    const b = Array.from({ length: MEANING_DIMS }, (_, i) => Math.sin(i + 1) + 0.5 * Math.cos(3 * i));
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < MEANING_DIMS; i++) {
      dot += a[i]! * b[i]!;
      na += a[i]! ** 2;
      nb += b[i]! ** 2;
    }
    expect(meaningCosine(quantize(a), quantize(b))).toBeCloseTo(dot / Math.sqrt(na * nb), 2);
    expect(quantize(a).length).toBe(MEANING_DIMS);
    expect(Math.max(...quantize(a).map(Math.abs))).toBe(127);
  });

  it('reads the other vector at an offset (rows of a corpus section)', () => {
    const row = quantize(Array.from({ length: MEANING_DIMS }, (_, i) => i - 10));
    const rows = new Int8Array(3 * MEANING_DIMS);
    rows.set(row, 2 * MEANING_DIMS);
    expect(meaningCosine(row, rows, 2 * MEANING_DIMS)).toBeCloseTo(1, 6);
    expect(meaningCosine(row, rows, 0)).toBe(0);
  });
});
