import { describe, expect, test } from 'vitest';
import type { ArticleInput } from '../result.ts';
import { compileCorpus } from '../corpus/compile.ts';
import { loadCorpus } from '../corpus/corpus.ts';
import { serializeCorpus } from '../corpus/format.ts';
import { SEED_IDS, seedRecords } from '../corpus/test-seeds.ts';
import { matchStories } from './match.ts';
import { EVIDENCE_NAMES, evidenceVector, sameStoryProbability, STORY_WEIGHTS, UNDATED_STORY_WEIGHTS, weightsFor, type StoryEvidence } from './score.ts';

const records = seedRecords();
// Several paragraphs of ordinary news prose on another subject, with names, numbers and dates.
const UNRELATED_TEXT = [
  'The city council voted on Tuesday to restore the neon signs that once lined Main Street, a project its backers say will bring visitors back downtown.',
  'Maria Alvarez, who chairs the council, said the first 40 signs would be lit by September and that local businesses would share the cost with the city.',
  'Critics said the money would be better spent on road repairs, and the mayor, Tom Becker, promised a second vote on the budget in the spring.',
  'Historians say the signs were a point of pride in the 1950s, when the street was the busiest shopping district in the region.',
  'The restoration will be carried out by a workshop that has repaired signs for museums, and the council expects the work to take two years.',
].join('\n');
const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'seeds' })));
const record = (id: string) => records.find((r) => r.id === id)!;

describe('story matching on the seeds', () => {
  const result = matchStories(record(SEED_IDS.nytReadable), corpus);

  test('001 is itself the NYT article, with 000 and 001 as its versions', () => {
    expect(result.self).toMatchObject({ id: SEED_IDS.nytReadable, outlet: 'The New York Times', versions: [SEED_IDS.nytReadable, SEED_IDS.nytNormalized] });
    expect(result.self!.containment).toBeGreaterThan(0.9);
  });

  test('002 and 003 come back as the same story; the NYT versions are not listed again', () => {
    expect(result.stories.map((s) => s.id).sort()).toEqual([SEED_IDS.nbc, SEED_IDS.unverified, SEED_IDS.newYorker]);
    const byId = new Map(result.stories.map((s) => [s.id, s]));
    for (const id of [SEED_IDS.nbc, SEED_IDS.unverified]) {
      expect(byId.get(id)!.sameStory).toBe(true);
      expect(byId.get(id)!.score).toBeGreaterThan(0.5);
    }
    const scores = result.stories.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  // Decided in issue 11: sameStory means the same news event, and 004 (a New Yorker follow-up
  // 32 days later) is related coverage, not the same event (relation.test.ts). The history of
  // why its same-story score stays low (0.07): The background prior (lib/text/background.ts) now lets
  // five articles weigh words as general news does, but what 001 and 004 share is the subject's
  // vocabulary (kremlin, expel, poison, invit: each in 0.5-5% of news articles, none under 1%) and
  // their evidence stays modest: terms 0.32, headline 0.20, lead 0.30, facts 0.39, no rare terms.
  // BASIL labels follow-ups on one subject weeks apart as different stories, with stronger
  // evidence than this (Clinton's emails, 26 days apart: terms 0.41, facts 0.42, lead 0.40):
  // refitting these weights with 004 as a heavily weighted positive puts it at 0.5 only with
  // BASIL's sameStory precision between 0.92 and 0.95. Counting shared rare terms by background
  // share (1% or 3%, with or without the pair's own articles) or a stronger prior (300 or 1,000
  // pseudo-articles) lifts 004 to 0.17 at most. Word vectors (GloVe 6B 100-d, the 30,000
  // commonest words) see the paraphrases but not a difference from BASIL's follow-ups: cosines of
  // IDF-weighted mean vectors (whole articles, headline + lead; the general-news direction
  // removed) put 004 at the 57th-71st percentile of BASIL's same-story pairs, yet 50-81
  // other-story pairs two weeks or more apart score as high; refitted with them, 004 stays at
  // 0.07-0.10 (0.16 with their weight forced to 12, BASIL precision 0.96). Covering one
  // article's lead with the other's words by vector (cosine 0.5-0.7) leaves 16-68 of those
  // pairs above 004 on both words and coverage.
  // 004 ranks right after the same-day coverage and far above unrelated text.
  test('004 (a follow-up a month later) ranks third, far above unrelated articles', () => {
    expect(result.stories[2]!.id).toBe(SEED_IDS.newYorker);
    // The same dates as 001, so time weighs the same: only the content differs.
    const unrelated = matchStories({ text: UNRELATED_TEXT, published: '2018-04-02' }, corpus);
    const unrelatedTo004 = unrelated.stories.find((s) => s.id === SEED_IDS.newYorker)?.score ?? 0;
    expect(result.stories[2]!.score).toBeGreaterThan(10 * unrelatedTo004);
  });

  test('the normalized page (000) is recognized as the NYT article too, shown in its readable version', () => {
    const fromNormalized = matchStories(record(SEED_IDS.nytNormalized), corpus);
    expect(fromNormalized.self?.id).toBe(SEED_IDS.nytReadable);
  });

  test('a page without a date that is a corpus article takes the corpus date (same scores as the dated page)', () => {
    const undated = matchStories({ text: record(SEED_IDS.nytReadable).text }, corpus);
    expect(undated.self?.id).toBe(SEED_IDS.nytReadable);
    expect(undated.query.day).toBe(corpus.publishedDay(corpus.indexOf(SEED_IDS.nytReadable)));
    expect(undated.stories).toEqual(result.stories);
    expect(undated.stories.find((s) => s.id === SEED_IDS.nbc)!.score).toBeGreaterThan(0.75);
  });

  test('a page without a date that is not in the corpus keeps an unknown date', () => {
    expect(matchStories({ text: UNRELATED_TEXT }, corpus).query.day).toBeNull();
  });

  test('a short excerpt of 001 is the NYT article', () => {
    const excerpt = record(SEED_IDS.nytReadable).text.split('\n').slice(0, 3).join('\n');
    expect(matchStories({ text: excerpt }, corpus).self?.id).toBe(SEED_IDS.nytReadable);
  });

  test('a long unrelated article matches nothing (a tiny corpus has no rare words to share)', () => {
    const unrelated = matchStories({ text: UNRELATED_TEXT }, corpus);
    expect(unrelated.self).toBeNull();
    expect(unrelated.stories.every((s) => !s.sameStory && s.score < 0.05)).toBe(true);
  });

  test('an unrelated article matches nothing', () => {
    const unrelated = matchStories(
      {
        title: 'Storm floods coastal towns',
        published: '2018-04-03',
        text: 'Heavy rain flooded three coastal towns in Brittany on Tuesday, and firefighters evacuated 200 residents. The regional prefect said the river rose two meters overnight.',
      },
      corpus,
    );
    expect(unrelated.self).toBeNull();
    expect(unrelated.stories.every((s) => !s.sameStory)).toBe(true);
  });

  test('the story field never influences a decision', () => {
    const relabeled = loadCorpus(serializeCorpus(compileCorpus(records.map((r, i) => ({ ...r, story: `story-${i}` })), { name: 'seeds' })));
    const queryWithStory: ArticleInput & { story: string } = { ...record(SEED_IDS.nytReadable), story: 'x' };
    const a = matchStories(queryWithStory, corpus);
    const b = matchStories(record(SEED_IDS.nytReadable), relabeled);
    expect(b.stories).toEqual(a.stories);
  });

  test('excluded ids are never returned', () => {
    const left = matchStories(record(SEED_IDS.nbc), corpus, { excludeIds: [SEED_IDS.nbc] });
    expect(left.self).toBeNull();
    expect(left.stories.map((s) => s.id)).not.toContain(SEED_IDS.nbc);
  });
});

describe('sameStoryProbability', () => {
  const base: StoryEvidence = { terms: 0.4, headline: 0.4, lead: 0.4, rareTerms: 5, facts: 0.4, containment: 0, queryInArticle: 0, daysApart: 0, leadCover: 0.4, termsOfBest: 0.8 };

  test.each([
    ['more shared terms', { terms: 0.8 }],
    ['a closer headline', { headline: 0.8 }],
    ['a closer lead', { lead: 0.8 }],
    ['more rare terms', { rareTerms: 20 }],
    ['more shared facts', { facts: 0.8 }],
    ['shared text', { containment: 0.9 }],
  ])('%s raises the probability', (_name, change) => {
    expect(sameStoryProbability({ ...base, ...change })).toBeGreaterThan(sameStoryProbability(base));
  });

  test('without dates, more of each lead told by the other raises the probability', () => {
    const undated = { ...base, daysApart: null };
    expect(sameStoryProbability({ ...undated, leadCover: 0.9 })).toBeGreaterThan(sameStoryProbability(undated));
  });

  // A page about another event of the same actors has a best candidate too: being the closest of
  // the corpus says nothing about being the same event (UNDATED_STORY_WEIGHTS.termsOfBest).
  test('without dates, being the closest candidate is not evidence of the same event', () => {
    const undated = { ...base, daysApart: null };
    expect(sameStoryProbability({ ...undated, termsOfBest: 1 })).toBe(sameStoryProbability({ ...undated, termsOfBest: 0.2 }));
  });

  test('time apart lowers it; an unknown time apart is weighed by the undated model', () => {
    const at = (daysApart: number | null) => sameStoryProbability({ ...base, daysApart });
    expect(at(30)).toBeLessThan(at(7));
    expect(at(7)).toBeLessThan(at(1));
    expect(at(null)).toBeCloseTo(sameStoryProbability({ ...base, daysApart: null }, UNDATED_STORY_WEIGHTS), 10);
    expect(weightsFor({ ...base, daysApart: null })).toBe(UNDATED_STORY_WEIGHTS);
    expect(weightsFor({ ...base, daysApart: 3 })).toBe(STORY_WEIGHTS);
  });

  // Weighed without building the vector: the same sum, term by term in EVIDENCE_NAMES order, to the last bit.
  test.each([
    ['dated', base],
    ['undated', { ...base, daysApart: null }],
    ['weeks apart, few rare terms', { ...base, daysApart: 23, rareTerms: 1, termsOfBest: 0.35 }],
  ])('is the logistic of the weighed evidenceVector (%s)', (_name, evidence) => {
    const w = weightsFor(evidence);
    const x = evidenceVector(evidence);
    let z = w.bias;
    EVIDENCE_NAMES.forEach((name, i) => (z += w[name] * x[i]!));
    expect(sameStoryProbability(evidence)).toBe(1 / (1 + Math.exp(-z)));
  });
});
