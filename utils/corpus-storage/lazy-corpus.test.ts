import { describe, expect, test } from 'vitest';
import type { Corpus } from '@/lib/corpus';
import { createCorpusStore } from './lazy-corpus';

const corpus = { summary: { name: 'seeds' } } as unknown as Corpus;

describe('createCorpusStore', () => {
  test('loads once and shares the load between concurrent requests', async () => {
    let loads = 0;
    const store = createCorpusStore(async () => {
      loads++;
      return corpus;
    });
    const [a, b] = await Promise.all([store.get(), store.get()]);
    expect(a).toBe(corpus);
    expect(b).toBe(corpus);
    await store.get();
    expect(loads).toBe(1);
  });

  test('a failed load is not kept: the next request tries again', async () => {
    let attempt = 0;
    const store = createCorpusStore(async () => {
      attempt++;
      if (attempt === 1) throw new Error('the bundled corpus could not be read (404)');
      return corpus;
    });
    await expect(store.get()).rejects.toThrow('404');
    await expect(store.get()).resolves.toBe(corpus);
  });

  test('reset makes the next request load again (imports changed)', async () => {
    let loads = 0;
    const store = createCorpusStore(async () => {
      loads++;
      return corpus;
    });
    await store.get();
    store.reset();
    await store.get();
    expect(loads).toBe(2);
  });
});
