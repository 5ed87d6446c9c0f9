// Mozilla's add-ons linter on the Firefox build: zero errors, and every warning must be one we
// understand and have explained here. An unexplained warning fails, so new ones get looked at.
import { spawnSync } from 'node:child_process';

interface LintItem {
  code: string;
  file?: string;
  line?: number;
  message: string;
}

const EXPLAINED_WARNINGS: Record<string, (warning: LintItem) => boolean> = {
  // Preact's DOM renderer assigns innerHTML only for `dangerouslySetInnerHTML`, which no Parallax
  // component uses; the linter flags the renderer's code path itself in the shared chunk.
  UNSAFE_VAR_ASSIGNMENT: (warning) => /jsxRuntime|preact|chunks\//.test(warning.file ?? ''),
};

import { bin } from './run';

const result = spawnSync(bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv3', '--output', 'json'], { encoding: 'utf8' });
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
