// Events told apart without dates: two events of the same actors (fixtures/two-events.ts).
import { describe, expect, test } from 'vitest';
import { compileCorpus } from '../corpus/compile.ts';
import { loadCorpus } from '../corpus/corpus.ts';
import { serializeCorpus } from '../corpus/format.ts';
import type { CorpusRecord } from '../corpus/schema.ts';
import { HELSINKI_PAGE, INVITATION, INVITATION_PAGE } from './fixtures/two-events.ts';
import { matchStories } from './match.ts';
import { latestNamedDay } from './named-dates.ts';

const compile = (records: CorpusRecord[]) => loadCorpus(serializeCorpus(compileCorpus(records, { name: 'two-events' })));
const undated = (r: CorpusRecord): CorpusRecord => {
  const { published: _dropped, ...rest } = r;
  return rest;
};

describe('an undated page against dated coverage of another event of the same actors', () => {
  const corpus = compile(INVITATION);

  test('the page names July 16, 2018: at least 105 days after the April coverage, not the same event', () => {
    const result = matchStories(HELSINKI_PAGE, corpus);
    expect(result.query.day).toBeNull();
    expect(result.stories.length).toBeGreaterThan(0);
    expect(result.stories.every((s) => !s.sameStory && s.relation !== 'same-event')).toBe(true);
    // The shown daysApart stays null (no publication date); the evidence has the lower bound.
    expect(result.stories.every((s) => s.daysApart === null)).toBe(true);
    expect(result.scored.every((s) => (s.evidence.daysApart ?? 0) >= 104)).toBe(true);
  });

  test('an undated account of the invitation itself is the same event', () => {
    const result = matchStories(INVITATION_PAGE, corpus);
    expect(result.stories.filter((s) => s.sameStory).map((s) => s.id).sort()).toEqual(['inv-daily', 'inv-review', 'inv-wire']);
  });
});

describe('no dates anywhere: what the texts say decides', () => {
  const corpus = compile(INVITATION.map(undated));

  test('another outlet\u2019s account of the invitation is the same event as all three', () => {
    const result = matchStories(INVITATION_PAGE, corpus);
    expect(result.stories.filter((s) => s.sameStory)).toHaveLength(3);
  });

  test('the corpus articles find each other', () => {
    const result = matchStories(undated(INVITATION[0]!), corpus, { excludeIds: ['inv-wire'] });
    expect(result.stories.filter((s) => s.sameStory).map((s) => s.id).sort()).toEqual(['inv-daily', 'inv-review']);
  });
});

describe('latestNamedDay', () => {
  test('days and months with their year count; a year alone does not', () => {
    const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    expect(latestNamedDay(['d:2018-03-20', 'd:2018-07-16', 'n:putin'])).toBe(day('2018-07-16'));
    expect(latestNamedDay(['d:2018-03-20', 'd:2018-09'])).toBe(day('2018-09-01'));
    expect(latestNamedDay(['d:2030', 'd:03-20'])).toBeNull();
  });
});
