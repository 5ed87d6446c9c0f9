import { describe, expect, test } from 'vitest';
import { splitClauses } from './clauses.ts';

describe('splitClauses', () => {
  test.each([
    [
      'The Kremlin said Monday that Trump had invited Putin during the March phone call in which Trump congratulated the Russian president on his re-election victory, according to The Associated Press.',
      [
        ['The Kremlin said Monday', true],
        ['that Trump had invited Putin during the March phone call', false],
        ['in which Trump congratulated the Russian president on his re-election victory', false],
        ['according to The Associated Press.', true],
      ],
    ],
    [
      'This news comes amid tensions over the poisoning of Sergei V. Skripal––a former Russian double agent––in the UK.',
      [
        ['This news comes amid tensions over the poisoning of Sergei V. Skripal', false],
        ['a former Russian double agent', false],
        ['in the UK.', false],
      ],
    ],
    ['Putin and Trump are not scheduled to meet until November.', [['Putin and Trump are not scheduled to meet until November.', false]]],
  ])('%s', (sentence, expected) => {
    const clauses = splitClauses(sentence);
    expect(clauses.map((c) => [c.text, c.frame])).toEqual(expected);
    for (const c of clauses) expect(sentence.slice(c.start, c.end)).toBe(c.text);
  });
});
