// Child process of bench/stories.ts: loads one compiled artifact, as the extension does, and
// times story matching and the full analysis of query articles. Run in its own process (with
// --expose-gc) so the heap it reports holds the loaded corpus and nothing of the build.
import { readFileSync } from 'node:fs';
import { analyze } from '../../lib/analyze.ts';
import { loadCorpus } from '../../lib/corpus/corpus.ts';
import type { ArticleInput } from '../../lib/result.ts';
import { matchStories } from '../../lib/story/match.ts';
import { useModelFiles } from '../../lib/cli/model-files.ts';

// The sentence model (lib/meaning), read from models/ when first needed.
useModelFiles();

const [artifactPath, queriesPath] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

interface Timing {
  median: number;
  p95: number;
  /** CPU time (user + system, all threads) of the process: what the work costs when the machine is shared. */
  cpuMedian: number;
  cpuP95: number;
}

function time(queries: ArticleInput[], run: (q: ArticleInput) => unknown): Timing {
  for (const q of queries.slice(0, 10)) run(q); // warm-up: JIT and caches
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run(q);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: quantile(wall, 0.5), p95: quantile(wall, 0.95), cpuMedian: quantile(cpu, 0.5), cpuP95: quantile(cpu, 0.95) };
}

gc?.();
const heapBefore = process.memoryUsage();
const file = readFileSync(artifactPath!);
const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
const c0 = process.cpuUsage();
const t0 = performance.now();
const corpus = loadCorpus(bytes);
corpus.termId('warm'); // the first lookup is part of being queryable
const loadMs = performance.now() - t0;
const loadCpu = process.cpuUsage(c0);
const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;
gc?.();
const heapAfter = process.memoryUsage();
const heapMB = (heapAfter.heapUsed + heapAfter.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers) / 2 ** 20;

const queries = JSON.parse(readFileSync(queriesPath!, 'utf8')) as ArticleInput[];
const story = time(queries, (q) => matchStories(q, corpus));
const full = time(queries, (q) => analyze(q, corpus));
process.stdout.write(JSON.stringify({ loadMs, loadCpuMs, heapMB, story, full, sentences: corpus.data.sentenceOffsets.length / 2 }));
