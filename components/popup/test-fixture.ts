// A small hand-made result in the engine's shape, for the popup's unit tests only (never shipped:
// the extension renders what the engine returns). Texts are quoted from the seed articles, except
// the earlier Reuters article, made up to put one related article before this one in time.
import type { AnalysisResult } from '@/lib/result';

export const SAMPLE_RESULT: AnalysisResult = {
  self: { id: 'seed-001', containment: 1, versions: ['seed-001', 'seed-000'], outlet: 'The New York Times', title: 'Russia Sends Hasty R.S.V.P. to Trump’s Invitation' },
  stories: [
    { id: 'seed-002', outlet: 'NBC News', title: 'Possible Trump-Putin meeting could take place at the White House', url: 'https://www.nbcnews.com/news/amp/ncna861966', published: '2018-04-02', score: 0.81, sameStory: true, relation: 'same-event', daysApart: 0 },
    { id: 'seed-003', outlet: null, title: null, url: null, published: '2018-04-02', score: 0.77, sameStory: true, relation: 'same-event', daysApart: 0 },
    { id: 'seed-004', outlet: 'The New Yorker', title: 'Trump’s pursuit of an Oval Office meeting with Putin', url: null, published: '2018-05-04', score: 0.52, sameStory: false, relation: 'related', daysApart: 32 },
    { id: 'other-9', outlet: 'BBC', title: 'Unrelated', url: null, published: '2018-01-01', score: 0.05, sameStory: false, relation: null, daysApart: -91 },
  ],
  sentences: [
    { index: 4, start: 900, end: 1100, text: 'The idea of a personal get-together between the two presidents after each of them expelled 60 diplomats and closed consulates underscored the volatile nature of the Russian-American relationship these days.' },
    { index: 6, start: 1300, end: 1420, text: 'Within hours of Mr. Ushakov’s comment, the Kremlin spokesman, Dmitri S. Peskov, discounted it, saying the president’s adviser was not correct.' },
    { index: 9, start: 2000, end: 2100, text: 'Mr. Putin visited the Bush family compound in Kennebunkport, Me., in 2007.' },
  ],
  facts: [
    {
      sentence: { index: 4, start: 900, end: 1100, text: 'The idea of a personal get-together between the two presidents after each of them expelled 60 diplomats and closed consulates underscored the volatile nature of the Russian-American relationship these days.' },
      conflict: true,
      passages: [
        {
          articleId: 'seed-003', outlet: null, sentenceIndex: 18, start: 0, end: 80,
          text: 'Last month, the Trump administration expelled 60 Russian diplomats.',
          score: 0.71, sameFact: true, reasons: ['numbers', 'words'],
          diff: [{ value: 'The idea of a personal get-together between the two presidents after each of them', removed: true }, { value: 'Last month, the Trump administration', added: true }, { value: ' expelled 60 ' }, { value: 'Russian ', added: true }, { value: 'diplomats' }],
          labels: [{ kind: 'number', side: 'both', thisText: '60 diplomats', otherText: 'more than 150 Russian diplomats', note: 'The counts of expelled diplomats differ' }],
        },
      ],
    },
    {
      sentence: { index: 6, start: 1300, end: 1420, text: 'Within hours of Mr. Ushakov’s comment, the Kremlin spokesman, Dmitri S. Peskov, discounted it, saying the president’s adviser was not correct.' },
      conflict: false,
      passages: [
        {
          articleId: 'seed-002', outlet: 'NBC News', sentenceIndex: 12, start: 0, end: 90,
          text: 'Kremlin spokesman Dmitry Peskov later said Ushakov was not correct.',
          score: 0.66, sameFact: true, reasons: ['names'],
          diff: [{ value: 'Within hours of Mr. Ushakov’s comment, the', removed: true }, { value: ' Kremlin spokesman ' }, { value: 'Dmitri S.', removed: true }, { value: 'Dmitry', added: true }, { value: ' Peskov ' }, { value: 'discounted it, saying', removed: true }, { value: 'later said', added: true }, { value: ' was not correct.' }],
          labels: [{ kind: 'attribution', side: 'both', thisText: 'discounted', otherText: 'said', note: 'The New York Times says Peskov “discounted” it; NBC News says he “said”' }],
        },
      ],
    },
  ],
  omissions: [
    {
      text: 'Trump congratulated the Russian president on his recent re-election victory.',
      articleId: 'seed-002', outlet: 'NBC News', sentenceIndex: 14, outletCount: 2,
      reportedBy: [
        { articleId: 'seed-002', outlet: 'NBC News', sentenceIndex: 14, text: 'Trump congratulated the Russian president on his recent re-election victory.' },
        { articleId: 'seed-003', outlet: null, sentenceIndex: 14, text: 'Trump controversially congratulated the Russian leader on his recent re-election.' },
      ],
    },
  ],
  unique: [{ index: 9, start: 2000, end: 2100, text: 'Mr. Putin visited the Bush family compound in Kennebunkport, Me., in 2007.' }],
  conflicts: [{ kind: 'number', sentenceIndex: 4, thisValue: '60', otherValue: '150', articleId: 'seed-003', outlet: null }],
  // A follow-up, 32 days later: its facts are kept apart from the same-event `facts` above.
  related: [
    {
      id: 'seed-004', outlet: 'The New Yorker', title: 'Trump’s pursuit of an Oval Office meeting with Putin', url: null, published: '2018-05-04', daysApart: 32, score: 0.52,
      facts: [
        {
          sentence: { index: 4, start: 900, end: 1100, text: 'The idea of a personal get-together between the two presidents after each of them expelled 60 diplomats and closed consulates underscored the volatile nature of the Russian-American relationship these days.' },
          conflict: false,
          passages: [
            {
              articleId: 'seed-004', outlet: 'The New Yorker', sentenceIndex: 21, start: 0, end: 200,
              text: 'Trump signed off, but then exploded on Monday, when the American tally of sixty expelled diplomats became public.',
              score: 0.48, sameFact: true, reasons: ['numbers'], diff: [], labels: [],
            },
          ],
        },
        {
          sentence: { index: 1, start: 360, end: 560, text: 'The Kremlin foreign policy adviser, Yuri Ushakov, said in Moscow that Mr. Trump, in a telephone call with Mr. Putin on March 20, proposed that the two leaders meet at the White House in the near future.' },
          conflict: false,
          passages: [
            {
              articleId: 'seed-004', outlet: 'The New Yorker', sentenceIndex: 9, start: 0, end: 180,
              text: 'Trump and Putin had spoken for forty-one minutes, in a friendly and even joking tone, “and, at the end, there was the invitation to come to Washington.”',
              score: 0.44, sameFact: true, reasons: ['names', 'words'], diff: [], labels: [],
            },
          ],
        },
      ],
    },
    {
      id: 'other-7', outlet: 'Reuters', title: 'U.S. expels 60 Russian diplomats over nerve agent attack', url: 'https://example.org/reuters-expulsions', published: '2018-03-26', daysApart: -7, score: 0.4,
      facts: [
        {
          sentence: { index: 4, start: 900, end: 1100, text: 'The idea of a personal get-together between the two presidents after each of them expelled 60 diplomats and closed consulates underscored the volatile nature of the Russian-American relationship these days.' },
          conflict: false,
          passages: [
            {
              articleId: 'other-7', outlet: 'Reuters', sentenceIndex: 0, start: 0, end: 90,
              text: 'The United States ordered 60 Russian diplomats out of the country and closed the consulate in Seattle.',
              score: 0.5, sameFact: true, reasons: ['numbers'], diff: [], labels: [],
            },
          ],
        },
      ],
    },
  ],
  coverage: {
    outlets: [
      { articleId: 'seed-002', outlet: 'NBC News', title: 'Possible Trump-Putin meeting could take place at the White House' },
      { articleId: 'seed-003', outlet: null, title: null },
    ],
    rows: [
      { sentenceIndex: 4, text: 'The idea of a personal get-together…', cells: [null, 0.71] },
      { sentenceIndex: 6, text: 'Within hours of Mr. Ushakov’s comment…', cells: [0.66, null] },
    ],
  },
  corpus: { name: 'seeds', articles: 5, outlets: 3, firstPublished: '2018-04-02', lastPublished: '2018-05-04' },
};
