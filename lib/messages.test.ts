import { describe, expect, test } from 'vitest';
import { parseMessage, parseTabReport } from './messages';
import type { AnalysisResult } from './result';

describe('parseMessage', () => {
  test.each([
    [{ type: 'status' }, { type: 'status' }],
    [{ type: 'get-tab-result', tabId: 3 }, { type: 'get-tab-result', tabId: 3 }],
    [{ type: 'reveal-sentence', sentenceIndex: 0 }, { type: 'reveal-sentence', sentenceIndex: 0 }],
    [{ type: 'analyze-page', extra: 1 }, { type: 'analyze-page' }],
    [{ type: 'corpora-changed' }, { type: 'corpora-changed' }],
    [{ type: 'feeds-refresh', extra: 1 }, { type: 'feeds-refresh' }],
    [{ type: 'analyze-html', url: 'http://a/', html: '<p>x</p>', extra: 1 }, { type: 'analyze-html', url: 'http://a/', html: '<p>x</p>' }],
    [{ type: 'tab-state', url: 'http://a/', report: { state: 'no-article' } }, { type: 'tab-state', url: 'http://a/', report: { state: 'no-article' } }],
    [{ type: 'next-shared-fact' }, { type: 'next-shared-fact' }],
    [
      { type: 'analyze', article: { text: 'A.', title: 'T', extra: 1 } },
      { type: 'analyze', article: { text: 'A.', title: 'T' } },
    ],
  ])('accepts %j', (input, expected) => {
    expect(parseMessage(input)).toEqual(expected);
  });

  test.each([
    [null],
    ['status'],
    [{}],
    [{ type: 'unknown' }],
    [{ type: 'get-tab-result', tabId: '3' }],
    [{ type: 'get-tab-result', tabId: 1.5 }],
    [{ type: 'reveal-sentence', sentenceIndex: -1 }],
    [{ type: 'analyze' }],
    [{ type: 'analyze', article: { text: 42 } }],
    [{ type: 'analyze', article: { text: 'x', url: 5 } }],
    [{ type: 'analyze', article: { text: 'x'.repeat(2_000_001) } }],
    [{ type: 'analyze-html', url: 'http://a/' }],
    [{ type: 'analyze-html', url: 5, html: '' }],
    [{ type: 'analyze-html', url: 'http://a/', html: 'x'.repeat(12_000_001) }],
    [{ type: 'tab-state', url: 'http://a/', report: { state: 'bogus' } }],
    [{ type: 'tab-state', report: { state: 'no-article' } }],
  ])('rejects %j', (input) => {
    expect(parseMessage(input)).toBeNull();
  });
});

describe('parseTabReport', () => {
  const result: AnalysisResult = {
    self: null,
    stories: [],
    sentences: [],
    facts: [],
    omissions: [],
    unique: [],
    conflicts: [],
    coverage: { outlets: [], rows: [] },
    related: [],
    corpus: { name: 'seeds', articles: 5, outlets: 3, firstPublished: null, lastPublished: null },
  };
  test.each([
    [{ state: 'idle' }, { state: 'idle' }],
    [{ state: 'working', progress: 0.5 }, { state: 'working', progress: 0.5 }],
    [{ state: 'working', progress: 7 }, { state: 'working' }],
    [{ state: 'no-article' }, { state: 'no-article' }],
    [{ state: 'disabled', host: 'a.com' }, { state: 'disabled', host: 'a.com' }],
    [{ state: 'ready', result }, { state: 'ready', result }],
    [
      { state: 'no-coverage', result, article: { title: 'T', url: 'http://x/', outlet: null, junk: 1 } },
      { state: 'no-coverage', result, article: { title: 'T', url: 'http://x/', outlet: null } },
    ],
    [{ state: 'error', error: 'boom' }, { state: 'error', error: 'boom' }],
    [{ state: 'error' }, { state: 'error', error: 'unknown error' }],
  ])('accepts %j', (input, expected) => {
    expect(parseTabReport(input)).toEqual(expected);
  });

  test.each([[null], [{}], [{ state: 'ready' }], [{ state: 'ready', result: { stories: [] } }], [{ state: 'disabled' }], [{ state: 'bogus' }]])(
    'rejects %j',
    (input) => {
      expect(parseTabReport(input)).toBeNull();
    },
  );
});
