import { describe, expect, test } from 'vitest';
import type { RelatedCoverage } from '@/lib/result';
import { relatedTimeline } from './timeline';
import { SAMPLE_RESULT } from './test-fixture';

const related = (id: string, published: string | null, daysApart: number | null, score = 0.5): RelatedCoverage => ({
  id, outlet: `Outlet ${id}`, title: `Title ${id}`, url: null, published, daysApart, score, facts: [],
});

describe('relatedTimeline', () => {
  test('the seed follow-up: The New Yorker 32 days later, with the facts it shares in this article’s order', () => {
    const timeline = relatedTimeline(SAMPLE_RESULT);
    expect(timeline.groups.map((g) => [g.id, g.entries.map((e) => [e.outlet, e.relative, e.date])])).toEqual([
      ['earlier', [['Reuters', '7 days earlier', '26 Mar 2018']]],
      ['later', [['The New Yorker', '32 days later', '4 May 2018']]],
    ]);
    // This article's date, worked out from the related articles' dates and distances.
    expect(timeline.thisDate).toBe('2018-04-02');
    expect(timeline.placed).toBe(true);
    const newYorker = timeline.groups[1]!.entries[0]!;
    expect(newYorker.facts.map((f) => f.sentenceIndex)).toEqual([1, 4]);
    expect(newYorker.facts[0]!.text).toMatch(/^The Kremlin foreign policy adviser/);
    expect(newYorker.facts[0]!.theirs).toMatch(/there was the invitation to come to Washington/);
    expect(newYorker.facts[1]!.theirs).toMatch(/sixty expelled diplomats/);
  });

  test('sorted in time: earlier ones first, the same day, later ones, then those without a distance', () => {
    const timeline = relatedTimeline({
      related: [
        related('late', '2018-06-01', 60),
        related('undated', null, null),
        related('early', '2018-01-01', -91),
        related('same', '2018-04-02', 0),
        related('soon', '2018-04-05', 3),
        related('before', '2018-03-30', -3),
      ],
    });
    expect(timeline.groups.map((g) => [g.id, g.heading, g.entries.map((e) => `${e.articleId}: ${e.relative}`)])).toEqual([
      ['earlier', 'Earlier', ['early: 91 days earlier', 'before: 3 days earlier']],
      ['same-day', 'The same day', ['same: the same day']],
      ['later', 'Later', ['soon: 3 days later', 'late: 60 days later']],
      ['unplaced', 'Undated', ['undated: undated']],
    ]);
  });

  test('an undated page: related articles in date order, each with its own date and no distance', () => {
    const timeline = relatedTimeline({ related: [related('b', '2018-05-04', null), related('none', null, null, 0.9), related('a', '2018-03-01', null)] });
    expect(timeline.placed).toBe(false);
    expect(timeline.thisDate).toBeNull();
    expect(timeline.groups).toHaveLength(1);
    expect(timeline.groups[0]!.heading).toBe('Not placed in time (this article has no date)');
    expect(timeline.groups[0]!.entries.map((e) => [e.articleId, e.relative, e.date])).toEqual([
      ['a', null, '1 Mar 2018'],
      ['b', null, '4 May 2018'],
      ['none', 'undated', null],
    ]);
  });

  test('ties in time go to the closer match first; no related coverage, no groups', () => {
    const timeline = relatedTimeline({ related: [related('weak', '2018-05-04', 32, 0.2), related('strong', '2018-05-04', 32, 0.8)] });
    expect(timeline.groups[0]!.entries.map((e) => e.articleId)).toEqual(['strong', 'weak']);
    expect(relatedTimeline({ related: [] })).toEqual({ groups: [], thisDate: null, placed: false });
  });
});
