// Learned by scripts/fit-sentence-weights.ts: logistic regression (Newton, L2 = 1) of the
// evidence in lib/facts/evidence.ts on 3299 STS benchmark news training pairs
// (../shared/datasets/stsb-news/train.jsonl); thresholds chosen there as described below.
// Regenerate with: npx tsx scripts/fit-sentence-weights.ts --write
import type { EvidenceKey } from './evidence.ts';

/** Same fact: human meaning-overlap score >= 4 of 5 ("mostly equivalent"). */
export const SAME_FACT_BIAS = -4.5570;
export const SAME_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 1.0663,
  weightedCoverageMin: 1.4614,
  sharedMass: 2.0805,
  termJaccard: 0.4232,
  bigramDice: -0.6890,
  longestRun: -1.2396,
  missingInformative: 0.6318,
  unmatchedMassMax: -2.5119,
  unmatchedMassMin: 0.3067,
  unmatchedQuantities: -2.7467,
  shortness: 1.3655,
  charTrigramCosine: 2.5434,
  quantitiesContained: -0.2627,
  negationMismatch: -0.6691,
  sharedQuantity: 0.7560,
  quantityConflict: -1.7850,
  namesMatched: 0.1381,
  namesDisjoint: -0.1352,
  sharedQuote: 0.1485,
};
/** Score at or above which two sentences are taken to report the same fact. */
export const SAME_FACT_THRESHOLD = 0.31;

/**
 * Shared fact: score >= 3 ("roughly equivalent, some important information differs"). Its
 * threshold keeps recall 0.9 of such training pairs (alignment favours recall).
 */
export const SHARED_FACT_BIAS = -5.7625;
export const SHARED_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 1.7605,
  weightedCoverageMin: 1.2698,
  sharedMass: 3.5307,
  termJaccard: 0.5873,
  bigramDice: -0.5617,
  longestRun: -1.2521,
  missingInformative: 0.5957,
  unmatchedMassMax: 1.0308,
  unmatchedMassMin: -1.1962,
  unmatchedQuantities: -1.5918,
  shortness: 0.6129,
  charTrigramCosine: 3.2641,
  quantitiesContained: 0.3788,
  negationMismatch: -1.2237,
  sharedQuantity: 0.5766,
  quantityConflict: -1.3173,
  namesMatched: -0.0359,
  namesDisjoint: -0.4998,
  sharedQuote: 1.0614,
};
export const SHARED_FACT_THRESHOLD = 0.41;
