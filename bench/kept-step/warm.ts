// Warm analyses of a growth step kept by `bench/growth.ts --keep DIR`, timed again without growing
// the corpus anew: fresh processes (bench/lib/growth-cold.ts) each open the stored corpus (and the
// old way's whole artifact, when kept), analyse the first pages to settle, then time the others.
// Prints the warm median wall and CPU milliseconds of each way, runs alternating so that both see
// the same machine load.
//
//   npx tsx bench/kept-step/warm.ts DIR STEP [--runs 3] [--cpu-prof DIR] [--segmented-only] [--prewarm-real N] [--no-read-ahead] [--no-warm-up]
//
// --prewarm-real N first runs the engine on N real articles sharing nothing with the growth corpus
// (bench/lib/prewarm-real.ts): a diagnosis of how much of the warm figure is the process's youth.
// --no-read-ahead leaves out the background's read-ahead of the search index after the first answer
// (bench/lib/growth-cold.ts): the warm pages then read the pieces they need, as before it.
// --no-warm-up leaves out the warm-up that follows the read-ahead (lib/warm-up.ts): the warm
// pages then run in a background as young as the first answer left it.
// --cpu-prof writes a CPU profile of each process's warm analyses alone (not its cold start).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ColdRun } from '../lib/growth-report.ts';
import { keptStepArgs } from '../lib/kept-step-args.ts';
import { median, quantile, round } from '../lib/growth-report.ts';

const run = promisify(execFile);
const { dir, step, runs, profileDir, values } = keptStepArgs('npx tsx bench/kept-step/warm.ts DIR STEP [--runs 3] [--cpu-prof DIR] [--segmented-only] [--prewarm-real N] [--no-read-ahead] [--no-warm-up]', 3, {
  'segmented-only': { type: 'boolean' },
  'prewarm-real': { type: 'string' },
  'no-read-ahead': { type: 'boolean' },
  'no-warm-up': { type: 'boolean' },
});
const prewarm = values['prewarm-real'] === undefined ? 0 : Number(values['prewarm-real']);
if (!Number.isInteger(prewarm) || prewarm < 0) throw new Error(`--prewarm-real takes a whole number of articles, not ${String(values['prewarm-real'])}`);
const WARMUP_PAGES = 5;
const ways: [string, string][] = [['segmented', join(dir, `indexeddb-${step}.bin`)]];
const combined = join(dir, `combined-${step}.bin`);
if (!values['segmented-only'] && existsSync(combined)) ways.push(['artifact', `artifact:${combined}`]);

const results = new Map<string, ColdRun[]>(ways.map(([name]) => [name, []]));
for (let r = 0; r < runs; r++) {
  for (const [name, stored] of ways) {
    const profile = profileDir ? [join(profileDir, `warm-${name}-${r}.cpuprofile`)] : [];
    const child = await run(
      process.execPath,
      ['--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(new URL('../lib/growth-cold.ts', import.meta.url)), stored, join(dir, 'corpus.bin'), join(dir, `pages-${step}.json`), String(r), String(WARMUP_PAGES), ...profile],
      { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, GROWTH_PREWARM_REAL: String(prewarm), GROWTH_NO_READ_AHEAD: values['no-read-ahead'] ? '1' : '0', GROWTH_NO_WARM_UP: values['no-warm-up'] ? '1' : '0' } },
    );
    const cold = JSON.parse(child.stdout) as ColdRun;
    results.get(name)!.push(cold);
    console.log(`  ${name} run ${r + 1}: ${cold.articles} articles, read ahead in ${round(cold.readAheadMs)} ms, warmed up on ${cold.warmUpArticles} articles in ${round(cold.warmUpMs)} ms, warm median ${round(median(cold.warmMs))} ms (cpu ${round(median(cold.warmCpuMs))}) of ${cold.warmMs.length}, first analysis ${round(cold.firstAnalyzeMs)} ms`);
  }
}
for (const [name, cold] of results) {
  const warm = cold.flatMap((c) => c.warmMs);
  const cpu = cold.flatMap((c) => c.warmCpuMs);
  console.log(`${name}: warm median ${round(median(warm))} ms, cpu ${round(median(cpu))} ms, p95 ${round(quantile(warm, 0.95))} ms (${warm.length} analyses in ${cold.length} processes)`);
}
