// Story matching at scale: synthetic corpora of 1,000, 10,000 and 100,000 articles built from
// real sentences, compiled to the artifact, loaded in a fresh process and queried; and the naive
// approach (fuse.js over every corpus sentence, for every query sentence) sampled as baseline.
// Writes bench/results.json. Options: --sizes 1000,10000 (default 1000,10000,100000).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { CorpusBuilder } from '../lib/corpus/compile.ts';
import { serializeCorpus } from '../lib/corpus/format.ts';
import type { ArticleInput } from '../lib/result.ts';
import { segmentSentences } from '../lib/text/segment.ts';
import { loadSentenceSources, syntheticArticles } from './lib/synthetic.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';

// The sentence model (lib/meaning), read from models/ when first needed.
useModelFiles();

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > -1 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [1000, 10_000, 100_000];
const QUERIES_IN_CORPUS = 100;
const QUERIES_NEW = 100;
const BASELINE_SENTENCES = 3;
const SEED = 20260401;
const MEASURE_RUNS = 3;

const sources = loadSentenceSources(repoRoot);
console.log(`bench/stories: sentences from ${sources.description}; ${cpus().length} cores`);
const work = mkdtempSync(join(tmpdir(), 'parallax-bench-'));

interface SizeResult {
  articles: number;
  sentences: number;
  buildMs: number;
  indexBytes: number;
  indexBytesGzip: number;
  loadMs: number;
  /** CPU time of the load: the cost without waiting for a shared machine's cores. */
  loadCpuMs: number;
  analyzeMedianMs: number;
  analyzeP95Ms: number;
  fullAnalyzeMedianMs: number;
  fullAnalyzeP95Ms: number;
  analyzeMedianCpuMs: number;
  analyzeP95CpuMs: number;
  fullAnalyzeMedianCpuMs: number;
  heapMB: number;
  baselineMsPerArticle: number;
  speedupVsBaseline: number;
}

/** Queries: articles of the corpus (the page is a corpus article) and new ones from the same stories' sources. */
function queriesFor(size: number): ArticleInput[] {
  const queries: ArticleInput[] = [];
  const step = Math.max(1, Math.floor(size / QUERIES_IN_CORPUS));
  let i = 0;
  for (const r of syntheticArticles(size, sources, SEED)) {
    if (i++ % step === 0 && queries.length < QUERIES_IN_CORPUS) queries.push({ title: r.title, published: r.published, text: r.text });
  }
  for (const r of syntheticArticles(QUERIES_NEW, sources, SEED + 1, 'q')) queries.push({ title: r.title, published: r.published, text: r.text });
  return queries;
}

// The naive baseline, measured once on the smallest corpus and scaled by sentence count (fuse.js
// is a linear scan): ms per query sentence per corpus sentence, times a query article's sentences.
let baselinePerSentencePair = 0;
let averageQuerySentences = 0;
const results: SizeResult[] = [];

for (const size of sizes) {
  const t0 = performance.now();
  const builder = new CorpusBuilder({ name: `synthetic-${size}` });
  for (const record of syntheticArticles(size, sources, SEED)) builder.add(record);
  const data = builder.build();
  const bytes = serializeCorpus(data);
  const buildMs = performance.now() - t0;
  const indexBytesGzip = gzipSync(bytes, { level: 6 }).length;
  const artifact = join(work, `corpus-${size}.bin`);
  writeFileSync(artifact, bytes);
  const queries = queriesFor(size);
  const queriesFile = join(work, `queries-${size}.json`);
  writeFileSync(queriesFile, JSON.stringify(queries));
  averageQuerySentences = queries.reduce((n, q) => n + segmentSentences(q.text).length, 0) / queries.length;

  if (baselinePerSentencePair === 0) {
    const corpusSentences: string[] = [];
    for (let a = 0; a < data.meta.articleCount; a++) {
      const text = new TextDecoder().decode(data.texts.bytes.subarray(data.texts.offsets[a]!, data.texts.offsets[a + 1]!));
      for (let s = data.sentenceStart[a]!; s < data.sentenceStart[a + 1]!; s++) corpusSentences.push(text.slice(data.sentenceOffsets[2 * s]!, data.sentenceOffsets[2 * s + 1]!));
    }
    const fuse = new Fuse(corpusSentences, { includeScore: true, threshold: 0.4, ignoreLocation: true });
    const sample = segmentSentences(queries[0]!.text).slice(0, BASELINE_SENTENCES).map((s) => s.text.slice(0, 200));
    const tb = performance.now();
    for (const sentence of sample) fuse.search(sentence, { limit: 5 });
    const perSentence = (performance.now() - tb) / sample.length;
    baselinePerSentencePair = perSentence / corpusSentences.length;
    console.log(`  baseline: fuse.js ${perSentence.toFixed(0)} ms per query sentence over ${corpusSentences.length} corpus sentences (${sample.length} sampled)`);
  }

  // Three fresh processes; each figure is the median of the three (the machine is shared).
  type Timing = { median: number; p95: number; cpuMedian: number; cpuP95: number };
  type Measured = { loadMs: number; loadCpuMs: number; heapMB: number; story: Timing; full: Timing; sentences: number };
  const runs: Measured[] = [];
  for (let r = 0; r < MEASURE_RUNS; r++) {
    runs.push(
      JSON.parse(
        execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./lib/measure.ts', import.meta.url)), artifact, queriesFile], {
          encoding: 'utf8',
          maxBuffer: 1 << 24,
        }),
      ) as Measured,
    );
  }
  const middle = (f: (m: Measured) => number) => runs.map(f).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const timing = (f: (m: Measured) => Timing): Timing => ({
    median: middle((m) => f(m).median),
    p95: middle((m) => f(m).p95),
    cpuMedian: middle((m) => f(m).cpuMedian),
    cpuP95: middle((m) => f(m).cpuP95),
  });
  const measured: Measured = {
    loadMs: middle((m) => m.loadMs),
    loadCpuMs: middle((m) => m.loadCpuMs),
    heapMB: middle((m) => m.heapMB),
    story: timing((m) => m.story),
    full: timing((m) => m.full),
    sentences: runs[0]!.sentences,
  };
  const baselineMsPerArticle = baselinePerSentencePair * measured.sentences * averageQuerySentences;
  const result: SizeResult = {
    articles: size,
    sentences: measured.sentences,
    buildMs: Math.round(buildMs),
    indexBytes: bytes.length,
    indexBytesGzip,
    loadMs: round(measured.loadMs),
    loadCpuMs: round(measured.loadCpuMs),
    analyzeMedianMs: round(measured.story.median),
    analyzeP95Ms: round(measured.story.p95),
    fullAnalyzeMedianMs: round(measured.full.median),
    fullAnalyzeP95Ms: round(measured.full.p95),
    analyzeMedianCpuMs: round(measured.story.cpuMedian),
    analyzeP95CpuMs: round(measured.story.cpuP95),
    fullAnalyzeMedianCpuMs: round(measured.full.cpuMedian),
    heapMB: round(measured.heapMB),
    baselineMsPerArticle: Math.round(baselineMsPerArticle),
    speedupVsBaseline: Math.round(baselineMsPerArticle / measured.story.median),
  };
  results.push(result);
  rmSync(artifact);
  console.log(
    `  ${size} articles: ${result.sentences} sentences, build ${(result.buildMs / 1000).toFixed(1)} s, artifact ${(result.indexBytes / 2 ** 20).toFixed(1)} MB ` +
      `(${(result.indexBytesGzip / 2 ** 20).toFixed(1)} MB gzip), load ${result.loadMs} ms (cpu ${result.loadCpuMs}), heap ${result.heapMB} MB, ` +
      `story matching median ${result.analyzeMedianMs} ms p95 ${result.analyzeP95Ms} ms (cpu median ${result.analyzeMedianCpuMs}), ` +
      `full analyze median ${result.fullAnalyzeMedianMs} ms p95 ${result.fullAnalyzeP95Ms} ms (cpu median ${result.fullAnalyzeMedianCpuMs}), ` +
      `baseline ${(result.baselineMsPerArticle / 1000).toFixed(0)} s per article (${result.speedupVsBaseline}x)`,
  );
}
rmSync(work, { recursive: true, force: true });

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

const bySize = (n: number) => results.find((r) => r.articles === n);
const small = bySize(1000);
const mid = bySize(10_000);
const large = bySize(100_000);
const targets = {
  analyzeMedianAt10kMs: { target: '<= 5', measured: mid?.analyzeMedianMs ?? null, met: mid ? mid.analyzeMedianMs <= 5 : null },
  growth1kTo100k: { target: '<= 3x', measured: small && large ? round(large.analyzeMedianMs / small.analyzeMedianMs) : null, met: small && large ? large.analyzeMedianMs / small.analyzeMedianMs <= 3 : null },
  loadAt10kMs: { target: '<= 200', measured: mid?.loadMs ?? null, met: mid ? mid.loadMs <= 200 : null },
  speedupVsBaseline: { target: '>= 1000x', measured: results.map((r) => r.speedupVsBaseline), met: results.every((r) => r.speedupVsBaseline >= 1000) },
};
const out = {
  generatedAt: new Date().toISOString(),
  machine: { cores: cpus().length, node: process.version, loadAverageAtEnd: loadavg().map((l) => round(l)) },
  sources: sources.description,
  queries: `${QUERIES_IN_CORPUS} corpus articles and ${QUERIES_NEW} new articles per size; load and query figures are the median of ${MEASURE_RUNS} fresh processes`,
  baseline: {
    method: `fuse.js (threshold 0.4, ignoreLocation) over every corpus sentence for each query sentence; ${BASELINE_SENTENCES} query sentences timed on the ${sizes[0]}-article corpus, scaled linearly by corpus sentences`,
    msPerQuerySentencePerCorpusSentence: baselinePerSentencePair,
    querySentencesPerArticle: round(averageQuerySentences),
  },
  sizes: results,
  targets,
};
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log(`  targets: ${JSON.stringify(targets)}`);
console.log('  wrote bench/results.json');
