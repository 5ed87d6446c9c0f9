// Where the full analysis spends its time: loads a synthetic corpus (built like bench/stories.ts,
// once, to a file under the system temp folder that later runs reuse; building takes minutes),
// runs `analyze` on its query articles and prints the CPU median per analysis. Run it under
// `node --cpu-prof` for a profile:
//   npx tsx bench/profile-analyze.ts [--size 10000] [--queries 100] [--rebuild]
//   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/profile-analyze.ts
// The corpus file is keyed by size and format version, so a format change builds a new one.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../lib/analyze.ts';
import { CorpusBuilder } from '../lib/corpus/compile.ts';
import { loadCorpus } from '../lib/corpus/corpus.ts';
import { serializeCorpus } from '../lib/corpus/format.ts';
import { FORMAT_VERSION } from '../lib/corpus/data.ts';
import type { ArticleInput } from '../lib/result.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';
import { loadSentenceSources, syntheticArticles } from './lib/synthetic.ts';

useModelFiles();

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > -1 ? Number(process.argv[i + 1]) : fallback;
};
const size = arg('--size', 10_000);
const queryCount = arg('--queries', 100);
const SEED = 20260401; // bench/stories.ts's seed: the same corpus and queries

const base = join(tmpdir(), `parallax-profile-${size}-v${FORMAT_VERSION}`);
if (process.argv.includes('--rebuild') || !existsSync(`${base}.bin`)) {
  const sources = loadSentenceSources(fileURLToPath(new URL('../', import.meta.url)));
  const t0 = performance.now();
  const builder = new CorpusBuilder({ name: `synthetic-${size}` });
  const queries: ArticleInput[] = [];
  const step = Math.max(1, Math.floor(size / queryCount));
  let i = 0;
  for (const record of syntheticArticles(size, sources, SEED)) {
    builder.add(record);
    // Corpus articles as pages, as bench/stories.ts's in-corpus queries.
    if (i++ % step === 0 && queries.length < queryCount) queries.push({ title: record.title, published: record.published, text: record.text });
  }
  writeFileSync(`${base}.bin`, serializeCorpus(builder.build()));
  writeFileSync(`${base}.queries.json`, JSON.stringify(queries));
  console.log(`built ${size} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s to ${base}.bin`);
}

const file = readFileSync(`${base}.bin`);
const corpus = loadCorpus(new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
const queries = (JSON.parse(readFileSync(`${base}.queries.json`, 'utf8')) as ArticleInput[]).slice(0, queryCount);

for (const q of queries.slice(0, 10)) analyze(q, corpus); // warm-up: JIT and caches
const cpu: number[] = [];
for (const q of queries) {
  const c0 = process.cpuUsage();
  analyze(q, corpus);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
cpu.sort((a, b) => a - b);
const at = (q: number) => cpu[Math.min(cpu.length - 1, Math.floor(q * cpu.length))]!.toFixed(1);
console.log(`analyze on ${size} articles, ${queries.length} queries: cpu median ${at(0.5)} ms, p95 ${at(0.95)} ms; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
