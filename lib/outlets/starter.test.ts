import { describe, expect, test } from 'vitest';
import { DIRECTORY } from './directory';
import { chosenFeeds, followableOutlets, regionOf, starterSelection } from './starter';

describe('starter selection', () => {
  const byId = new Map(DIRECTORY.outlets.map((o) => [o.id, o]));
  const starter = starterSelection().map((id) => byId.get(id)!);

  test('about 30 outlets, left and right weighing the same, a third from outside the US', () => {
    expect(starter.length).toBeGreaterThanOrEqual(25);
    expect(starter.length).toBeLessThanOrEqual(35);
    const side = (r?: string) => (r === 'left' || r === 'lean-left' ? 'left' : r === 'right' || r === 'lean-right' ? 'right' : r ? 'center' : 'unrated');
    const count = (s: string) => starter.filter((o) => side(o.lean?.rating) === s).length;
    expect(count('left')).toBe(count('right'));
    expect(count('center')).toBeGreaterThanOrEqual(4);
    expect(starter.filter((o) => o.country !== 'US').length).toBeGreaterThanOrEqual(starter.length / 3);
    expect(new Set(starter.map((o) => o.country)).size).toBeGreaterThanOrEqual(8);
    expect(starter.every((o) => o.feeds.length > 0)).toBe(true);
  });

  test('one feed per chosen outlet, named after it; outlets without feeds cannot be chosen', () => {
    expect(chosenFeeds(['tass', 'nbc', 'ap', 'nope'])).toEqual([
      { url: 'https://tass.com/rss/v2.xml', title: 'TASS' },
      { url: 'https://feeds.nbcnews.com/nbcnews/public/news', title: 'NBC News' },
    ]);
    expect(followableOutlets().some((o) => o.id === 'ap')).toBe(false);
  });
});

describe('regionOf', () => {
  test('wire services together, the rest by country', () => {
    const byId = new Map(DIRECTORY.outlets.map((o) => [o.id, o]));
    expect(['tass', 'nyt', 'lemonde', 'aljazeera', 'scmp', 'folha', 'cbc', 'abc-au'].map((id) => regionOf(byId.get(id)!))).toEqual([
      'wire', 'us', 'europe', 'middle-east-africa', 'asia-pacific', 'americas', 'americas', 'asia-pacific',
    ]);
  });
});
