// Learned by scripts/fit-sentence-weights.ts: logistic regression (Newton, L2 = 1) of the
// evidence in lib/facts/evidence.ts on 3299 STS benchmark news training pairs
// (../shared/datasets/stsb-news/train.jsonl); thresholds chosen there as described below.
// Regenerate with: npx tsx scripts/fit-sentence-weights.ts --write
import type { EvidenceKey } from './evidence.ts';

/** Same fact: human meaning-overlap score >= 4 of 5 ("mostly equivalent"). */
export const SAME_FACT_BIAS = -4.9060;
export const SAME_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 0.9909,
  weightedCoverageMin: 1.4836,
  sharedMass: 2.0285,
  termJaccard: 0.5475,
  bigramDice: -0.6216,
  longestRun: -1.2925,
  missingInformative: 0.5604,
  unmatchedMassMax: -2.5078,
  unmatchedMassMin: 0.4584,
  unmatchedQuantities: -2.7421,
  shortness: 0.9102,
  coverageWhenShort: 1.1111,
  unmatchedWhenShort: 1.0019,
  charTrigramCosine: 2.5524,
  quantitiesContained: -0.2563,
  negationMismatch: -0.6698,
  sharedQuantity: 0.7542,
  quantityConflict: -1.7839,
  namesMatched: 0.1332,
  namesDisjoint: -0.1327,
  sharedQuote: 0.1445,
};
/** Score at or above which two sentences are taken to report the same fact. */
export const SAME_FACT_THRESHOLD = 0.32;

/**
 * Shared fact: score >= 3 ("roughly equivalent, some important information differs"). Its
 * threshold keeps recall 0.9 of such training pairs (alignment favours recall).
 */
export const SHARED_FACT_BIAS = -6.1441;
export const SHARED_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 1.7143,
  weightedCoverageMin: 1.3070,
  sharedMass: 3.4838,
  termJaccard: 0.7193,
  bigramDice: -0.5106,
  longestRun: -1.2983,
  missingInformative: 0.5061,
  unmatchedMassMax: 0.9327,
  unmatchedMassMin: -0.9951,
  unmatchedQuantities: -1.5816,
  shortness: 0.2367,
  coverageWhenShort: 0.9307,
  unmatchedWhenShort: 1.1943,
  charTrigramCosine: 3.2947,
  quantitiesContained: 0.3839,
  negationMismatch: -1.2305,
  sharedQuantity: 0.5775,
  quantityConflict: -1.3161,
  namesMatched: -0.0387,
  namesDisjoint: -0.4994,
  sharedQuote: 1.0520,
};
export const SHARED_FACT_THRESHOLD = 0.42;
