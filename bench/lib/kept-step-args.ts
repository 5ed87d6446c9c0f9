// The command line of the scripts that re-time a growth step kept by `bench/growth.ts --keep DIR`
// (bench/kept-step/cold.ts, bench/kept-step/warm.ts): DIR STEP, how many runs, where CPU profiles go. One parser, so
// both scripts refuse the same mistakes with the same words.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface KeptStepArgs {
  dir: string;
  step: string;
  runs: number;
  /** Where each process writes its CPU profile, made when given. */
  profileDir: string | undefined;
  /** The script's own flags and options, as given. */
  values: Record<string, string | boolean | undefined>;
}

/**
 * Reads DIR STEP [--runs N] [--cpu-prof DIR] and the script's own `extra` options; throws the
 * script's usage line for a missing step, an unknown option or a run count that is not a whole
 * number of at least 1.
 */
export function keptStepArgs(usage: string, defaultRuns: number, extra: Record<string, { type: 'string' | 'boolean' }> = {}): KeptStepArgs {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { runs: { type: 'string' }, 'cpu-prof': { type: 'string' }, ...extra } });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nusage: ${usage}`);
  }
  const [dir, step] = parsed.positionals;
  if (!dir || !step || !existsSync(join(dir, `indexeddb-${step}.bin`))) throw new Error(`usage: ${usage} (a step kept by bench/growth.ts --keep DIR)`);
  const given = parsed.values.runs;
  const runs = given === undefined ? defaultRuns : Number(given);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not ${String(given)}`);
  const profileDir = parsed.values['cpu-prof'];
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  return { dir, step, runs, profileDir, values: parsed.values };
}
