import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bin, run } from './run';

/**
 * Runs every `*.ts` file of a folder (not tests) with tsx, one after another, and returns the
 * number that failed. Used by `npm run eval` (eval/) and `npm run bench` (bench/).
 */
export async function runEach(folder: string, args: string[] = []): Promise<number> {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort();
  let failed = 0;
  for (const file of files) {
    console.log(`\n=== ${folder}/${file} ===`);
    const code = await run(bin('tsx'), [join(folder, file), ...args]);
    if (code !== 0) {
      failed += 1;
      console.error(`${folder}/${file} failed (exit ${code})`);
    }
  }
  if (files.length === 0) console.log(`no ${folder}/*.ts files to run`);
  return failed;
}
