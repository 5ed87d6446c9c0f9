import { describe, expect, test } from 'vitest';
import { parseMessage } from './messages';

describe('parseMessage', () => {
  test.each([
    [{ type: 'status' }, { type: 'status' }],
    [{ type: 'get-tab-result', tabId: 3 }, { type: 'get-tab-result', tabId: 3 }],
    [{ type: 'reveal-sentence', sentenceIndex: 0 }, { type: 'reveal-sentence', sentenceIndex: 0 }],
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
  ])('rejects %j', (input) => {
    expect(parseMessage(input)).toBeNull();
  });
});
