// Do two sentences report the same fact? A logistic model over the evidence of
// lib/facts/evidence.ts, with weights fit on real sentence pairs (lib/facts/weights.ts).
import type { AlignmentReason } from '../result.ts';
import { EVIDENCE_KEYS, gatherEvidence, type Evidence, type EvidenceKey, type TermWeights } from './evidence.ts';
import { sentenceFeatures, type SentenceFeatures } from './features.ts';
import type { QuantityConflict } from './quantities.ts';
import type { TermStats } from './stats.ts';
import {
  SAME_FACT_BIAS,
  SAME_FACT_THRESHOLD,
  SAME_FACT_WEIGHTS,
  SHARED_FACT_BIAS,
  SHARED_FACT_THRESHOLD,
  SHARED_FACT_WEIGHTS,
} from './weights.ts';

export interface SentenceComparison {
  /** 0..1: how likely the two sentences report the same fact (calibrated on real pairs). */
  score: number;
  /** `score` at or above the calibrated threshold. */
  sameFact: boolean;
  /**
   * 0..1: how likely both report one fact while each may add or leave out details (fit on
   * human scores >= 3 of 5): what two outlets' sentences on one fact usually are.
   */
  sharedScore: number;
  sharesFact: boolean;
  /**
   * Numbers or dates of one fact that disagree. Between two unrelated sentences they mean two
   * events ("7 killed"/"12 killed"); within one story they are a conflict worth showing.
   */
  conflicts: QuantityConflict[];
  /** `sharesFact` holds once disagreeing numbers and dates are set aside (see `conflicts`). */
  sharesFactExceptFigures: boolean;
  /** Both share a quotation of several words verbatim. */
  sharedQuote: boolean;
  /** Both share a long verbatim run of words: reuse of one text (wire copy, press release). */
  reuse: boolean;
  reasons: AlignmentReason[];
  /** Name parts matched across spellings ("dmitri" ~ "dmitry"). */
  spellingMatches: [string, string][];
  evidence: Evidence;
}

/** A verbatim run of at least this many words, covering REUSE_MIN_SHARE of the shorter sentence, is reuse. */
export const REUSE_MIN_WORDS = 10;
const REUSE_MIN_SHARE = 0.6;

/** A weighted term overlap this high is given as a reason ("words"). */
const WORDS_REASON_MIN_OVERLAP = 0.5;

function logistic(bias: number, weights: Readonly<Record<EvidenceKey, number>>, evidence: Evidence): number {
  let z = bias;
  for (const key of EVIDENCE_KEYS) z += weights[key] * evidence[key];
  return 1 / (1 + Math.exp(-z));
}

function asFeatures(sentence: string | SentenceFeatures): SentenceFeatures {
  return typeof sentence === 'string' ? sentenceFeatures(sentence) : sentence;
}

function longestRunWords(evidence: Evidence, a: SentenceFeatures, b: SentenceFeatures): number {
  return Math.round(evidence.longestRun * Math.min(a.words.length, b.words.length));
}

/**
 * Scores whether `a` and `b` report the same fact. `stats` weighs words by how informative they
 * are in the collection the sentences come from (a corpus, or the pairs being scored).
 * `sharedFactThreshold` moves the "shares a fact" decision (the user's strictness setting).
 * `termWeights`: the terms' weights under `stats`, when the caller keeps them (lib/facts/evidence.ts).
 */
export function compareSentences(
  a: string | SentenceFeatures,
  b: string | SentenceFeatures,
  stats: TermStats,
  sharedFactThreshold = SHARED_FACT_THRESHOLD,
  termWeights?: TermWeights,
): SentenceComparison {
  const fa = asFeatures(a);
  const fb = asFeatures(b);
  const detail = gatherEvidence(fa, fb, stats, termWeights);
  const { evidence } = detail;
  // Shared quotations and verbatim runs are weighed by the fit like any evidence; the flags
  // let fact alignment, which knows both sentences come from one story, count them as decisive.
  const score = logistic(SAME_FACT_BIAS, SAME_FACT_WEIGHTS, evidence);
  const sharedScore = logistic(SHARED_FACT_BIAS, SHARED_FACT_WEIGHTS, evidence);
  const sharesFact = sharedScore >= sharedFactThreshold;
  // The evidence with figures set aside is scored only for a pair that falls short with them.
  const sharesFactExceptFigures =
    sharesFact ||
    (detail.conflicts.length > 0 && logistic(SHARED_FACT_BIAS, SHARED_FACT_WEIGHTS, { ...evidence, quantityConflict: 0, unmatchedQuantities: 0 }) >= sharedFactThreshold);
  const reuse = longestRunWords(evidence, fa, fb) >= REUSE_MIN_WORDS && evidence.longestRun >= REUSE_MIN_SHARE;
  const sharedQuote = evidence.sharedQuote === 1;
  const reasons: AlignmentReason[] = [];
  if (detail.sharedNames > 0) reasons.push('names');
  if (detail.sharedQuantities > 0) reasons.push('numbers');
  if (sharedQuote) reasons.push('quote');
  if (reuse) reasons.push('reuse');
  // Shared wording is the reason when it is substantial, or when nothing more specific is.
  if (evidence.weightedOverlap >= WORDS_REASON_MIN_OVERLAP || reasons.length === 0) reasons.push('words');
  return {
    score,
    sameFact: score >= SAME_FACT_THRESHOLD,
    sharedScore,
    sharesFact,
    conflicts: detail.conflicts,
    sharesFactExceptFigures,
    sharedQuote,
    reuse,
    reasons,
    spellingMatches: detail.spellingMatches,
    evidence,
  };
}
