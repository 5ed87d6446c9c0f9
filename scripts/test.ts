// npm test: everything a change must pass, in order, with one summary at the end.
// Steps after a failure still run (so one run shows every problem), except those that need
// an earlier step's output.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { bin, run } from './run';
import { BROWSER_NAMES, findBrowser, missingBrowserMessage } from '../tests/e2e/harness/browsers';
mkdirSync('test-results', { recursive: true });

const browsers = BROWSER_NAMES.map((name) => ({ name, path: findBrowser(name) }));
for (const browser of browsers) console.log(browser.path ? `${browser.name}: ${browser.path}` : missingBrowserMessage(browser.name));

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

interface Step {
  name: string;
  cmd: string;
  args: string[];
  counts?: string;
  needs?: string;
  precondition?: () => string | null;
}

const steps: Step[] = [
  { name: 'type check', cmd: bin('tsc'), args: ['--noEmit', '-p', '.'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.'] },
  {
    name: 'unit tests',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
    counts: 'test-results/unit.json',
  },
  { name: 'build', cmd: bin('tsx'), args: ['scripts/build.ts'] },
  { name: 'web-ext lint', cmd: bin('tsx'), args: ['scripts/lint-firefox.ts'], needs: 'build' },
  {
    name: 'end-to-end (Chromium + Firefox)',
    cmd: bin('vitest'),
    args: ['run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/e2e.json'],
    counts: 'test-results/e2e.json',
    needs: 'build',
    precondition: () => {
      const missing = browsers.filter((b) => !b.path);
      return missing.length ? missing.map((b) => missingBrowserMessage(b.name)).join('\n') : null;
    },
  },
];

const outcomes = new Map<string, string>();
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  if (step.needs && outcomes.get(step.needs) !== 'ok') {
    outcomes.set(step.name, `not run: ${step.needs} failed`);
    continue;
  }
  const problem = step.precondition?.();
  if (problem) {
    console.error(problem);
    outcomes.set(step.name, 'FAILED: browser missing');
    continue;
  }
  const code = await run(step.cmd, step.args);
  outcomes.set(step.name, code === 0 ? 'ok' : `FAILED (exit ${code})`);
  const counts = step.counts && vitestCounts(step.counts);
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
}

console.log('\n=== summary ===');
for (const [name, outcome] of outcomes) console.log(`${outcome === 'ok' ? 'ok    ' : 'FAILED'} ${name}${outcome === 'ok' ? '' : `: ${outcome}`}`);
const failedSteps = [...outcomes.values()].filter((o) => o !== 'ok').length;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps ? 1 : 0);
