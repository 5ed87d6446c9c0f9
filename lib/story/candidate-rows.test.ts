import { expect, test } from 'vitest';
import { compileCorpus } from '../corpus/compile.ts';
import { loadCorpus } from '../corpus/corpus.ts';
import { serializeCorpus } from '../corpus/format.ts';
import { seedRecords } from '../corpus/test-seeds.ts';
import { candidateRows } from './candidate-rows.ts';

const corpus = loadCorpus(serializeCorpus(compileCorpus(seedRecords(), { name: 'seeds' })));

test("a candidate's rows are its stored facts, headline and lead, with the weights scoring reads", () => {
  for (let article = 0; article < corpus.size; article++) {
    const rows = candidateRows(corpus, article);
    expect([...rows.facts]).toEqual([...corpus.facts(article)]);
    const factIdfs = [...corpus.facts(article)].map((id) => corpus.idfOfTermId(id));
    expect([...rows.factIdfs]).toEqual(factIdfs);
    // Summed in the order scoring summed them: the same to the last bit.
    expect(rows.factWeight).toBe(factIdfs.reduce((a, b) => a + b, 0));
    for (const [passage, ids] of [[rows.headline, corpus.headlineTerms(article)], [rows.lead, corpus.leadTerms(article)]] as const) {
      // The runs spelled out again give the stored ids, in order.
      expect([...passage.ids].flatMap((id, r) => Array<number>(passage.counts[r]!).fill(id))).toEqual([...ids]);
      expect([...passage.weights]).toEqual([...passage.ids].map((id, r) => passage.counts[r]! * corpus.idfOfTermId(id)));
      expect(passage.norm).toBeCloseTo(Math.hypot(...passage.weights), 9);
    }
    expect(rows.leadWeight).toBe([...corpus.leadTerms(article)].reduce((sum, id) => sum + corpus.idfOfTermId(id), 0));
  }
});

test('rows are worked out once per article and corpus', () => {
  expect(candidateRows(corpus, 1)).toBe(candidateRows(corpus, 1));
  const other = loadCorpus(serializeCorpus(compileCorpus(seedRecords(), { name: 'seeds' })));
  expect(candidateRows(other, 1)).not.toBe(candidateRows(corpus, 1));
  expect(candidateRows(other, 1)).toEqual(candidateRows(corpus, 1));
});
