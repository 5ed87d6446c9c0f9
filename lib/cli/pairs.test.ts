import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPairs } from './pairs.ts';

const dir = mkdtempSync(join(tmpdir(), 'parallax-pairs-'));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runPairs(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('parallax pairs', () => {
  test('writes one line per pair with id, score and sameFact', async () => {
    const path = file(
      'pairs.jsonl',
      [
        { id: 'same', a: 'Kremlin spokesman Dmitry Peskov said the report was not correct.', b: 'Kremlin spokesman Dmitri Peskov said the report was not correct.' },
        { id: 'other', a: 'Kremlin spokesman Dmitry Peskov said the report was not correct.', b: 'Heavy rain flooded the valley overnight, closing two schools.' },
      ]
        .map((p) => JSON.stringify(p))
        .join('\n'),
    );
    const { code, stdout, stderr } = await run(['--jsonl', path]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; score: number; sameFact: boolean });
    expect(lines.map((l) => Object.keys(l))).toEqual([['id', 'score', 'sameFact'], ['id', 'score', 'sameFact']]);
    expect(lines[0]).toMatchObject({ id: 'same', sameFact: true });
    expect(lines[1]).toMatchObject({ id: 'other', sameFact: false });
    expect(lines[0]!.score).toBeGreaterThan(lines[1]!.score);
  });

  test('bad input exits 1 naming the file, line and field', async () => {
    const path = file('bad.jsonl', '{"id":"p1","a":"One sentence.","b":"Another."}\n{"id":"p2","a":"Only a."}\n');
    const { code, stderr, stdout } = await run(['--jsonl', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${path}:2: field "b": is required`);
  });

  test('a missing file exits 1', async () => {
    expect((await run(['--jsonl', join(dir, 'missing.jsonl')])).code).toBe(1);
  });

  test.each([[[]], [['--jsonl']], [['extra', '--jsonl', 'x']]])('usage errors exit 2: %j', async (argv) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: parallax pairs');
  });
});
