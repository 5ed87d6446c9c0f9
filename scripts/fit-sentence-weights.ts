// Fits the sentence matcher's weights (lib/facts/weights.ts) by logistic regression on the STS
// benchmark news training pairs, two models over the same evidence (lib/facts/evidence.ts):
// - same fact: label 1 = human meaning-overlap score >= 4 ("mostly equivalent"): `sameFact`;
// - shared fact: score >= 3 ("roughly equivalent, some important information differs"), what
//   two outlets' sentences on one fact usually are: the fact alignment's decision.
// The same-fact threshold maximizes F1 of its label on the training pairs; the shared-fact one
// keeps a set recall of its label there (see SHARED_FACT_RECALL). Term statistics are
// counted over the sentences of the file being scored, as `parallax pairs` does.
// Run: npx tsx scripts/fit-sentence-weights.ts [TRAIN.jsonl] [--write] [--cv] [--without=KEY,KEY]
// --cv reports 5-fold cross-validation on the training pairs (the honest way to choose evidence
// without looking at dev); --without leaves the named evidence out (weights 0), for ablations.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sentenceFeatures } from '../lib/facts/features.ts';
import { EVIDENCE_KEYS, gatherEvidence } from '../lib/facts/evidence.ts';
import { binaryFigures, rocAuc, spearman } from '../lib/facts/metrics.ts';
import { parsePairs } from '../lib/facts/pairs.ts';
import { termStatsFromTexts } from '../lib/facts/stats.ts';

const file = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '../shared/datasets/stsb-news/train.jsonl');
if (!existsSync(file)) {
  console.log(`fit-sentence-weights: skipped (${file} not found)`);
  process.exit(0);
}
const pairs = parsePairs(readFileSync(file, 'utf8'), file);
const stats = termStatsFromTexts(pairs.flatMap((p) => [p.a, p.b]));
const without = new Set(
  process.argv
    .filter((a) => a.startsWith('--without='))
    .flatMap((a) => a.slice('--without='.length).split(','))
    .filter((k) => k !== ''),
);
for (const key of without) if (!(EVIDENCE_KEYS as readonly string[]).includes(key)) throw new Error(`--without: unknown evidence ${key}`);
const rows = pairs.map((p) => {
  const { evidence } = gatherEvidence(sentenceFeatures(p.a), sentenceFeatures(p.b), stats);
  return EVIDENCE_KEYS.map((k) => (without.has(k) ? 0 : evidence[k]));
});
const human = pairs.map((p) => p.score ?? ((p.label ?? 0) === 1 ? 4 : 0));

/** Penalty on the weights (not the bias) against overfitting 3,300 pairs. */
const L2 = 1;
const dims = EVIDENCE_KEYS.length + 1;
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const predict = (x: readonly number[], weights: readonly number[]): number =>
  sigmoid(weights[0]! + x.reduce((s, v, i) => s + v * weights[i + 1]!, 0));

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

/** Logistic regression by Newton's method. */
function fit(rows: readonly (readonly number[])[], labels: readonly number[]): number[] {
  let w = new Array<number>(dims).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(dims).fill(0);
    const hessian = Array.from({ length: dims }, () => new Array<number>(dims).fill(0));
    rows.forEach((x, n) => {
      const xs = [1, ...x];
      const p = predict(x, w);
      const r = p * (1 - p);
      for (let i = 0; i < dims; i++) {
        gradient[i]! += (p - labels[n]!) * xs[i]!;
        for (let j = 0; j < dims; j++) hessian[i]![j]! += r * xs[i]! * xs[j]!;
      }
    });
    for (let i = 1; i < dims; i++) {
      gradient[i]! += L2 * w[i]!;
      hessian[i]![i]! += L2;
    }
    const step = solve(hessian, gradient);
    w = w.map((v, i) => v - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

function bestThreshold(scores: readonly number[], labels: readonly number[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: 0 };
  for (let t = 0.02; t < 0.98; t += 0.01) {
    const { f1 } = binaryFigures(scores.map((s) => s >= t), labels);
    if (f1 > best.f1) best = { threshold: Number(t.toFixed(2)), f1 };
  }
  return best;
}

/** The highest threshold that keeps recall of the label at least `recall`. */
function recallThreshold(scores: readonly number[], labels: readonly number[], recall: number): { threshold: number; f1: number } {
  let chosen = { threshold: 0.02, f1: 0 };
  for (let t = 0.02; t < 0.98; t += 0.01) {
    const figures = binaryFigures(scores.map((s) => s >= t), labels);
    if (figures.recall >= recall) chosen = { threshold: Number(t.toFixed(2)), f1: figures.f1 };
  }
  return chosen;
}

/**
 * Fact alignment keeps shared facts at this recall of the training pairs scored >= 3: a reader
 * sees each aligned passage with its score and wording, while a missed one stays hidden.
 */
const SHARED_FACT_RECALL = 0.9;

/** Cross-validation folds: pair i is in fold i mod FOLDS (every source in every fold). */
const FOLDS = 5;

/**
 * Out-of-fold scores: each pair scored by a model fit on the other folds, with a decision at the
 * threshold best on those folds: what the model does on pairs it has not seen.
 */
function outOfFold(labels: readonly number[]): { scores: number[]; predicted: boolean[] } {
  const scores = new Array<number>(rows.length);
  const predicted = new Array<boolean>(rows.length);
  for (let k = 0; k < FOLDS; k++) {
    const train = rows.map((_, i) => i).filter((i) => i % FOLDS !== k);
    const w = fit(
      train.map((i) => rows[i]!),
      train.map((i) => labels[i]!),
    );
    const { threshold } = bestThreshold(
      train.map((i) => predict(rows[i]!, w)),
      train.map((i) => labels[i]!),
    );
    rows.forEach((x, i) => {
      if (i % FOLDS !== k) return;
      scores[i] = predict(x, w);
      predicted[i] = scores[i] >= threshold;
    });
  }
  return { scores, predicted };
}

/** Cross-validated figures of the same-fact model. */
function crossValidate(minScore: number): void {
  const labels = human.map((h) => (h >= minScore ? 1 : 0));
  const { scores, predicted } = outOfFold(labels);
  const cvFigures = (keep: (i: number) => boolean): string => {
    const index = rows.map((_, i) => i).filter(keep);
    const at = <T>(values: readonly T[]): T[] => index.map((i) => values[i]!);
    return (
      `AUC ${rocAuc(at(scores), at(labels)).toFixed(3)} Spearman ${spearman(at(scores), at(human)).toFixed(3)} ` +
      `F1 ${binaryFigures(at(predicted), at(labels)).f1.toFixed(3)}`
    );
  };
  console.log(`cv ${FOLDS}-fold, score >= ${minScore}: all ${cvFigures(() => true)}`);
  for (const source of ['MSRpar', 'headlines']) console.log(`  ${source}: ${cvFigures((i) => pairs[i]!.id.includes(source))}`);
}

if (process.argv.includes('--cv')) {
  crossValidate(4);
  process.exit(0);
}

function model(minScore: number, recall?: number): { w: number[]; threshold: number } {
  const labels = human.map((h) => (h >= minScore ? 1 : 0));
  const w = fit(rows, labels);
  const scores = rows.map((x) => predict(x, w));
  // The F1-best threshold is chosen on out-of-fold scores: in-sample scores are a little too
  // confident, and their best threshold jumps between refits.
  const best = recall === undefined ? bestThreshold(outOfFold(labels).scores, labels) : recallThreshold(scores, labels, recall);
  console.log(
    `score >= ${minScore}: train pairs ${pairs.length}, AUC ${rocAuc(scores, labels).toFixed(3)}, ` +
      `Spearman ${spearman(scores, human).toFixed(3)}, F1 ${best.f1.toFixed(3)} at ${best.threshold}`,
  );
  return { w, threshold: best.threshold };
}

const same = model(4);
const shared = model(3, SHARED_FACT_RECALL);
const weights = (name: string, w: readonly number[]): string[] => [
  `export const ${name}: Readonly<Record<EvidenceKey, number>> = {`,
  ...EVIDENCE_KEYS.map((k, i) => `  ${k}: ${w[i + 1]!.toFixed(4)},`),
  '};',
];
const weightsFile = [
  '// Learned by scripts/fit-sentence-weights.ts: logistic regression (Newton, L2 = ' + L2 + ') of the',
  '// evidence in lib/facts/evidence.ts on ' + pairs.length + ' STS benchmark news training pairs',
  '// (../shared/datasets/stsb-news/train.jsonl); thresholds chosen there as described below.',
  '// Regenerate with: npx tsx scripts/fit-sentence-weights.ts --write',
  "import type { EvidenceKey } from './evidence.ts';",
  '',
  '/** Same fact: human meaning-overlap score >= 4 of 5 ("mostly equivalent"). */',
  `export const SAME_FACT_BIAS = ${same.w[0]!.toFixed(4)};`,
  ...weights('SAME_FACT_WEIGHTS', same.w),
  '/** Score at or above which two sentences are taken to report the same fact. */',
  `export const SAME_FACT_THRESHOLD = ${same.threshold};`,
  '',
  '/**',
  ' * Shared fact: score >= 3 ("roughly equivalent, some important information differs"). Its',
  ' * threshold keeps recall ' + SHARED_FACT_RECALL + ' of such training pairs (alignment favours recall).',
  ' */',
  `export const SHARED_FACT_BIAS = ${shared.w[0]!.toFixed(4)};`,
  ...weights('SHARED_FACT_WEIGHTS', shared.w),
  `export const SHARED_FACT_THRESHOLD = ${shared.threshold};`,
  '',
].join('\n');
if (process.argv.includes('--write')) {
  writeFileSync(new URL('../lib/facts/weights.ts', import.meta.url), weightsFile);
  console.log('wrote lib/facts/weights.ts');
} else {
  console.log(weightsFile);
}
