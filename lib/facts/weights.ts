// Learned by scripts/fit-sentence-weights.ts: logistic regression (Newton, L2 = 1) of the
// evidence in lib/facts/evidence.ts on 3299 STS benchmark news training pairs
// (../shared/datasets/stsb-news/train.jsonl); thresholds chosen there as described below.
// Regenerate with: npx tsx scripts/fit-sentence-weights.ts --write
import type { EvidenceKey } from './evidence.ts';

/** Same fact: human meaning-overlap score >= 4 of 5 ("mostly equivalent"). */
export const SAME_FACT_BIAS = -5.0047;
export const SAME_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 1.1098,
  weightedCoverageMin: 1.5046,
  sharedMass: 2.2028,
  termJaccard: 0.4938,
  bigramDice: -0.5259,
  longestRun: -1.2728,
  missingInformative: 0.7234,
  unmatchedMassMax: -2.6054,
  unmatchedMassMin: 0.2475,
  unmatchedQuantities: -2.7711,
  shortness: 0.8794,
  coverageWhenShort: 1.0083,
  unmatchedWhenShort: 0.9370,
  charTrigramCosine: 2.2927,
  quantitiesContained: -0.2336,
  negationMismatch: -0.6453,
  sharedQuantity: 0.7424,
  quantityConflict: -1.7612,
  namesMatched: 0.1516,
  namesDisjoint: -0.1100,
  sharedQuote: 0.1670,
};
/** Score at or above which two sentences are taken to report the same fact. */
export const SAME_FACT_THRESHOLD = 0.27;

/**
 * Shared fact: score >= 3 ("roughly equivalent, some important information differs"). Its
 * threshold keeps recall 0.9 of such training pairs (alignment favours recall).
 */
export const SHARED_FACT_BIAS = -6.1727;
export const SHARED_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 1.8092,
  weightedCoverageMin: 1.3502,
  sharedMass: 3.6765,
  termJaccard: 0.5815,
  bigramDice: -0.3518,
  longestRun: -1.3077,
  missingInformative: 0.7265,
  unmatchedMassMax: 0.8221,
  unmatchedMassMin: -1.2593,
  unmatchedQuantities: -1.6016,
  shortness: 0.1718,
  coverageWhenShort: 0.9417,
  unmatchedWhenShort: 1.0577,
  charTrigramCosine: 2.9771,
  quantitiesContained: 0.3923,
  negationMismatch: -1.2098,
  sharedQuantity: 0.5872,
  quantityConflict: -1.3335,
  namesMatched: -0.0229,
  namesDisjoint: -0.4770,
  sharedQuote: 1.0798,
};
export const SHARED_FACT_THRESHOLD = 0.42;
