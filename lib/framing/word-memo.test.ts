import { expect, test } from 'vitest';
import { rememberedByWord, WORDS_KEPT } from './word-memo.ts';

test('a word is answered once, by its exact text, and the memo starts again when full', () => {
  const asked: string[] = [];
  const length = rememberedByWord((word) => (asked.push(word), word.length));
  expect([length('said'), length('said'), length('Said')]).toEqual([4, 4, 4]);
  expect(asked).toEqual(['said', 'Said']);
  for (let k = 0; k < WORDS_KEPT; k++) length(`w${k}`);
  // Full: the next new word clears the memo, so a word asked before is answered anew.
  length('new');
  length('said');
  expect(asked.at(-1)).toBe('said');
});
