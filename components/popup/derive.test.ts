import { describe, expect, test } from 'vitest';
import { coveringArticles, hasCoverage, passageFor, storyHeader } from './derive';
import { formatDate, formatDateRange } from './labels';
import { createSearcher, itemKey, searchItems } from './search';
import { comparisonJson, comparisonMarkdown, diffToText, exportFileName } from './export';
import { SAMPLE_RESULT } from './test-fixture';

describe('coveringArticles', () => {
  test('same-story articles, minus this article and its versions, with shared/adds/conflicts', () => {
    expect(coveringArticles(SAMPLE_RESULT).map((c) => [c.articleId, c.outlet, c.shared, c.adds, c.conflicts])).toEqual([
      ['seed-002', 'NBC News', 1, 1, 0],
      ['seed-003', 'Unnamed outlet', 1, 1, 1],
    ]);
  });

  test('related coverage (a follow-up, earlier background) is never counted as covering the story', () => {
    // seed-004 is in `stories` as related and in `related` with facts of its own: neither adds it.
    expect(coveringArticles(SAMPLE_RESULT).map((c) => c.articleId)).not.toContain('seed-004');
    expect(coveringArticles(SAMPLE_RESULT).map((c) => c.articleId)).not.toContain('other-7');
    expect(hasCoverage({ ...SAMPLE_RESULT, stories: SAMPLE_RESULT.stories.filter((s) => !s.sameStory), facts: [] })).toBe(false);
  });

  test('lists what each outlet adds in its own words', () => {
    const [nbc, unnamed] = coveringArticles(SAMPLE_RESULT);
    expect(nbc!.added).toEqual(['Trump congratulated the Russian president on his recent re-election victory.']);
    expect(unnamed!.added).toEqual(['Trump controversially congratulated the Russian leader on his recent re-election.']);
  });

  test('an article known only through an aligned passage is listed too', () => {
    const result = { ...SAMPLE_RESULT, stories: [] };
    expect(coveringArticles(result).map((c) => c.articleId)).toEqual(['seed-002', 'seed-003']);
  });

  test('no coverage', () => {
    expect(hasCoverage({ ...SAMPLE_RESULT, stories: [], facts: [] })).toBe(false);
    expect(hasCoverage(SAMPLE_RESULT)).toBe(true);
  });
});

describe('storyHeader', () => {
  test('names this article from the corpus match and counts the others', () => {
    expect(storyHeader(SAMPLE_RESULT, { title: 'Page title', url: 'http://x/' })).toEqual({
      title: 'Russia Sends Hasty R.S.V.P. to Trump’s Invitation',
      outlet: 'The New York Times',
      selfId: 'seed-001',
      outlets: 2,
      articles: 2,
      firstPublished: '2018-04-02',
      lastPublished: '2018-04-02',
    });
  });

  test('falls back to the page when the page is not a corpus article', () => {
    const header = storyHeader({ ...SAMPLE_RESULT, self: null }, { title: 'Page title', outlet: 'Daily' });
    expect([header.title, header.outlet, header.selfId]).toEqual(['Page title', 'Daily', null]);
  });
});

test('passageFor finds the outlet version behind a grid cell', () => {
  expect(passageFor(SAMPLE_RESULT, 6, 'seed-002')?.text).toMatch(/Dmitry Peskov/);
  expect(passageFor(SAMPLE_RESULT, 6, 'seed-003')).toBeNull();
});

describe('dates', () => {
  test.each([
    ['2018-04-02', '2 Apr 2018'],
    ['nonsense', 'nonsense'],
  ])('formatDate %s', (iso, out) => expect(formatDate(iso)).toBe(out));
  test.each([
    [null, null, null],
    ['2018-04-02', '2018-04-02', '2 Apr 2018'],
    ['2018-04-02', '2018-05-04', '2 Apr – 4 May 2018'],
    ['2018-12-30', '2019-01-02', '30 Dec 2018 – 2 Jan 2019'],
    [null, '2019-01-02', '2 Jan 2019'],
  ])('formatDateRange %s %s', (a, b, out) => expect(formatDateRange(a, b)).toBe(out));
});

describe('search', () => {
  const searcher = createSearcher(searchItems(SAMPLE_RESULT));
  test.each([
    ['', null],
    ['   ', null],
    ['Peskov', [itemKey.fact(6)]],
    ['Dmitry Peskov', [itemKey.fact(6)]],
    ['reelection', [itemKey.omission(0)]],
    ['congratulatd', [itemKey.omission(0)]],
    ['Kennebunkport', [itemKey.unique(9)]],
    ['New Yorker', [itemKey.related('seed-004')]],
    ['consulate Seattle', [itemKey.related('other-7')]],
    // The related articles report that fact too, in their own words.
    ['diplomats expelled', [itemKey.fact(4), itemKey.related('seed-004'), itemKey.related('other-7')]],
    ['zebra', []],
  ])('%j', (query, keys) => {
    const found = searcher.search(query);
    if (keys === null) expect(found).toBeNull();
    else expect([...found!].sort()).toEqual([...keys].sort());
  });
});

describe('export', () => {
  const at = new Date('2026-01-02T03:04:05Z');
  test('Markdown names every section, outlet, diff and label in words', () => {
    const md = comparisonMarkdown(SAMPLE_RESULT, { url: 'https://www.nytimes.com/x' }, at);
    expect(md).toMatch(/^# Parallax comparison: Russia Sends Hasty R\.S\.V\.P\. to Trump’s Invitation\n/);
    expect(md).toContain('Covered by 2 other outlets (2 articles), 2 Apr 2018.');
    expect(md).toContain('| NBC News | [Possible Trump-Putin meeting could take place at the White House](<https://www.nbcnews.com/news/amp/ncna861966>) | 1 | 1 | 0 |');
    expect(md).toContain('1. **Conflict.** “The idea of a personal get-together');
    expect(md).toContain('{+Dmitry+}');
    expect(md).toContain('[-Dmitri S.-]');
    expect(md).toContain('     - Numbers differ: The counts of expelled diplomats differ');
    expect(md).toContain('- “Trump congratulated the Russian president on his recent re-election victory.” — NBC News, Unnamed outlet');
    expect(md).toContain('## Only in this article (1)\n\n- “Mr. Putin visited the Bush family compound in Kennebunkport, Me., in 2007.”');
    expect(md).toContain('## Earlier and later coverage (2)\n\n- **Reuters**, 7 days earlier (26 Mar 2018): [U.S. expels 60 Russian diplomats');
    expect(md).toContain('- **The New Yorker**, 32 days later (4 May 2018): Trump’s pursuit of an Oval Office meeting with Putin. Shares 2 facts with this article:');
    expect(md).toContain('  - “The Kremlin foreign policy adviser, Yuri Ushakov, said in Moscow');
    expect(md).toContain('— The New Yorker: “Trump signed off, but then exploded on Monday, when the American tally of sixty expelled diplomats became public.”');
    // Related articles stay out of the same-story table.
    expect(md).not.toMatch(/\| The New Yorker \|/);
  });

  test('Markdown from hostile titles, URLs and sentences: text escaped, no raw HTML, only http(s) links live', () => {
    const [nbc, unnamed, yorker, ...rest] = SAMPLE_RESULT.stories;
    const [fact] = SAMPLE_RESULT.facts;
    const hostile = {
      ...SAMPLE_RESULT,
      self: { ...SAMPLE_RESULT.self!, title: 'Title <script>alert(0)</script> *bold* [x](javascript:alert(0))' },
      stories: [
        { ...nbc!, title: '<img src=x onerror=alert(1)>', url: 'https://x/a) [click](javascript:alert(1))' },
        { ...unnamed!, outlet: 'Out|let <b>', title: 'Plain', url: 'javascript:alert(2)' },
        { ...yorker!, url: 'data:text/html,<script>alert(3)</script>' },
        ...rest,
      ],
      facts: [{ ...fact!, passages: fact!.passages.map((p) => ({ ...p, text: 'See [here](javascript:alert(4)) and <iframe src=//x>\n\n# heading', diff: [{ value: '<img src=y onerror=alert(5)>', added: true }] })) }],
      related: SAMPLE_RESULT.related.map((r) => ({ ...r, outlet: '**Wire** <u>', title: '<img src=z onerror=alert(7)>', url: 'javascript:alert(7)' })),
    };
    const md = comparisonMarkdown(hostile, { url: 'javascript:alert(6)' }, at);
    // No raw HTML: every < that could open a tag is escaped.
    expect(md).not.toMatch(/(^|[^\\])<(img|script|iframe|b|u)\b/i);
    // Every live link (an unescaped "](") has an http(s) destination in <...>.
    const destinations = [...md.matchAll(/(?<!\\)\]\(([^\n]*?)\)(?=\s|\||$)/gm)].map((m) => m[1]);
    expect(destinations).toEqual(['<https://x/a)%20[click](javascript:alert(1))>']);
    expect(md).toContain('| NBC News | [\\<img src=x onerror=alert(1)\\>](<https://x/a)%20[click](javascript:alert(1))>) |');
    expect(md).toContain('| Out\\|let \\<b\\> | Plain (javascript:alert(2)) |');
    expect(md).not.toMatch(/<(javascript|data):/);
    expect(md).toContain('- **\\*\\*Wire\\*\\* \\<u\\>**, ');
    expect(md).toContain(': \\<img src=z onerror=alert(7)\\> (javascript:alert(7))');
    expect(md).toContain('“See \\[here\\](javascript:alert(4)) and \\<iframe src=//x\\> # heading”');
    expect(md).toContain('{+\\<img src=y onerror=alert(5)\\>+}');
    expect(md).toMatch(/^# Parallax comparison: Title \\<script\\>alert\(0\)\\<\/script\\> \\\*bold\\\* \\\[x\\\]\(javascript:alert\(0\)\)\n/);
  });

  test('JSON carries the whole result', () => {
    const parsed = JSON.parse(comparisonJson(SAMPLE_RESULT, { title: 'T' }, at));
    expect(parsed).toEqual({ generator: 'Parallax', generatedAt: '2026-01-02T03:04:05.000Z', article: { title: 'T' }, result: SAMPLE_RESULT });
  });

  test('diffToText', () => {
    expect(diffToText([{ value: 'a ' }, { value: 'b', removed: true }, { value: 'c', added: true }, { value: ' d' }])).toBe('a [-b-] {+c+} d');
  });

  test.each([
    ['Russia Sends Hasty R.S.V.P. to Trump’s Invitation', 'md', 'parallax-russia-sends-hasty-r-s-v-p-to-trump-s-invitation.md'],
    ['Élysée: ¡Sí!', 'json', 'parallax-elysee-si.json'],
    [null, 'md', 'parallax-comparison.md'],
    ['???', 'md', 'parallax-comparison.md'],
  ] as const)('exportFileName(%j)', (title, ext, name) => expect(exportFileName(title, ext)).toBe(name));
});
