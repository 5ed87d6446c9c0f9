// Warm full analyses on a real corpus, beside the growth benchmark's synthetic one (where each
// real sentence recurs in ~130 unrelated stories at 40,000 articles, so a page aligns ~45
// passages; a BASIL page has two other outlets' articles on its event). The corpus file is
// compiled and loaded once; then each of its articles is analysed as a page left out of the
// corpus (excludeIds, as the evaluations query a corpus article), each once, in file order,
// the first few to settle the JIT. Prints the median wall and CPU milliseconds per analysis.
//
//   npx tsx bench/warm-real.ts [CORPUS.jsonl] [--settle 10]
//
// Without a file, BASIL from the shared data sets (PARALLAX_SHARED, or ../shared beside the repo).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../lib/analyze.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';
import { compileCorpus } from '../lib/corpus/compile.ts';
import { loadCorpus } from '../lib/corpus/corpus.ts';
import { serializeCorpus } from '../lib/corpus/format.ts';
import { parseCorpusFile } from '../lib/corpus/schema.ts';
import { median, quantile, round } from './lib/growth-report.ts';

const args = process.argv.slice(2);
const settleAt = args.indexOf('--settle');
const settle = settleAt > -1 ? Number(args[settleAt + 1]) : 10;
const shared = process.env.PARALLAX_SHARED ?? fileURLToPath(new URL('../../shared', import.meta.url));
const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--settle') ?? join(shared, 'datasets/basil/stories.jsonl');
if (!existsSync(path)) throw new Error(`bench/warm-real: no corpus file at ${path} (give one, or set PARALLAX_SHARED to the shared data folder)`);
if (!Number.isInteger(settle) || settle < 0) throw new Error(`bench/warm-real: --settle takes a whole number of analyses, not ${args[settleAt + 1]}`);

useModelFiles();
const { records } = parseCorpusFile(readFileSync(path, 'utf8'), path);
const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'warm-real' })));
if (records.length <= settle) throw new Error(`bench/warm-real: ${records.length} articles in ${path}, not more than the ${settle} that settle the JIT`);

const wall: number[] = [];
const cpu: number[] = [];
let passages = 0;
records.forEach((record, i) => {
  const page = { title: record.title, published: record.published, text: record.text, outlet: record.outlet };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = analyze(page, corpus, { excludeIds: [record.id] });
  const ms = performance.now() - t0;
  const used = process.cpuUsage(c0);
  if (i < settle) return;
  wall.push(ms);
  cpu.push((used.user + used.system) / 1000);
  passages += result.facts.reduce((n, f) => n + f.passages.length, 0);
});
console.log(
  `bench/warm-real: ${records.length} articles of ${path}, each analysed once left out of the corpus: ` +
    `warm median ${round(median(wall))} ms (cpu ${round(median(cpu))}), p95 ${round(quantile(wall, 0.95))} ms, ` +
    `${round(passages / wall.length)} aligned passages per page (${wall.length} analyses after ${settle} to settle)`,
);
