import { describe, expect, test } from 'vitest';
import { consonantSkeleton, extractNames, matchNames, namePartsMatch } from './names.ts';

describe('extractNames', () => {
  test('drops titles and initials from the comparable parts', () => {
    const names = extractNames('Within hours of Mr. Ushakov’s comment, the Kremlin spokesman, Dmitri S. Peskov, discounted it.');
    expect(names.map((n) => n.parts)).toEqual([['ushakov'], ['kremlin'], ['dmitri', 'peskov']]);
    expect(names[2]!.text).toBe('Dmitri S. Peskov');
  });
});

describe('namePartsMatch', () => {
  test.each([
    ['dmitri', 'dmitry', true],
    ['yuri', 'yury', true],
    ['sergei', 'sergey', true],
    ['gaddafi', 'qaddafi', false],
    ['gadhafi', 'gaddafi', true],
    ['obama', 'osama', false],
    ['trump', 'truman', false],
    ['peskov', 'putin', false],
    ['li', 'lu', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(namePartsMatch(a, b)).toBe(expected);
  });

  test('skeletons fold transliteration swaps', () => {
    expect(consonantSkeleton('dmitri')).toBe(consonantSkeleton('dmitry'));
    expect(consonantSkeleton('obama')).not.toBe(consonantSkeleton('osama'));
  });
});

describe('matchNames', () => {
  test('matches names spelled differently across outlets', () => {
    const a = extractNames('The Kremlin spokesman, Dmitri S. Peskov, said the adviser, Yuri Ushakov, erred.');
    const b = extractNames('Kremlin spokesman Dmitry Peskov told CNN that Yury Ushakov was not correct.');
    const pairs = matchNames(a, b).map(([i, j]) => `${a[i]!.text} = ${b[j]!.text}`);
    expect(pairs).toContain('Dmitri S. Peskov = Dmitry Peskov');
    expect(pairs).toContain('Yuri Ushakov = Yury Ushakov');
  });
});
