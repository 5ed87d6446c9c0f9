import { describe, expect, test } from 'vitest';
import { compileCorpus } from '../corpus/compile.ts';
import { loadCorpus } from '../corpus/corpus.ts';
import { serializeCorpus } from '../corpus/format.ts';
import { SEED_IDS, seedRecords } from '../corpus/test-seeds.ts';
import { analyze } from '../analyze.ts';
import type { CorpusRecord } from '../corpus/schema.ts';
import { segmentSentences } from '../text/segment.ts';
import { alignFacts, SentenceFeatureCache } from './align.ts';
import { articlesToRead, factCache, factSources, MAX_REUSE_PER_SENTENCE, planFacts, reuseSources, statsContext } from './corpus-facts.ts';
import { buildPassageIndex } from './passage-index.ts';

// The bundled corpus path: seeds compiled, serialized and loaded as the extension does.
const records = seedRecords();
const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'seeds' })));
const nyt = records.find((r) => r.id === SEED_IDS.nytReadable)!;
const result = analyze({ text: nyt.text, outlet: nyt.outlet, published: nyt.published }, corpus);
const stories = result.stories;

describe('analyze of 001 against the compiled seed corpus: facts, omissions, unique', () => {
  test('the sources are the same-story articles, not 001 itself nor its normalized version', () => {
    const ids = factSources(result, stories, corpus, { self: result.self }).map((s) => s.articleId);
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

  test('ranked articles of other stories join the term statistics only: no passage comes from them', () => {
    const sources = factSources(result, stories, corpus, { self: result.self });
    const context = statsContext(stories, corpus, sources).map((s) => s.articleId);
    expect(context.length).toBeGreaterThan(0);
    for (const id of context) expect(sources.map((s) => s.articleId)).not.toContain(id);
    const aligned = new Set(result.facts.flatMap((f) => f.passages.map((p) => p.articleId)));
    for (const id of context) expect(aligned.has(id)).toBe(false);
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

// A wire paragraph (15 words) carried by an article of another story, among unrelated articles.
const WIRE = 'The United Nations said on Friday that wheat shipments through the Black Sea fell by a third.';
const reuseRecords: CorpusRecord[] = [
  ...records,
  {
    id: 'grain-1',
    outlet: 'Harbor Ledger',
    title: 'Grain exporters brace for a lean spring',
    published: '2018-03-30',
    text: [
      'Grain traders in Odesa braced for a difficult season as insurers raised premiums on cargo ships.',
      WIRE,
      'Port officials blamed storms and a shortage of crews for the backlog of vessels waiting offshore.',
      'Farmers in the south have begun storing their harvest in makeshift silos.',
    ].join(' '),
  },
  {
    id: 'council-1',
    outlet: 'Valley Courier',
    title: 'City council delays vote on library funding',
    published: '2018-04-01',
    text: 'The city council postponed its vote on the library budget after residents packed the hearing. Members said the proposal needed more study before the next fiscal year.',
  },
  {
    id: 'ferry-1',
    outlet: 'Coast Gazette',
    title: 'Ferry service resumes after winter repairs',
    published: '2018-04-02',
    text: 'The island ferry returned to service on Sunday after three months of engine repairs. Operators promised more frequent crossings during the summer tourist season.',
  },
];
const reuseCorpus = loadCorpus(serializeCorpus(compileCorpus(reuseRecords, { name: 'reuse' })));
// The page: a bakery's price rises, explained with the same wire paragraph.
const bakeryPage = {
  title: 'Local bakeries raise bread prices',
  published: '2018-04-03',
  text: [
    'Bakeries across the county raised the price of a loaf by twenty cents this week, citing flour costs.',
    `Owners pointed to distant markets. ${WIRE}`,
    'Several shops said they would shorten their opening hours until prices settle.',
  ].join(' '),
};

describe('passages reused from articles of other stories, found through the corpus-wide index', () => {
  const reused = analyze(bakeryPage, reuseCorpus);

  test('the page is not the grain story: story matching does not call the grain article the same story', () => {
    expect(reused.stories.find((s) => s.id === 'grain-1')?.sameStory ?? false).toBe(false);
  });

  test('the reused wire paragraph is aligned with the grain article, with reason reuse', () => {
    const fact = reused.facts.find((f) => f.sentence.text.includes('wheat shipments'));
    const passage = fact?.passages.find((p) => p.articleId === 'grain-1');
    expect(passage?.reasons).toContain('reuse');
    expect(passage?.text).toBe(WIRE);
    // The index of the sentence in its own article, though only that sentence was compared.
    expect(passage?.sentenceIndex).toBe(1);
  });

  test('reuse needs no story ranking: the index finds it with no stories at all, holding only the reusing sentence', () => {
    const sentences = reused.sentences;
    const sources = reuseSources(sentences, reuseCorpus);
    expect(sources.map((s) => [s.articleId, s.sameStory, s.sentences.map((x) => x.index)])).toEqual([['grain-1', false, [1]]]);
  });

  test('reading for alignment: the reuse source is missing until readable, then the plan comes back with the choice alignment makes', () => {
    const plan = planFacts(reused, reused.stories, reuseCorpus);
    const grain = reuseCorpus.indexOf('grain-1');
    const first = articlesToRead(reused, reused.stories, reuseCorpus, plan, new Set(), 0);
    expect(first.missing).toContain(grain);
    expect(first.ready).toBeUndefined();
    const last = articlesToRead(reused, reused.stories, reuseCorpus, plan, new Set(first.missing), 1);
    expect(last.missing).toEqual([]);
    expect([...(last.ready?.reuse?.kept.keys() ?? [])]).toEqual([grain]);
    // Taken as made, the choice gives the sources a fresh verification gives.
    expect(factSources(reused, reused.stories, reuseCorpus, {}, last.ready)).toEqual(factSources(reused, reused.stories, reuseCorpus, {}, plan));
  });

  test('a passage many articles carry gives MAX_REUSE_PER_SENTENCE of them, one per group of versions', () => {
    const copies: CorpusRecord[] = ['a', 'b', 'c', 'd', 'e'].map((k, i) => ({
      id: `wire-${k}`,
      outlet: `Outlet ${k}`,
      title: `Briefs ${k}`,
      published: `2018-03-2${i}`,
      text: `In other news from the region ${k}. ${WIRE} Markets closed ${i} points higher.`,
    }));
    const many = loadCorpus(serializeCorpus(compileCorpus([...reuseRecords, ...copies], { name: 'many' })));
    const sources = reuseSources(segmentSentences(bakeryPage.text), many);
    expect(sources.length).toBe(MAX_REUSE_PER_SENTENCE);
    expect(sources.every((s) => s.sentences.length === 1 && s.sentences[0]!.text === WIRE)).toBe(true);
  });

  test('the page itself and its versions are never reuse sources', () => {
    const nytIndex = corpus.indexOf(SEED_IDS.nytReadable);
    const all = reuseSources(result.sentences, corpus).map((s) => s.articleId);
    expect(all).toEqual(expect.arrayContaining([SEED_IDS.nytReadable]));
    const excluded = reuseSources(result.sentences, corpus, { excludeGroups: new Set([corpus.primaryVersion(nytIndex)]) }).map((s) => s.articleId);
    expect(excluded).not.toContain(SEED_IDS.nytReadable);
    expect(excluded).not.toContain(SEED_IDS.nytNormalized);
    expect(result.facts.flatMap((f) => f.passages.map((p) => p.articleId))).not.toContain(SEED_IDS.nytReadable);
  });

  test('one feature cache serves an article whole and as a reuse source holding a leading run of its sentences', () => {
    const cache = new SentenceFeatureCache();
    const grain = reuseCorpus.indexOf('grain-1');
    const page = { text: bakeryPage.text, sentences: segmentSentences(bakeryPage.text) };
    const whole = { articleId: 'grain-1', outlet: null, title: null, text: reuseCorpus.text(grain), sentences: reuseCorpus.sentences(grain), sameStory: true };
    expect(alignFacts(page, [whole], { cache }).facts.flatMap((f) => f.passages.map((p) => p.sentenceIndex))).toEqual([1]);
    // Its first sentence alone does not hold the wire paragraph (sentence 1).
    const leading = alignFacts(page, [{ ...whole, sentences: whole.sentences.slice(0, 1), sameStory: false }], { cache });
    expect(leading.facts).toEqual([]);
  });

  test('the compiled corpus carries the passage index of all its sentences, every sampled shingle kept, through serialization', () => {
    const { passageHashes, passageSentences, sentenceStart } = reuseCorpus.data;
    expect(sentenceStart[reuseCorpus.size]).toBe(reuseCorpus.data.sentenceOffsets.length / 2);
    // The cap on postings applies when searching (the corpus may be one of several segments searched together).
    const rebuilt = buildPassageIndex(Array.from({ length: reuseCorpus.size }, (_, a) => reuseCorpus.sentences(a).map((s) => s.text)), Infinity);
    expect(Array.from(passageHashes)).toEqual(Array.from(rebuilt.hashes));
    expect(Array.from(passageSentences)).toEqual(Array.from(rebuilt.sentences));
    expect(passageHashes.length).toBeGreaterThan(0);
    const lookup = reuseCorpus.passageIndex();
    expect(lookup.firstSentence(1)).toBe(sentenceStart[1]);
    expect(lookup.articleOfSentence(sentenceStart[1]!)).toBe(1);
  });
});
