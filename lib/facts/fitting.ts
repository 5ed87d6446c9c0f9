// Logistic regression for the sentence matcher's weights (lib/facts/weights.ts), shared by the
// fitting script (scripts/fit-sentence-weights.ts) and the evaluation's cross-validation
// (eval/sentences.ts), so that what is reported is what refitting does.
import { binaryFigures } from './metrics.ts';

/** Penalty on the weights (not the bias) against overfitting a few thousand pairs. */
export const L2 = 1;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability of `x` under `weights` (bias first). */
export function predict(x: readonly number[], weights: readonly number[]): number {
  let z = weights[0]!;
  for (let i = 0; i < x.length; i++) z += x[i]! * weights[i + 1]!;
  return sigmoid(z);
}

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const m = matrix.map((row, i) => [...row, vector[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Logistic regression by Newton's method; weights with the bias first. Labels may be
 * probabilities (0..1); `rowWeights` weigh rows (1 each when absent).
 */
export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], rowWeights?: readonly number[], l2 = L2): number[] {
  const dims = rows[0]!.length + 1;
  let w = new Array<number>(dims).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(dims).fill(0);
    const hessian = Array.from({ length: dims }, () => new Array<number>(dims).fill(0));
    rows.forEach((x, n) => {
      const xs = [1, ...x];
      const p = predict(x, w);
      const weight = rowWeights?.[n] ?? 1;
      const r = weight * p * (1 - p);
      for (let i = 0; i < dims; i++) {
        gradient[i]! += weight * (p - labels[n]!) * xs[i]!;
        for (let j = i; j < dims; j++) hessian[i]![j]! += r * xs[i]! * xs[j]!;
      }
    });
    for (let i = 0; i < dims; i++) for (let j = 0; j < i; j++) hessian[i]![j] = hessian[j]![i]!;
    for (let i = 1; i < dims; i++) {
      gradient[i]! += l2 * w[i]!;
      hessian[i]![i]! += l2;
    }
    const step = solve(hessian, gradient);
    w = w.map((v, i) => v - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

/** The threshold (0.02..0.97 by 0.01) with the best F1 of `labels`. */
export function bestThreshold(scores: readonly number[], labels: readonly number[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: 0 };
  for (let t = 0.02; t < 0.98; t += 0.01) {
    const { f1 } = binaryFigures(scores.map((s) => s >= t), labels);
    if (f1 > best.f1) best = { threshold: Number(t.toFixed(2)), f1 };
  }
  return best;
}

/** The highest threshold that keeps recall of the label at least `recall`. */
export function recallThreshold(scores: readonly number[], labels: readonly number[], recall: number): { threshold: number; f1: number } {
  let chosen = { threshold: 0.02, f1: 0 };
  for (let t = 0.02; t < 0.98; t += 0.01) {
    const figures = binaryFigures(scores.map((s) => s >= t), labels);
    if (figures.recall >= recall) chosen = { threshold: Number(t.toFixed(2)), f1: figures.f1 };
  }
  return chosen;
}

/** Cross-validation folds: row i of each set is in fold i mod FOLDS (every source in every fold). */
export const FOLDS = 5;

/**
 * Out-of-fold scores: each row scored by a model fit on the rows of the other folds (of every
 * set), with a decision at the threshold best (F1 of `decision`, the labels when absent) on
 * those rows (those `decideOn` marks, all when absent): what the model does on pairs it has not
 * seen. `fold[i]` is row i's fold (-1: in every training set, never scored).
 */
export function outOfFold(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  fold: readonly number[],
  rowWeights?: readonly number[],
  decision: readonly number[] = labels,
  decideOn?: readonly boolean[],
): { scores: number[]; predicted: boolean[] } {
  const scores = new Array<number>(rows.length);
  const predicted = new Array<boolean>(rows.length);
  for (let k = 0; k < FOLDS; k++) {
    const train = rows.map((_, i) => i).filter((i) => fold[i] !== k);
    const w = fitLogistic(
      train.map((i) => rows[i]!),
      train.map((i) => labels[i]!),
      rowWeights && train.map((i) => rowWeights[i]!),
    );
    const deciding = decideOn ? train.filter((i) => decideOn[i]) : train;
    const { threshold } = bestThreshold(
      deciding.map((i) => predict(rows[i]!, w)),
      deciding.map((i) => decision[i]!),
    );
    rows.forEach((x, i) => {
      if (fold[i] !== k) return;
      scores[i] = predict(x, w);
      predicted[i] = scores[i] >= threshold;
    });
  }
  return { scores, predicted };
}

/**
 * How likely readers call an STS pair the same fact, from its mean score (0-5): the label the
 * same-fact model learns. "Mostly equivalent" (4) is the decision, but a pair scored 3.8 is
 * nearly as likely one fact as one scored 4.0; soft labels keep the order of the scores, which
 * hard labels at 4 throw away (5-fold CV on STS train: Spearman 0.77 hard, 0.79 soft).
 */
export function readerAgreement(score: number): number {
  return 1 / (1 + Math.exp(-3 * (score - 3.75)));
}

/**
 * Weight of an MSRP pair beside an STS pair in the same-fact fit. MSRP's "paraphrase" is looser
 * than STS's "mostly equivalent" (two thirds of its pairs are paraphrases, with details
 * differing), so at equal weight it pulls the decision towards looser matches.
 */
export const MSRP_WEIGHT = 0.2;

export interface LabelledRows {
  rows: number[][];
  /**
   * Rows the same-fact threshold is chosen on: the STS pairs, whose "mostly equivalent" is the
   * product's same fact (MSRP's looser paraphrases would pull it down: dev F1 0.55 against 0.59).
   */
  decideOn: boolean[];
  /** What the fit learns: reader agreement (STS), paraphrase 0/1 (MSRP). */
  labels: number[];
  /** The decision thresholds are chosen on: STS score >= 4, MSRP paraphrase. */
  decision: number[];
  rowWeights: number[];
}

/** The same-fact training rows: STS pairs (with their human scores) and MSRP pairs (with labels). */
export function sameFactRows(sts: { rows: number[][]; scores: number[] }, msrp: { rows: number[][]; labels: number[] }): LabelledRows {
  return {
    rows: [...sts.rows, ...msrp.rows],
    labels: [...sts.scores.map(readerAgreement), ...msrp.labels],
    decision: [...sts.scores.map((s) => (s >= 4 ? 1 : 0)), ...msrp.labels],
    rowWeights: [...sts.rows.map(() => 1), ...msrp.rows.map(() => MSRP_WEIGHT)],
    decideOn: [...sts.rows.map(() => true), ...msrp.rows.map(() => false)],
  };
}
