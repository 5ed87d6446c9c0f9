import { describe, expect, test } from 'vitest';
import { combinationKey } from './imported-corpora';

describe('combinationKey', () => {
  const bundled = { name: 'seeds', size: 5 };
  test('the same imports in any order make the same key', () => {
    expect(combinationKey('0.1.0', bundled, [{ id: 'a' }, { id: 'b' }])).toBe(combinationKey('0.1.0', bundled, [{ id: 'b' }, { id: 'a' }]));
  });
  test.each([
    ['another extension version', combinationKey('0.2.0', bundled, [{ id: 'a' }])],
    ['another bundled corpus', combinationKey('0.1.0', { name: 'seeds', size: 6 }, [{ id: 'a' }])],
    ['another set of imports', combinationKey('0.1.0', bundled, [{ id: 'a' }, { id: 'c' }])],
  ])('%s changes it', (_, key) => {
    expect(key).not.toBe(combinationKey('0.1.0', bundled, [{ id: 'a' }]));
  });
});
