#!/usr/bin/env node
// The parallax CLI. The engine is TypeScript; tsx's loader runs it without a build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../lib/cli/main.ts');
const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
// Let pending writes to a pipe finish before exiting.
process.exitCode = code;
