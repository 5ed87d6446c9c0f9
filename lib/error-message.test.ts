import { expect, test } from 'vitest';
import { errorMessage } from './error-message.ts';

test('an Error gives its message; anything else thrown, itself as a string', () => {
  expect(errorMessage(new RangeError('no article 7'))).toBe('no article 7');
  expect(errorMessage('quota exceeded')).toBe('quota exceeded');
  expect(errorMessage(42)).toBe('42');
});
