// The full analysis's results, recorded: speed-ups of the engine (caches, cheaper paths) must
// leave every figure of `analyze` as it was. Queries run one after another on one loaded corpus,
// so later ones meet warm caches, as in the extension. When a change of results is intended,
// rerun with `npx vitest run lib/analyze-stable.test.ts -u` and review the snapshot's diff.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { analyze, type AnalyzeOptions } from './analyze.ts';
import { compileCorpus } from './corpus/compile.ts';
import { loadCorpus } from './corpus/corpus.ts';
import { serializeCorpus } from './corpus/format.ts';
import { parseCorpusFile, type CorpusRecord } from './corpus/schema.ts';
import { seedRecords } from './corpus/test-seeds.ts';
import type { ArticleInput } from './result.ts';
import type { Strictness } from './settings.ts';

const STRICTNESS: readonly Strictness[] = ['balanced', 'strict', 'lenient'];

/** Each record as a page: itself (the corpus holds it) and, left out, as a new article; strictness in turn. */
function analyzeAll(records: readonly CorpusRecord[], pages: readonly CorpusRecord[]): unknown[] {
  const corpus = loadCorpus(serializeCorpus(compileCorpus([...records], { name: 'stable' })));
  const results: unknown[] = [];
  pages.forEach((record, i) => {
    const page: ArticleInput = { title: record.title, published: record.published, text: record.text, outlet: record.outlet };
    const strictness = STRICTNESS[i % STRICTNESS.length]!;
    for (const options of [{ strictness }, { strictness, excludeIds: [record.id] }] satisfies AnalyzeOptions[]) {
      results.push({ page: record.id, options, result: analyze(page, corpus, options) });
    }
  });
  return results;
}

test('analyze on the seeds gives the recorded results', async () => {
  const records = seedRecords();
  await expect(`${JSON.stringify(analyzeAll(records, records), null, 1)}\n`).toMatchFileSnapshot('./__snapshots__/analyze-seeds.json');
}, 60_000);

const basil = fileURLToPath(new URL('../../shared/datasets/basil/stories.jsonl', import.meta.url));

test.skipIf(!existsSync(basil))('analyze on a BASIL sample (15 events, 3 outlets each) gives the recorded results', async () => {
  const lines = readFileSync(basil, 'utf8').split('\n').filter((line) => line.trim());
  const { records } = parseCorpusFile(lines.slice(0, 45).join('\n'), basil);
  const pages = records.filter((_, i) => i % 4 === 0);
  await expect(`${JSON.stringify(analyzeAll(records, pages), null, 1)}\n`).toMatchFileSnapshot('./__snapshots__/analyze-basil.json');
}, 120_000);
