// Learned by scripts/fit-sentence-weights.ts: logistic regression (Newton, L2 = 1) of the
// evidence in lib/facts/evidence.ts on 3299 STS benchmark news training pairs
// (../shared/datasets/stsb-news/train.jsonl); each threshold maximizes F1 of its label there.
// Regenerate with: npx tsx scripts/fit-sentence-weights.ts --write
import type { EvidenceKey } from './evidence.ts';

/** Same fact: human meaning-overlap score >= 4 of 5 ("mostly equivalent"). */
export const SAME_FACT_BIAS = -4.3850;
export const SAME_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 1.0171,
  weightedCoverageMin: 1.4894,
  sharedMass: 1.8899,
  termJaccard: 0.2912,
  bigramDice: -0.8999,
  longestRun: -1.2537,
  missingInformative: 0.6330,
  unmatchedMassMax: -2.5242,
  unmatchedMassMin: 0.2892,
  unmatchedQuantities: -2.7618,
  shortness: 1.2600,
  charTrigramCosine: 2.9526,
  quantitiesContained: -0.2710,
  negationMismatch: -0.6824,
  sharedQuantity: 0.7426,
  quantityConflict: -1.8151,
  namesMatched: 0.1182,
  namesDisjoint: -0.0171,
  sharedQuote: 0.1419,
};
/** Score at or above which two sentences are taken to report the same fact. */
export const SAME_FACT_THRESHOLD = 0.29;

/** Shared fact: score >= 3 ("roughly equivalent, some important information differs"). */
export const SHARED_FACT_BIAS = -5.2798;
export const SHARED_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 1.4950,
  weightedCoverageMin: 1.0964,
  sharedMass: 3.1015,
  termJaccard: 0.3773,
  bigramDice: -0.7223,
  longestRun: -1.3097,
  missingInformative: 0.4430,
  unmatchedMassMax: 1.0690,
  unmatchedMassMin: -1.2038,
  unmatchedQuantities: -1.6016,
  shortness: 0.3206,
  charTrigramCosine: 4.1295,
  quantitiesContained: 0.3466,
  negationMismatch: -1.2184,
  sharedQuantity: 0.5902,
  quantityConflict: -1.3580,
  namesMatched: -0.0337,
  namesDisjoint: -0.4154,
  sharedQuote: 1.0569,
};
export const SHARED_FACT_THRESHOLD = 0.44;
