import { expect, test } from 'vitest';
import { analyze } from './analyze.ts';
import { compileCorpus } from './corpus/compile.ts';
import { loadCorpus } from './corpus/corpus.ts';
import { serializeCorpus } from './corpus/format.ts';
import { SEED_IDS, seedRecords } from './corpus/test-seeds.ts';
import { segmentSentences } from './text/segment.ts';

const records = seedRecords();
const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'seeds' })));

test('analyze returns a plain, serializable result with self, stories, sentences and the corpus summary', () => {
  const article = records.find((r) => r.id === SEED_IDS.nytReadable)!;
  const result = analyze({ text: article.text, published: article.published }, corpus);
  expect(result.self?.id).toBe(SEED_IDS.nytReadable);
  expect(result.stories.filter((s) => s.sameStory).map((s) => s.id).sort()).toEqual([SEED_IDS.nbc, SEED_IDS.unverified]);
  expect(result.sentences).toEqual(segmentSentences(article.text));
  expect(result.corpus).toEqual(corpus.summary);
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
});
