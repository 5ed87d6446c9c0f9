import { expect, test, vi } from 'vitest';
import { analyze, analyzeAsync } from './analyze.ts';
import type { Corpus } from './corpus/corpus.ts';
import { asPage, seedsInTwoSegments } from './corpus/test-segments.ts';
import { warmUp } from './warm-up.ts';

// Each analysis the warm-up runs is seen, and runs as it would.
vi.mock('./analyze.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./analyze.ts')>();
  return { ...original, analyzeAsync: vi.fn(original.analyzeAsync) };
});
const analysedIds = () => vi.mocked(analyzeAsync).mock.calls.map(([page]) => page.id);

/** The seeds in two stored segments, read from their parts as the extension stores them. */
function storedSeeds() {
  const { seeds, reference, open } = seedsInTwoSegments();
  return { seeds, reference, corpus: open((parts) => parts) as Corpus };
}

test('the warm-up analyses the newest articles, newest first, each group of versions once (seeds: 000 is a version of 001)', async () => {
  const { corpus } = storedSeeds();
  const primaries = Array.from({ length: corpus.indexEnd }, (_, i) => i).filter((i) => corpus.primaryVersion(i) === i);
  expect(primaries.length).toBe(corpus.indexEnd - 1);
  // Three asked for: the newest three readable versions, newest first, each as its own page.
  vi.mocked(analyzeAsync).mockClear();
  expect(await warmUp(corpus, { articles: 3 })).toBe(3);
  expect(analysedIds()).toEqual(primaries.slice(-3).reverse().map((i) => corpus.articleId(i)));
  expect(vi.mocked(analyzeAsync).mock.calls.map(([page]) => page.text)).toEqual(primaries.slice(-3).reverse().map((i) => corpus.text(i)));
  // All asked for: every readable version once.
  vi.mocked(analyzeAsync).mockClear();
  expect(await warmUp(corpus, { articles: 100 })).toBe(primaries.length);
  expect(new Set(analysedIds()).size).toBe(primaries.length);
}, 60_000);

test('the warm-up waits for the pages being analysed before each analysis, and stops between analyses once aborted', async () => {
  const { corpus } = storedSeeds();
  const controller = new AbortController();
  let waits = 0;
  const whenIdle = () => {
    waits++;
    if (waits === 3) controller.abort();
    return Promise.resolve();
  };
  // Two analysed; aborted while waiting before the third.
  vi.mocked(analyzeAsync).mockClear();
  expect(await warmUp(corpus, { articles: 100, signal: controller.signal, whenIdle })).toBe(2);
  expect(waits).toBe(3);
  expect(analysedIds().length).toBe(2);
  expect(await warmUp(corpus, { signal: controller.signal })).toBe(0);
}, 60_000);

test('pages analysed after a warm-up answer as one compile does (seeds in two segments)', async () => {
  const { seeds, reference, corpus } = storedSeeds();
  await corpus.readSearchIndex();
  await warmUp(corpus);
  for (const record of seeds) expect(await analyzeAsync(asPage(record), corpus)).toEqual(analyze(asPage(record), reference));
}, 60_000);
