// Same-fact sentence matcher on the STS benchmark's news pairs (../shared/datasets/stsb-news):
// weights were fit on train.jsonl (scripts/fit-sentence-weights.ts); this reports dev.jsonl:
// ROC AUC of `score` against `label` (human score >= 4), Spearman correlation of `score` with
// the human score, and precision/recall/F1 of `sameFact`. Term statistics are counted over the
// evaluated file's own sentences, as `parallax pairs` does. Usage: npx tsx eval/sentences.ts [FILE]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareSentences } from '../lib/facts/compare.ts';
import { sentenceFeatures } from '../lib/facts/features.ts';
import { binaryFigures, rocAuc, spearman } from '../lib/facts/metrics.ts';
import { parsePairs, type SentencePair } from '../lib/facts/pairs.ts';
import { termStatsFromTexts } from '../lib/facts/stats.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const defaultFile = resolve(root, '../shared/datasets/stsb-news/dev.jsonl');
const file = process.argv[2] ? resolve(process.argv[2]) : defaultFile;

if (!existsSync(file)) {
  console.log(`eval/sentences: skipped (${file} not found; needs ../shared)`);
  process.exit(0);
}

const pairs = parsePairs(readFileSync(file, 'utf8'), file);
const stats = termStatsFromTexts(pairs.flatMap((p) => [p.a, p.b]));
const started = performance.now();
const results = pairs.map((p) => compareSentences(sentenceFeatures(p.a), sentenceFeatures(p.b), stats));
const msPerPair = (performance.now() - started) / pairs.length;

function figures(name: string, keep: (p: SentencePair) => boolean): void {
  const index = pairs.map((p, i) => (keep(p) ? i : -1)).filter((i) => i >= 0);
  const labels = index.map((i) => pairs[i]!.label ?? 0);
  const scores = index.map((i) => results[i]!.score);
  const human = index.map((i) => pairs[i]!.score ?? pairs[i]!.label ?? 0);
  const { precision, recall, f1 } = binaryFigures(index.map((i) => results[i]!.sameFact), labels);
  console.log(
    `${name.padEnd(10)} pairs ${String(index.length).padStart(4)}  AUC ${rocAuc(scores, labels).toFixed(3)}  ` +
      `Spearman ${spearman(scores, human).toFixed(3)}  sameFact P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`,
  );
}

console.log(`sentence pairs: ${file}`);
figures('all', () => true);
for (const source of ['MSRpar', 'headlines', 'deft']) {
  if (pairs.some((p) => p.id.includes(source))) figures(source, (p) => p.id.includes(source));
}
console.log(`${msPerPair.toFixed(3)} ms per pair (features + comparison)`);
console.log('targets: AUC >= 0.90, Spearman >= 0.80, F1 >= 0.70');
