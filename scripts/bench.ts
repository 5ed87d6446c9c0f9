// npm run bench: every benchmark in bench/ (results in bench/results.json).
import { runEach } from './run-each';

process.exit((await runEach('bench', process.argv.slice(2))) ? 1 : 0);
