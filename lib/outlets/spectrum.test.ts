import { describe, expect, test } from 'vitest';
import { coverageSpectrum } from './spectrum';

describe('coverageSpectrum', () => {
  test('counts outlets (not articles) by AllSides side and names the missing side', () => {
    const s = coverageSpectrum([
      { outlet: 'The New York Times', url: null },
      { outlet: 'The New York Times', url: 'https://www.nytimes.com/2018/04/02/world/europe/x.html' },
      { outlet: 'NBC News', url: 'https://www.nbcnews.com/news/amp/ncna861966' },
      { outlet: 'The New Yorker', url: null },
      { outlet: 'Reuters', url: 'https://www.reuters.com/article/x' },
      { outlet: 'Harbor Gazette', url: 'http://127.0.0.1:9/a' },
      { outlet: null, url: null },
    ]);
    expect(s.left.map((o) => [o.name, o.lean])).toEqual([['The New York Times', 'lean-left'], ['NBC News', 'lean-left'], ['The New Yorker', 'left']]);
    expect(s.center.map((o) => o.name)).toEqual(['Reuters']);
    expect(s.right).toEqual([]);
    expect(s.unrated.map((o) => o.name)).toEqual(['Harbor Gazette', 'Unnamed outlet']);
    expect(s.missing).toEqual(['right']);
  });

  test('a site rated only by address is found by address; nothing is missing when nothing is rated', () => {
    expect(coverageSpectrum([{ outlet: 'FOX', url: 'https://www.foxnews.com/a' }]).right.map((o) => o.name)).toEqual(['Fox News']);
    const none = coverageSpectrum([{ outlet: 'TASS', url: 'https://tass.com/a' }, { outlet: 'Le Monde', url: null }]);
    expect(none.unrated.map((o) => o.name)).toEqual(['TASS', 'Le Monde']);
    expect(none.missing).toEqual([]);
    expect(coverageSpectrum([]).missing).toEqual([]);
  });
});
