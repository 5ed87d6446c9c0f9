// Learned by scripts/fit-sentence-weights.ts: logistic regression (Newton, L2 = 1) of the
// evidence in lib/facts/evidence.ts on 3299 STS benchmark news training pairs
// (../shared/datasets/stsb-news/train.jsonl) and, for the same-fact model, 4075 MSR Paraphrase
// Corpus training pairs (../shared/datasets/msrp-train/train.jsonl, weight 0.2); thresholds as below.
// Regenerate with: npx tsx scripts/fit-sentence-weights.ts --write
import type { EvidenceKey } from './evidence.ts';

/** Same fact: STS meaning-overlap score about 4 of 5 ("mostly equivalent"; lib/facts/fitting.ts readerAgreement), or MSRP paraphrase. */
export const SAME_FACT_BIAS = -4.3655;
export const SAME_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 0.3919,
  weightedCoverageMin: 0.3535,
  sharedMass: 2.4781,
  termJaccard: 0.4429,
  bigramDice: 0.5664,
  longestRun: -1.8141,
  missingInformative: 0.3046,
  unmatchedMassMax: -2.0989,
  unmatchedMassMin: -0.2953,
  unmatchedQuantities: -1.4918,
  shortness: -0.2129,
  coverageWhenShort: -0.1487,
  unmatchedWhenShort: 0.8848,
  charTrigramCosine: 2.0309,
  quantitiesContained: -0.0530,
  negationMismatch: -0.6760,
  sharedQuantity: 0.5084,
  quantityConflict: -0.9174,
  namesMatched: -0.0046,
  namesDisjoint: -0.1449,
  sharedQuote: 0.5281,
  meaning: 1.9519,
  meaningBeyondWords: 1.3390,
};
/** Score at or above which two sentences are taken to report the same fact (F1-best on STS pairs out of fold). */
export const SAME_FACT_THRESHOLD = 0.41;

/**
 * Shared fact: STS score >= 3 ("roughly equivalent, some important information differs"). Its
 * threshold keeps recall 0.9 of such training pairs (alignment favours recall). Without
 * the meaning evidence (see SHARED_WITHOUT in the script): meaning gives alignment its candidates.
 */
export const SHARED_FACT_BIAS = -6.1146;
export const SHARED_FACT_WEIGHTS: Readonly<Record<EvidenceKey, number>> = {
  weightedOverlap: 1.8128,
  weightedCoverageMin: 1.3710,
  sharedMass: 3.6359,
  termJaccard: 0.6297,
  bigramDice: -0.3503,
  longestRun: -1.3099,
  missingInformative: 0.6966,
  unmatchedMassMax: 0.7974,
  unmatchedMassMin: -1.2320,
  unmatchedQuantities: -1.6612,
  shortness: 0.1571,
  coverageWhenShort: 0.9546,
  unmatchedWhenShort: 1.0257,
  charTrigramCosine: 2.9430,
  quantitiesContained: 0.4072,
  negationMismatch: -1.2093,
  sharedQuantity: 0.6140,
  quantityConflict: -1.3096,
  namesMatched: -0.0276,
  namesDisjoint: -0.4955,
  sharedQuote: 1.0895,
  meaning: 0.0000,
  meaningBeyondWords: 0.0000,
};
export const SHARED_FACT_THRESHOLD = 0.42;
