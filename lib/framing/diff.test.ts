import { describe, expect, test } from 'vitest';
import { diffHunks, diffWording, MAX_EDIT_LENGTH } from './diff.ts';

describe('diffWording', () => {
  test.each([
    ['Peskov said the adviser was not correct.', 'Peskov later insisted that the adviser was "not correct."'],
    ['in a call on March 20, proposed a meeting', 'in a call on  March 20,\nproposed a meeting'],
    ['', 'Only the other side has words.'],
    ['Completely different words here.', 'Nothing alike at all, none of it.'],
    ['  Spacing before, and after.  ', 'Spacing before,\tand after.'],
    ['   ', ' — '],
  ])('rebuilds both sentences exactly: %j / %j', (a, b) => {
    const parts = diffWording(a, b);
    expect(parts.filter((p) => !p.added).map((p) => p.value).join('')).toBe(a);
    expect(parts.filter((p) => !p.removed).map((p) => p.value).join('')).toBe(b);
  });

  test('marks words only in this article as removed and words only in the other as added', () => {
    expect(diffWording('Steele drew criticism.', 'Steele drew fierce criticism.')).toEqual([
      { value: 'Steele drew' },
      { value: ' fierce', added: true },
      { value: ' criticism.' },
    ]);
  });

  // Words w0 w1 …: `shared` of them in both sentences, then `own` words of each side's own.
  const sentence = (shared: number, own: number, side: string): string =>
    [...Array.from({ length: shared }, (_, i) => `w${i}`), ...Array.from({ length: own }, (_, i) => `${side}${i}`)].join(' ');

  test('diffs sentences exactly up to MAX_EDIT_LENGTH edits', () => {
    const own = MAX_EDIT_LENGTH / 2; // as many deletions and insertions: MAX_EDIT_LENGTH edits
    const parts = diffWording(sentence(5, own, 'a'), sentence(5, own, 'b'));
    expect(parts.map((p) => (p.added ? 'added' : p.removed ? 'removed' : 'same'))).toEqual(['same', 'removed', 'added']);
  });

  test('past MAX_EDIT_LENGTH edits reports one replacement, as when the diff gives up', () => {
    const own = MAX_EDIT_LENGTH / 2 + 1;
    const a = sentence(5, own, 'a');
    const b = sentence(5, own, 'b');
    expect(diffWording(a, b)).toEqual([
      { value: a, removed: true },
      { value: b, added: true },
    ]);
  });
});

describe('diffHunks', () => {
  test('locates each changed stretch in both sentences', () => {
    const a = 'Peskov said the adviser was wrong on Monday.';
    const b = 'Peskov insisted the adviser was wrong.';
    const hunks = diffHunks(a, b, diffWording(a, b));
    expect(hunks.map((h) => [h.thisText, h.otherText])).toEqual([
      ['said', 'insisted'],
      ['on Monday', ''],
    ]);
    for (const h of hunks) {
      expect(a.slice(h.thisStart, h.thisEnd)).toBe(h.thisText);
      expect(b.slice(h.otherStart, h.otherEnd)).toBe(h.otherText);
    }
  });
});
