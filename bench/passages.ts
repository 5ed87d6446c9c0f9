// The corpus-wide passage index (lib/facts/passage-index.ts) at scale: build time and size over
// the synthetic corpora bench/stories.ts uses (real sentences, many of them reused across
// articles, as wire copy is), and the cost of a query: index lookups alone, and the reuse
// sources fact alignment gets (lookups, verification of candidates, sentence spans).
// Options: --sizes 1000,10000 (default 1000,10000).
import { fileURLToPath } from 'node:url';
import { CorpusBuilder } from '../lib/corpus/compile.ts';
import { loadCorpus } from '../lib/corpus/corpus.ts';
import { serializeCorpus } from '../lib/corpus/format.ts';
import { reuseSources } from '../lib/facts/corpus-facts.ts';
import { buildPassageIndex, findReusedPassages, MAX_SHINGLE_POSTINGS, passageIndexBytes, passageLookup, queryShingles } from '../lib/facts/passage-index.ts';
import { segmentSentences } from '../lib/text/segment.ts';
import { loadSentenceSources, syntheticArticles } from './lib/synthetic.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';

// The sentence model (lib/meaning), read from models/ when first needed.
useModelFiles();

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > -1 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [1000, 10_000];
const SEED = 20260401;
const QUERIES = 100;

const sources = loadSentenceSources(repoRoot);
console.log(`bench/passages: sentences from ${sources.description}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]!;
const round = (x: number) => Math.round(x * 100) / 100;

for (const size of sizes) {
  const builder = new CorpusBuilder({ name: `synthetic-${size}` });
  for (const record of syntheticArticles(size, sources, SEED)) builder.add(record);
  const corpus = loadCorpus(serializeCorpus(builder.build()));

  // The compiler builds the index (part of the build time); measured here on its own.
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  buildPassageIndex(Array.from({ length: corpus.size }, (_, a) => corpus.sentences(a).map((s) => s.text)));
  const buildMs = performance.now() - t0;
  const buildCpu = process.cpuUsage(c0);
  // Queries use the index loaded with the corpus (every sampled shingle; the cap applies in lookups).
  const index = { hashes: corpus.data.passageHashes, sentences: corpus.data.passageSentences, sentenceStart: corpus.data.sentenceStart };
  const lookup = passageLookup(index);
  let distinct = 0;
  for (let i = 0; i < index.hashes.length; i++) if (i === 0 || index.hashes[i] !== index.hashes[i - 1]) distinct++;
  let allShingles = 0;
  for (let a = 0; a < corpus.size; a++) for (const s of corpus.sentences(a)) allShingles += queryShingles(s.text).length;

  // Queries: new articles of the same kind (their sentences recur in the corpus, as wire copy does).
  const queries = [...syntheticArticles(QUERIES, sources, SEED + 1, 'q')].map((r) => segmentSentences(r.text));
  for (const q of queries.slice(0, 10)) reuseSources(q, corpus); // warm-up
  const lookupMs: number[] = [];
  const reuseMs: number[] = [];
  let found = 0;
  let reusing = 0;
  for (const q of queries) {
    const t1 = performance.now();
    findReusedPassages(lookup, q.map((s) => s.text));
    lookupMs.push(performance.now() - t1);
    const t2 = performance.now();
    const reused = reuseSources(q, corpus);
    reuseMs.push(performance.now() - t2);
    found += reused.length;
    reusing += reused.reduce((n, s) => n + s.sentences.length, 0);
  }
  console.log(
    `  ${size} articles, ${index.sentenceStart[corpus.size]} sentences: index build (in the compiler) ${Math.round(buildMs)} ms (cpu ${Math.round((buildCpu.user + buildCpu.system) / 1000)}), ` +
      `${(passageIndexBytes(index) / 2 ** 20).toFixed(1)} MB (${index.hashes.length} postings, ${distinct} shingles stored of ${allShingles} sentence shingles; lookups skip those in over ${MAX_SHINGLE_POSTINGS} sentences), ` +
      `lookup median ${round(median(lookupMs))} ms p95 ${round(p95(lookupMs))} ms, reuse sources median ${round(median(reuseMs))} ms p95 ${round(p95(reuseMs))} ms, ` +
      `${round(found / queries.length)} reusing articles and ${round(reusing / queries.length)} reusing sentences per query`,
  );
}
