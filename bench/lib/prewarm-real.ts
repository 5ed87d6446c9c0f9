// A diagnosis of the growth benchmark's warm figure (bench/lib/growth-cold.ts, GROWTH_PREWARM_REAL):
// runs the engine's code on real articles that share nothing with the growth corpus, so that a
// process's code is warm before the pages timed, and its caches are not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../lib/analyze.ts';
import { compileCorpus } from '../../lib/corpus/compile.ts';
import { loadCorpus } from '../../lib/corpus/corpus.ts';
import { serializeCorpus } from '../../lib/corpus/format.ts';
import { parseCorpusFile } from '../../lib/corpus/schema.ts';

function prewarmTextPath(): string {
  const shared = process.env.PARALLAX_SHARED ?? fileURLToPath(new URL('../../../shared', import.meta.url));
  return join(shared, 'datasets/ecbplus-dev/stories.jsonl');
}

/** The real articles prewarmOnRealText reads are there (the shared development data). */
export function prewarmTextFound(): boolean {
  return existsSync(prewarmTextPath());
}

/**
 * Analyses the first `count` articles of ECB+ (the shared development set: PARALLAX_SHARED, or
 * ../shared beside the repository), each left out of an in-memory compile of the whole set.
 * ECB+ covers events of 2006-2013; the growth corpus's sentences are BASIL's and the seeds'.
 */
export function prewarmOnRealText(count: number): void {
  const path = prewarmTextPath();
  if (!existsSync(path)) throw new Error(`GROWTH_PREWARM_REAL needs ECB+ at ${path} (set PARALLAX_SHARED to the shared data folder)`);
  const { records } = parseCorpusFile(readFileSync(path, 'utf8'), path);
  if (records.length < count) throw new Error(`GROWTH_PREWARM_REAL=${count}: ECB+ has ${records.length} articles`);
  const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'prewarm' })));
  for (const record of records.slice(0, count)) {
    analyze({ title: record.title, published: record.published, text: record.text, outlet: record.outlet }, corpus, { excludeIds: [record.id] });
  }
}
