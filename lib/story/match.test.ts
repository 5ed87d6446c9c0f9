import { describe, expect, test } from 'vitest';
import type { ArticleInput } from '../result.ts';
import { compileCorpus } from '../corpus/compile.ts';
import { loadCorpus } from '../corpus/corpus.ts';
import { serializeCorpus } from '../corpus/format.ts';
import { SEED_IDS, seedRecords } from '../corpus/test-seeds.ts';
import { matchStories } from './match.ts';
import { sameStoryProbability, type StoryEvidence } from './score.ts';

const records = seedRecords();
const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'seeds' })));
const record = (id: string) => records.find((r) => r.id === id)!;

describe('story matching on the seeds', () => {
  const result = matchStories(record(SEED_IDS.nytReadable), corpus);

  test('001 is itself the NYT article, with 000 and 001 as its versions', () => {
    expect(result.self).toMatchObject({ id: SEED_IDS.nytReadable, outlet: 'The New York Times', versions: [SEED_IDS.nytReadable, SEED_IDS.nytNormalized] });
    expect(result.self!.containment).toBeGreaterThan(0.9);
  });

  test('002, 003 and 004 come back as the same story; the NYT versions are not listed again', () => {
    expect(result.stories.map((s) => s.id).sort()).toEqual([SEED_IDS.nbc, SEED_IDS.unverified, SEED_IDS.newYorker]);
    for (const story of result.stories) {
      expect(story.sameStory).toBe(true);
      expect(story.score).toBeGreaterThanOrEqual(0.5);
      expect(story.score).toBeLessThanOrEqual(1);
    }
    const scores = result.stories.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('the normalized page (000) is recognized as the NYT article too, shown in its readable version', () => {
    const fromNormalized = matchStories(record(SEED_IDS.nytNormalized), corpus);
    expect(fromNormalized.self?.id).toBe(SEED_IDS.nytReadable);
  });

  test('a short excerpt of 001 is the NYT article', () => {
    const excerpt = record(SEED_IDS.nytReadable).text.split('\n').slice(0, 3).join('\n');
    expect(matchStories({ text: excerpt }, corpus).self?.id).toBe(SEED_IDS.nytReadable);
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
  const base: StoryEvidence = { terms: 0.4, headline: 0.4, lead: 0.4, rareTerms: 5, facts: 0.4, containment: 0, queryInArticle: 0, daysApart: 0 };

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

  test('time apart lowers it; an unknown date counts as a week apart', () => {
    const at = (daysApart: number | null) => sameStoryProbability({ ...base, daysApart });
    expect(at(30)).toBeLessThan(at(7));
    expect(at(7)).toBeLessThan(at(1));
    expect(at(null)).toBeCloseTo(at(7), 10);
  });
});
