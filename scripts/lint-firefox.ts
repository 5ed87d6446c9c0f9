// Mozilla's add-ons linter on the Firefox build: zero errors, and every warning must be one we
// understand and have explained here. An unexplained warning fails, so new ones get looked at.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LintItem {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

const BUILD_DIR = '.output/firefox-mv3';

/** The built code just before a warning's position, to tell which library it is in. */
function codeBefore(warning: LintItem, chars = 300): string {
  if (!warning.file || !warning.line) return '';
  const line = readFileSync(join(BUILD_DIR, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  const column = warning.column ?? line.length;
  return line.slice(Math.max(0, column - chars), column + 40);
}

const EXPLAINED_WARNINGS: Record<string, (warning: LintItem) => boolean> = {
  UNSAFE_VAR_ASSIGNMENT: (warning) =>
    // Preact's renderer assigns innerHTML only for `dangerouslySetInnerHTML` (`__html`), which
    // no Parallax component uses.
    codeBefore(warning).includes('__html') ||
    // The background parses fetched or extracted HTML with linkedom and runs Readability on that
    // detached document: its innerHTML setters build linkedom nodes, never a rendered page.
    warning.file === 'background.js',
};

import { bin } from './run';

const result = spawnSync(bin('web-ext'), ['lint', '--source-dir', BUILD_DIR, '--output', 'json'], { encoding: 'utf8' });
let report: { errors: LintItem[]; warnings: LintItem[]; summary: { errors: number; warnings: number; notices: number } };
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(result.stdout, result.stderr);
  console.error('web-ext lint did not produce a report');
  process.exit(1);
}
const unexplained = report.warnings.filter((w) => !EXPLAINED_WARNINGS[w.code]?.(w));
for (const item of [...report.errors, ...unexplained]) {
  console.error(`${item.code} ${item.file ?? ''}:${item.line ?? ''} ${item.message}`);
}
console.log(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.summary.warnings - unexplained.length} explained), ${report.summary.notices} notices`,
);
process.exit(report.errors.length || unexplained.length ? 1 : 0);
