import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { compileCorpus } from '../corpus/compile.ts';
import { loadCorpus } from '../corpus/corpus.ts';
import { serializeCorpus } from '../corpus/format.ts';
import { SEED_IDS, seedRecords } from '../corpus/test-seeds.ts';
import { matchStories } from './match.ts';
import { assignRelations, MAX_RELATED } from './relation.ts';
import type { StoryEvidence } from './score.ts';

const records = seedRecords();
const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'seeds' })));
const record = (id: string) => records.find((r) => r.id === id)!;
const relationOf = (from: string, to: string) => matchStories(record(from), corpus).stories.find((s) => s.id === to);

describe('relations on the seeds', () => {
  test.each([
    [SEED_IDS.nytReadable, SEED_IDS.nbc],
    [SEED_IDS.nytReadable, SEED_IDS.unverified],
    [SEED_IDS.nbc, SEED_IDS.nytReadable],
    [SEED_IDS.nbc, SEED_IDS.unverified],
    [SEED_IDS.unverified, SEED_IDS.nytReadable],
    [SEED_IDS.unverified, SEED_IDS.nbc],
  ])('%s and %s are the same event, the same day', (from, to) => {
    expect(relationOf(from, to)).toMatchObject({ relation: 'same-event', sameStory: true, daysApart: 0 });
  });

  test('000 is the version of 001: it is 001 itself, never a story of 001', () => {
    const fromNormalized = matchStories(record(SEED_IDS.nytNormalized), corpus);
    expect(fromNormalized.self?.id).toBe(SEED_IDS.nytReadable);
    expect(matchStories(record(SEED_IDS.nytReadable), corpus).stories.map((s) => s.id)).not.toContain(SEED_IDS.nytNormalized);
  });

  test.each([SEED_IDS.nytReadable, SEED_IDS.nbc, SEED_IDS.unverified])('004 is related to %s, 32 days later', (from) => {
    expect(relationOf(from, SEED_IDS.newYorker)).toMatchObject({ relation: 'related', sameStory: false, daysApart: 32 });
    expect(relationOf(SEED_IDS.newYorker, from)).toMatchObject({ relation: 'related', sameStory: false, daysApart: -32 });
  });

  test('nothing is the same event as 004 but its own versions', () => {
    const from004 = matchStories(record(SEED_IDS.newYorker), corpus);
    expect(from004.self?.id).toBe(SEED_IDS.newYorker);
    expect(from004.stories.filter((s) => s.sameStory)).toEqual([]);
    expect(from004.stories.every((s) => s.sameStory === (s.relation === 'same-event'))).toBe(true);
  });

  test('001 and 004 share at least two facts: the invitation to Washington during the call, and the sixty / 60 expelled diplomats', () => {
    const result = analyze(record(SEED_IDS.nytReadable), corpus);
    const related = result.related.find((r) => r.id === SEED_IDS.newYorker)!;
    expect(related).toMatchObject({ outlet: 'The New Yorker', daysApart: 32, published: '2018-05-04' });
    expect(related.facts.length).toBeGreaterThanOrEqual(2);
    const pairs = related.facts.flatMap((f) => f.passages.map((p) => ({ mine: f.sentence.text, theirs: p.text })));
    expect(pairs.some((p) => /White House/.test(p.mine) && /call/.test(p.mine) && /invitation/.test(p.theirs))).toBe(true);
    expect(pairs.some((p) => /\b60 diplomats/.test(p.mine) && /sixty expelled diplomats/.test(p.theirs))).toBe(true);
    // Seen from 004: the same two facts, 32 days earlier.
    const back = analyze(record(SEED_IDS.newYorker), corpus).related.find((r) => r.id === SEED_IDS.nytReadable)!;
    expect(back.daysApart).toBe(-32);
    expect(back.facts.length).toBeGreaterThanOrEqual(2);
  });

  test('related facts stay apart: 004 is never a source of same-event facts, omissions or conflicts', () => {
    const result = analyze(record(SEED_IDS.nytReadable), corpus);
    const ids = [
      ...result.facts.flatMap((f) => f.passages.map((p) => p.articleId)),
      ...result.omissions.flatMap((o) => o.reportedBy.map((r) => r.articleId)),
      ...result.conflicts.map((c) => c.articleId),
      ...result.coverage.outlets.map((o) => o.articleId),
    ];
    expect(ids).not.toContain(SEED_IDS.newYorker);
    expect(result.related.map((r) => r.id)).toEqual([SEED_IDS.newYorker]);
  });
});

describe('assignRelations', () => {
  const evidence = (over: Partial<StoryEvidence>): StoryEvidence => ({
    terms: 0.35,
    headline: 0.3,
    lead: 0.3,
    rareTerms: 3,
    facts: 0.35,
    containment: 0,
    queryInArticle: 0,
    daysApart: 30,
    leadCover: 0.4,
    termsOfBest: 0.8,
    ...over,
  });

  test('same event at 0.5 and above; related needs shared specifics; at most MAX_RELATED', () => {
    const candidates = [
      { score: 0.9, evidence: evidence({ daysApart: 0 }) },
      ...Array.from({ length: MAX_RELATED + 2 }, () => ({ score: 0.1, evidence: evidence({}) })),
      { score: 0.1, evidence: evidence({ facts: 0 }) },
    ];
    const relations = assignRelations(candidates);
    expect(relations[0]).toBe('same-event');
    expect(relations.filter((r) => r === 'related')).toHaveLength(MAX_RELATED);
    expect(relations.at(-1)).toBeNull();
  });

  test('the subject\u2019s vocabulary without its facts is not related', () => {
    expect(assignRelations([{ score: 0.1, evidence: evidence({ facts: 0.02, rareTerms: 0 }) }])).toEqual([null]);
  });
});
