// npm run eval: every evaluation in eval/ on the real data in ../shared (each skips with one
// line when ../shared is absent). Extra arguments go to every evaluation.
import { runEach } from './run-each';

process.exit((await runEach('eval', process.argv.slice(2))) ? 1 : 0);
