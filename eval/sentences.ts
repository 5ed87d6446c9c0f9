// Same-fact sentence matcher on real news sentence pairs, two ways:
// - STS benchmark news dev (../shared/datasets/stsb-news/dev.jsonl), kept out of fitting: ROC
//   AUC of `score` against `label` (human score >= 4), Spearman correlation of `score` with the
//   human score, precision/recall/F1 of `sameFact` at the shipped weights (lib/facts/weights.ts);
// - MSR Paraphrase Corpus training split, 5-fold cross-validation: each fold scored by a model
//   refit (lib/facts/fitting.ts, as scripts/fit-sentence-weights.ts fits) on the STS training
//   pairs and the other four folds, decided at the threshold the fit chooses (F1-best on the STS
//   training pairs): AUC and accuracy.
// Term statistics are counted over each file's own sentences, as `parallax pairs` does. Figures
// go to eval/results.json ("sentences"). Usage: npx tsx eval/sentences.ts [DEV.jsonl]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useModelFiles } from '../lib/cli/model-files.ts';
import { compareSentences } from '../lib/facts/compare.ts';
import { sentenceFeatures } from '../lib/facts/features.ts';
import { FOLDS, outOfFold, sameFactRows } from '../lib/facts/fitting.ts';
import { binaryFigures, rocAuc, spearman } from '../lib/facts/metrics.ts';
import { pairEvidenceRows } from '../lib/facts/pair-evidence.ts';
import { parsePairs, type SentencePair } from '../lib/facts/pairs.ts';
import { termStatsFromTexts } from '../lib/facts/stats.ts';
import { figure, recordResults, type Figures } from './lib/results-file.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const devFile = process.argv[2] ? resolve(process.argv[2]) : resolve(root, '../shared/datasets/stsb-news/dev.jsonl');
const trainFile = resolve(root, '../shared/datasets/stsb-news/train.jsonl');
const msrpFile = resolve(root, '../shared/datasets/msrp-train/train.jsonl');

const missing = [devFile, trainFile, msrpFile].filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.log(`eval/sentences: skipped (${missing.join(', ')} not found; needs ../shared)`);
  process.exit(0);
}
useModelFiles();

const read = (file: string): SentencePair[] => parsePairs(readFileSync(file, 'utf8'), file);
const pairs = read(devFile);
const stats = termStatsFromTexts(pairs.flatMap((p) => [p.a, p.b]));
const started = performance.now();
const results = pairs.map((p) => compareSentences(sentenceFeatures(p.a), sentenceFeatures(p.b), stats));
const msPerPair = (performance.now() - started) / pairs.length;

const recorded: Figures = {};

function figures(name: string, keep: (p: SentencePair) => boolean): void {
  const index = pairs.map((p, i) => (keep(p) ? i : -1)).filter((i) => i >= 0);
  const labels = index.map((i) => pairs[i]!.label ?? 0);
  const scores = index.map((i) => results[i]!.score);
  const human = index.map((i) => pairs[i]!.score ?? pairs[i]!.label ?? 0);
  const { precision, recall, f1 } = binaryFigures(index.map((i) => results[i]!.sameFact), labels);
  const auc = rocAuc(scores, labels);
  const rho = spearman(scores, human);
  console.log(
    `${name.padEnd(10)} pairs ${String(index.length).padStart(4)}  AUC ${auc.toFixed(3)}  ` +
      `Spearman ${rho.toFixed(3)}  sameFact P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`,
  );
  recorded[`stsNewsDev${name === 'all' ? '' : `.${name}`}`] = { pairs: index.length, auc: figure(auc), spearman: figure(rho), precision: figure(precision), recall: figure(recall), f1: figure(f1) };
}

console.log(`sentence pairs: ${devFile}`);
figures('all', () => true);
for (const source of ['MSRpar', 'headlines', 'deft']) {
  if (pairs.some((p) => p.id.includes(source))) figures(source, (p) => p.id.includes(source));
}
console.log(`${msPerPair.toFixed(3)} ms per pair (features + comparison)`);
console.log('targets: AUC >= 0.88, Spearman >= 0.78, F1 >= 0.66');

// MSRP cross-validation: STS training pairs are in every fold's training set, MSRP pairs in fold i mod 5.
const train = read(trainFile);
const msrp = read(msrpFile);
const trainRows = pairEvidenceRows(train);
const msrpRows = pairEvidenceRows(msrp);
const set = sameFactRows(
  { rows: trainRows, scores: train.map((p) => p.score ?? ((p.label ?? 0) === 1 ? 4 : 0)) },
  { rows: msrpRows, labels: msrp.map((p) => p.label ?? 0) },
);
const labels = set.decision;
const folds = [...train.map(() => -1), ...msrp.map((_, i) => i % FOLDS)];
const { scores, predicted } = outOfFold(set.rows, set.labels, folds, set.rowWeights, set.decision, set.decideOn);
const msrpScores = scores.slice(train.length);
const msrpPredicted = predicted.slice(train.length);
const msrpLabels = labels.slice(train.length);
const auc = rocAuc(msrpScores, msrpLabels);
const accuracy = msrpPredicted.filter((p, i) => (p ? 1 : 0) === msrpLabels[i]).length / msrpLabels.length;
console.log(`\nMSRP train, ${FOLDS}-fold CV (refit on STS train + the other folds): pairs ${msrp.length}  AUC ${auc.toFixed(3)}  accuracy ${accuracy.toFixed(3)}`);
console.log('targets: AUC >= 0.82, accuracy >= 0.75');
recorded.msrpTrainCv = { pairs: msrp.length, folds: FOLDS, auc: figure(auc), accuracy: figure(accuracy) };
recordResults('sentences', recorded);
