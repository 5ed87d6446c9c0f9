// Cold starts of a growth step kept by `bench/growth.ts --keep DIR`, timed again without growing
// the corpus anew: fresh processes (bench/lib/growth-cold.ts) each put the saved IndexedDB back,
// then read the sentence model, open the stored corpus and analyse one page, as after the
// browser stopped the background. Prints each run's phases, then the medians; the total is what
// bench/growth.json calls coldFirstAnalyzeMs (model + open + first analysis).
//
//   npx tsx bench/kept-step/cold.ts DIR STEP [--runs 5] [--cpu-prof DIR] [--page K]
//
// Each run analyses page K of the step's reader pages (0 unless given; the growth benchmark's
// runs take pages 0, 1, 2 …); no warm analyses follow. --cpu-prof writes each process's whole
// CPU profile (node --cpu-prof), the saved database's restoring included.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ColdRun } from '../lib/growth-report.ts';
import { keptStepArgs } from '../lib/kept-step-args.ts';
import { median, round } from '../lib/growth-report.ts';

const run = promisify(execFile);
const { dir, step, runs, profileDir, values } = keptStepArgs('npx tsx bench/kept-step/cold.ts DIR STEP [--runs 5] [--cpu-prof DIR] [--page K]', 5, { page: { type: 'string' } });
const page = Number(values.page ?? 0);
if (!Number.isInteger(page) || page < 0) throw new Error(`--page must be a whole number, not ${String(values.page)}`);

// The cold process analyses its first page, then every other page warm: handed one page, it analyses only that.
const pages = JSON.parse(readFileSync(join(dir, `pages-${step}.json`), 'utf8')) as unknown[];
if (!pages[page]) throw new Error(`step ${step} kept ${pages.length} reader pages; there is no page ${page}`);
const scratch = mkdtempSync(join(tmpdir(), 'parallax-cold-'));
const onePage = join(scratch, 'page.json');
writeFileSync(onePage, JSON.stringify([pages[page]]));

const cold: ColdRun[] = [];
try {
  for (let r = 0; r < runs; r++) {
    const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(profileDir), '--cpu-prof-name', `cold-${step}-${r}.cpuprofile`] : [];
    const child = await run(
      process.execPath,
      ['--max-old-space-size=8192', ...profile, '--import', 'tsx', fileURLToPath(new URL('../lib/growth-cold.ts', import.meta.url)), join(dir, `indexeddb-${step}.bin`), join(dir, 'corpus.bin'), onePage, '0', '0'],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const c = JSON.parse(child.stdout) as ColdRun;
    cold.push(c);
    console.log(`  run ${r + 1}: ${c.articles} articles, cold ${round(c.modelMs + c.openMs + c.firstAnalyzeMs)} ms (model ${round(c.modelMs)}, open ${round(c.openMs)}, analysis ${round(c.firstAnalyzeMs)}; cpu ${round(c.modelCpuMs + c.openCpuMs + c.firstAnalyzeCpuMs)}), ${c.storiesFound} stories`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const middle = (f: (c: ColdRun) => number) => round(median(cold.map(f)));
console.log(
  `step ${step}, page ${page}: cold first analysis median ${middle((c) => c.modelMs + c.openMs + c.firstAnalyzeMs)} ms of ${runs} ` +
    `(model ${middle((c) => c.modelMs)}, open ${middle((c) => c.openMs)}, analysis ${middle((c) => c.firstAnalyzeMs)}; cpu ${middle((c) => c.modelCpuMs + c.openCpuMs + c.firstAnalyzeCpuMs)})`,
);
