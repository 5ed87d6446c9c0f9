// Tiny helpers shared by the project's scripts: run a command with inherited output.
import { spawn, type SpawnOptions } from 'node:child_process';

export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** The local binary of an installed package (node_modules/.bin). */
export function bin(name: string): string {
  return new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
}

export async function mustRun(label: string, command: string, args: string[], options?: SpawnOptions): Promise<void> {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n${label} failed (exit ${code})`);
    process.exit(code);
  }
}
