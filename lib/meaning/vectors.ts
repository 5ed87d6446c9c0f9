// Sentence meaning vectors as the engine keeps them: the model's unit vector cut to its first
// MEANING_DIMS dimensions and quantized to int8 (one byte a dimension), compact enough to store
// for every sentence of a corpus. The model's dimensions are PCA-ordered, so the first ones carry
// most of the meaning; the cosine ignores scale, so each vector is scaled to use the int8 range.

/**
 * Dimensions kept. Measured on STS news dev (model cosine alone): 128 give AUC 0.845, 64 give
 * 0.837 at half the bytes (../shared/models/potion-base-4M-int8/PROVENANCE.md); fused with the
 * other evidence the difference is smaller still (scripts/fit-sentence-weights.ts --dims).
 */
export const MEANING_DIMS = 64;

/** A vector of MEANING_DIMS int8 values; all zero for a sentence the model has no tokens for. */
export type MeaningVector = Int8Array;

/** Quantizes a float vector's first `dims` values to int8, the largest magnitude to 127. */
export function quantize(vector: ArrayLike<number>, dims = MEANING_DIMS): MeaningVector {
  const out = new Int8Array(dims);
  let max = 0;
  for (let i = 0; i < dims; i++) max = Math.max(max, Math.abs(vector[i]!));
  if (max === 0) return out;
  const scale = 127 / max;
  for (let i = 0; i < dims; i++) out[i] = Math.round(vector[i]! * scale);
  return out;
}

/** Cosine of two int8 vectors (of `a`'s length, `b` read from `bOffset`); 0 when either is zero. */
export function meaningCosine(a: Int8Array, b: Int8Array, bOffset = 0): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[bOffset + i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
