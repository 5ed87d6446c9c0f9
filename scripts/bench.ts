// npm run bench: every benchmark in bench/ (results in bench/results.json).
// The tools that re-time a step kept by bench/growth.ts --keep DIR (they need that DIR) are in
// bench/kept-step/, which this does not run.
import { runEach } from './run-each';

process.exit((await runEach('bench', process.argv.slice(2))) ? 1 : 0);
