import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyze, analyzeAsync } from './analyze.ts';
import { compileCorpus } from './corpus/compile.ts';
import { loadCorpus, type Corpus } from './corpus/corpus.ts';
import { serializeCorpus } from './corpus/format.ts';
import type { CorpusRecord } from './corpus/schema.ts';
import { seedRecords } from './corpus/test-seeds.ts';
import { asPage, basilPath, basilRecords } from './corpus/test-segments.ts';

/** The corpus, with the articles each analysis asks to load and those whose text, sentences or meaning it reads. */
function watched(corpus: Corpus) {
  const loaded = new Set<number>();
  const read = new Set<number>();
  const reading = new Set<string | symbol>(['text', 'sentences', 'sentenceMeaning']);
  const proxy = new Proxy(corpus, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (key === 'loadArticles') {
        return (indices: Iterable<number>) => {
          for (const i of indices) loaded.add(i);
          return target.loadArticles(loaded);
        };
      }
      if (reading.has(key)) {
        return (index: number) => {
          read.add(index);
          return (value as (i: number) => unknown).call(target, index);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { corpus: proxy, loaded, read };
}

/** Each page analysed both ways over a compile of `records`, the articles loaded and read watched. */
function checkLoads(records: CorpusRecord[], pages: CorpusRecord[]) {
  const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'test' })));
  return async () => {
    let loadedTotal = 0;
    for (const record of pages) {
      const page = asPage(record);
      const w = watched(corpus);
      expect(await analyzeAsync(page, w.corpus)).toEqual(analyze(page, corpus));
      // Everything loaded was read: neither the ranked stories alignment leaves aside nor
      // reuse candidates whose verification was never reached.
      for (const index of w.loaded) expect(w.read.has(index), `article ${index} loaded, never read`).toBe(true);
      loadedTotal += w.loaded.size;
    }
    expect(loadedTotal).toBeGreaterThan(0);
  };
}

test('analyzeAsync loads only the articles alignment reads, and answers as analyze (seeds)', checkLoads(seedRecords(), seedRecords()), 30_000);

test.runIf(existsSync(basilPath))('analyzeAsync loads only the articles alignment reads, and answers as analyze (BASIL, ../shared)', async () => {
  const records = basilRecords();
  await checkLoads(records, records.filter((_, i) => i % 15 === 7))();
}, 240_000);
