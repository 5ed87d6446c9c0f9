import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diffArrays } from 'diff';
import { describe, expect, test } from 'vitest';
import { ADDED, editScript, REMOVED, SAME } from './edit-script.ts';
import { MAX_EDIT_LENGTH } from './diff.ts';

/** The package's change list for the same ids, as runs. */
function packageRuns<T>(a: ArrayLike<T>, b: ArrayLike<T>, maxEdits: number): { kind: number; count: number }[] | undefined {
  const changes = diffArrays(Array.from(a), Array.from(b), { maxEditLength: maxEdits });
  return changes?.map((c) => ({ kind: c.added ? ADDED : c.removed ? REMOVED : SAME, count: c.count }));
}

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('editScript', () => {
  test('gives the runs of jsdiff diffArrays on random token lists, up to the edit limit and past it', () => {
    const next = random(15);
    let givenUp = 0;
    for (let round = 0; round < 3000; round++) {
      // Few distinct tokens make many ties between equally short scripts: where the choices show.
      const vocabulary = 2 + Math.floor(next() * 8);
      const list = (): Int32Array => Int32Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * vocabulary));
      const a = list();
      const b = round % 3 === 0 ? a.map((t) => (next() < 0.2 ? Math.floor(next() * vocabulary) : t)) : list();
      const maxEdits = round % 2 === 0 ? MAX_EDIT_LENGTH : 1 + Math.floor(next() * 30);
      const expected = packageRuns(a, b, maxEdits);
      if (expected === undefined) givenUp++;
      expect(editScript(a, b, maxEdits), `round ${round}`).toEqual(expected);
    }
    // Both outcomes were exercised.
    expect(givenUp).toBeGreaterThan(100);
    expect(givenUp).toBeLessThan(2900);
  });

  test('diffs empty lists as jsdiff does', () => {
    const none = new Int32Array(0);
    const some = Int32Array.of(1, 2, 3);
    expect(editScript(none, none, 5)).toEqual(packageRuns(none, none, 5));
    expect(editScript(some, none, 5)).toEqual(packageRuns(some, none, 5));
    expect(editScript(none, some, 5)).toEqual(packageRuns(none, some, 5));
    expect(editScript(some, none, 2)).toEqual(packageRuns(some, none, 2));
  });

  // Real news sentence pairs (same-fact and not, and unrelated sentences paired up), tokenized
  // as wording diffs tokenize them.
  const datasets = ['stsb-news/train.jsonl', 'msrp-train/train.jsonl'].map((f) => fileURLToPath(new URL(`../../../shared/datasets/${f}`, import.meta.url)));
  test.skipIf(!datasets.every(existsSync))('gives the runs of jsdiff diffArrays on real sentence pairs (../shared datasets)', () => {
    const tokens = (text: string): string[] => text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
    const pairs = datasets.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { a: string; b: string }));
    pairs.forEach((pair, i) => {
      const other = pairs[(i * 7919) % pairs.length]!;
      for (const [a, b] of [
        [pair.a, pair.b],
        [pair.a, other.b],
      ] as const) {
        const x = tokens(a);
        const y = tokens(b);
        expect(editScript(x, y, MAX_EDIT_LENGTH), `${a} / ${b}`).toEqual(packageRuns(x, y, MAX_EDIT_LENGTH));
      }
    });
    // The datasets were read: an empty or unparsed file would compare nothing and pass.
    expect(pairs.length).toBeGreaterThan(1000);
  });
});
