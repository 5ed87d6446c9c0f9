import { describe, expect, test } from 'vitest';
import { compileCorpus } from '../corpus/compile.ts';
import { loadCorpus } from '../corpus/corpus.ts';
import { serializeCorpus } from '../corpus/format.ts';
import { SEED_IDS, seedRecords } from '../corpus/test-seeds.ts';
import { analyze } from '../analyze.ts';
import { factCache, factSources } from './corpus-facts.ts';

// The bundled corpus path: seeds compiled, serialized and loaded as the extension does.
const records = seedRecords();
const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'seeds' })));
const nyt = records.find((r) => r.id === SEED_IDS.nytReadable)!;
const result = analyze({ text: nyt.text, outlet: nyt.outlet, published: nyt.published }, corpus);
const stories = result.stories;

describe('analyze of 001 against the compiled seed corpus: facts, omissions, unique', () => {
  test('the sources are the same-story articles, not 001 itself nor its normalized version', () => {
    const ids = factSources(stories, corpus).map((s) => s.articleId);
    expect(ids).not.toContain(SEED_IDS.nytReadable);
    expect(ids).not.toContain(SEED_IDS.nytNormalized);
    expect(ids).toEqual(expect.arrayContaining([SEED_IDS.nbc, SEED_IDS.unverified]));
  });

  test.each([
    ['Ushakov: Trump proposed the meeting in the 20 March call', /Yuri Ushakov, said in Moscow/],
    ['the White House confirmed "a number of potential venues"', /a number of potential venues/],
    ['Peskov’s denial', /Peskov, discounted it/],
    ['the 60 expelled diplomats', /expelled 60 diplomats/],
    ['the Skripal poisoning', /nerve agent attack on Sergei V\. Skripal/],
    ['no meeting before the G-20 in Argentina in November', /no plans to get together before November/],
  ])('finds %s as a fact shared with 002 and/or 003', (_name, ours) => {
    const fact = result.facts.find((f) => ours.test(f.sentence.text));
    expect(fact?.passages.some((p) => p.articleId === SEED_IDS.nbc || p.articleId === SEED_IDS.unverified)).toBe(true);
  });

  test('omits Trump congratulating Putin on his re-election (002 and 003)', () => {
    const omission = result.omissions.find((o) => /congratulat/i.test(o.text));
    expect(omission?.reportedBy.map((r) => r.articleId).sort()).toEqual([SEED_IDS.nbc, SEED_IDS.unverified]);
  });

  test('Putin’s 2007 visit to Kennebunkport is unique to 001', () => {
    expect(result.unique.some((s) => /Kennebunkport/.test(s.text) && /2007/.test(s.text))).toBe(true);
  });

  test('sentences, facts and coverage refer to the analyzed text', () => {
    for (const fact of result.facts) expect(nyt.text.slice(fact.sentence.start, fact.sentence.end)).toBe(fact.sentence.text);
    expect(result.coverage.rows.length).toBe(result.facts.length);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  test('the corpus keeps one feature cache', () => {
    expect(factCache(corpus)).toBe(factCache(corpus));
  });
});

describe('the strictness setting moves the shared-fact decision', () => {
  const article = { text: nyt.text, outlet: nyt.outlet, published: nyt.published };
  const passages = (strictness: 'lenient' | 'balanced' | 'strict') =>
    analyze(article, corpus, { strictness }).facts.reduce((sum, fact) => sum + fact.passages.length, 0);

  test('stricter settings align fewer passages, more lenient ones more', () => {
    const lenient = passages('lenient');
    const balanced = passages('balanced');
    const strict = passages('strict');
    expect(balanced).toBe(result.facts.reduce((sum, fact) => sum + fact.passages.length, 0));
    expect(strict).toBeLessThan(balanced);
    expect(lenient).toBeGreaterThan(balanced);
  });
});
