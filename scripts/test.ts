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

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { assertionResults: { ancestorTitles: string[]; status: string }[] }[];
}

function readReport(file: string): VitestReport | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as VitestReport) : null;
}

function vitestCounts(report: VitestReport): Counts {
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** End-to-end tests name their browser in the describe title ("… in chromium"). */
function passedPerBrowser(report: VitestReport): Map<string, { passed: number; total: number }> {
  const tests = report.testResults.flatMap((file) => file.assertionResults);
  return new Map(
    BROWSER_NAMES.map((name) => {
      const mine = tests.filter((test) => test.ancestorTitles.some((title) => title.toLowerCase().includes(name)));
      return [name, { passed: mine.filter((test) => test.status === 'passed').length, total: mine.length }];
    }),
  );
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
    args: ['run', '-c', 'vitest.e2e.config.ts', '--reporter=verbose', '--reporter=json', '--outputFile.json=test-results/e2e.json'],
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
  const report = step.counts ? readReport(step.counts) : null;
  if (report) {
    const counts = vitestCounts(report);
    if (step.name.startsWith('end-to-end')) {
      const byBrowser = passedPerBrowser(report);
      console.log(`end-to-end by browser: ${[...byBrowser].map(([name, c]) => `${name} ${c.passed}/${c.total} passed`).join(', ')}`);
      // A browser whose tests all went missing or were skipped has not been tested.
      if ([...byBrowser.values()].some((c) => c.passed === 0)) outcomes.set(step.name, 'FAILED: a browser ran no test');
    }
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
