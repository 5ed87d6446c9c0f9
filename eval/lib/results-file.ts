// One result file for every evaluation: `npm run eval` runs each eval/*.ts in its own process,
// and each records its figures here under its own name, so a change's effect can be compared
// run to run (`git diff eval/results.json`). Figures only; no timings that vary by machine load.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RESULTS_PATH = fileURLToPath(new URL('../results.json', import.meta.url));

export type Figures = { [name: string]: number | string | null | Figures };

/**
 * Merges `figures` into `eval/results.json` under `section` (e.g. "stories", "sentences",
 * "seedAlignment", "framing"), replacing that section's previous value and keeping the others.
 */
export function recordResults(section: string, figures: Figures): void {
  const all: Record<string, unknown> = existsSync(RESULTS_PATH) ? (JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as Record<string, unknown>) : {};
  all[section] = figures;
  const sorted = Object.fromEntries(Object.keys(all).sort().map((key) => [key, all[key]]));
  writeFileSync(RESULTS_PATH, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** Rounds a figure for the file (3 decimals: the precision the notes quote). */
export const figure = (x: number): number => Math.round(x * 1000) / 1000;
