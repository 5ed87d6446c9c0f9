import { describe, expect, test } from 'vitest';
import { tokenize, type TokenKind } from './tokenize.ts';

const facts = (text: string, kind: TokenKind) => tokenize(text).filter((t) => t.kind === kind).map((t) => t.norm);

describe('tokenize', () => {
  test('offsets point into the original text', () => {
    const text = 'MOSCOW — Mr. Putin’s aide, Yuri Ushakov, said 60 diplomats left on March 20, 2018.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  test.each([
    ['Russia expelled 60 American diplomats and 25 other countries joined.', ['60', '25']],
    ['They spoke for forty-one minutes.', ['41']],
    ['The fund holds $2.5 million, up 12.5%.', ['2500000', '12.5']],
    ['It cost 1,000 rubles.', ['1000']],
    ['One of the two leaders', ['1', '2']],
  ])('numbers: %s', (text, expected) => {
    expect(facts(text, 'number')).toEqual(expected);
  });

  test.each([
    ['The call on March 20 came first.', ['03-20']],
    ['They met on Nov. 11, 2017, in Danang.', ['2017-11-11']],
    ['Published 2018-04-02 and updated 4/3/2018.', ['2018-04-02', '2018-04-03']],
    ['He visited in 2005 and again on 2 April 2018.', ['2005', '2018-04-02']],
    ['The White House said Monday that talks may continue.', ['monday']],
    ['In April 2018 the talks stalled.', ['2018-04']],
  ])('dates: %s', (text, expected) => {
    expect(facts(text, 'date')).toEqual(expected);
  });

  test.each([
    ['Mr. Trump called Mr. Putin.', ['trump', 'putin']],
    ['The Kremlin spokesman, Dmitri S. Peskov, disagreed.', ['kremlin', 'dmitri s peskov']],
    ['Sarah Huckabee Sanders spoke at the White House.', ['sarah huckabee sanders', 'white house']],
    ['President Vladimir V. Putin met reporters.', ['vladimir v putin']],
    ['Russia sought a meeting.', []],
  ])('names: %s', (text, expected) => {
    expect(facts(text, 'name')).toEqual(expected);
  });

  test('plain words are folded', () => {
    expect(tokenize('Café’s naïve RÉSUMÉ').map((t) => t.norm)).toEqual(['cafe', 'naive', 'resume']);
  });

  test('words, initials and scaled amounts read in place: a word is still cut 64 characters after its start', () => {
    // Words are read from their start in place now; tokens stay those of a 64-character window.
    const long = `${'ab'.repeat(40)}-cd`;
    expect(tokenize(`A ${long} word`).map((t) => t.text)).toEqual(['A', long.slice(0, 64), long.slice(64), 'word']);
    expect(tokenize('Rose by $2.5m, not 5m; A.B. Smith and U.S. officials').map((t) => t.norm)).toEqual(
      ['rose', 'by', '2500000', 'not', '5', 'm', 'ab smith', 'and', 'us', 'officials'],
    );
  });

  test('an ASCII word read by its letters ends where the patterns end it', () => {
    // Letters then an apostrophe, a hyphen or a non-ASCII letter go on past the ASCII run; a run over 64 letters is cut.
    const tokens = tokenize(`Its café's tit-for-tat won't stop Zoë; ${'a'.repeat(70)} ended 2x.`);
    expect(tokens.map((t) => [t.text, t.norm])).toEqual([
      ['Its', 'its'], ['café\'s', 'cafe'], ['tit-for-tat', 'tit-for-tat'], ['won\'t', "won't"], ['stop', 'stop'], ['Zoë', 'zoe'],
      ['a'.repeat(64), 'a'.repeat(64)], ['aaaaaa', 'aaaaaa'], ['ended', 'ended'], ['2', '2'], ['x', 'x'],
    ]);
    // A curly apostrophe or a combining mark goes on too; a digit ends it; a token may start with a
    // non-ASCII letter; 64 letters are one token and 65 are cut, whichever path reads them.
    const more = tokenize(`Putin’s cafe\u0301 Éric abc2 ${'b'.repeat(65)} ${'c'.repeat(64)} AB. x`);
    expect(more.map((t) => [t.text, t.norm])).toEqual([
      ['Putin’s', 'putin'], ['cafe\u0301', 'cafe'], ['Éric', 'eric'], ['abc', 'abc'], ['2', '2'],
      ['b'.repeat(64), 'b'.repeat(64)], ['b', 'b'], ['c'.repeat(64), 'c'.repeat(64)], ['AB', 'ab'], ['x', 'x'],
    ]);
  });
});
