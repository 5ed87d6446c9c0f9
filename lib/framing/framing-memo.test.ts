import { describe, expect, test } from 'vitest';
import { compareFraming, type FramingOptions } from './labels.ts';

describe('framing compared once per pair (framing-memo.ts)', () => {
  const a = 'Mr. Trump has declined to criticize Mr. Putin.';
  const b = 'Mr. Trump has shown a striking reluctance to criticize Mr. Putin.';
  const loadedNotes = (options: FramingOptions) =>
    compareFraming(a, b, options)
      .labels.filter((l) => l.kind === 'loaded')
      .map((l) => l.note);
  // The page's article, which is the rival article of the other version's words.
  const plain = `${a} He spoke on Monday.`;
  const sharing = `${a} Critics noted a striking reluctance in the past.`;

  test('a pair met again answers for its own rival article: one that uses the words makes them the story’s', () => {
    expect(loadedNotes({ otherName: 'CNN', thisArticle: sharing, otherArticle: b })).toEqual([]);
    expect(loadedNotes({ otherName: 'NBC News', thisArticle: plain, otherArticle: b })).toEqual(["NBC News uses 'striking reluctance' where this article has 'declined'"]);
    expect(loadedNotes({ otherName: 'CNN', thisArticle: sharing, otherArticle: b })).toEqual([]);
  });

  test('a pair met again names its own sides, capitalised where a note begins with one', () => {
    expect(loadedNotes({ thisArticle: plain, otherArticle: b })).toEqual(["The other report uses 'striking reluctance' where this article has 'declined'"]);
    expect(loadedNotes({ otherName: 'the Times', thisName: 'your page', thisArticle: plain, otherArticle: b })).toEqual(["The Times uses 'striking reluctance' where your page has 'declined'"]);
  });

  test('each answer is its own: changing one leaves the next alone', () => {
    const first = compareFraming(a, b, { otherName: 'NBC News' });
    const again = compareFraming(a, b, { otherName: 'NBC News' });
    expect(again).toEqual(first);
    first.labels.length = 0;
    first.diff[0]!.value = 'changed';
    expect(compareFraming(a, b, { otherName: 'NBC News' })).toEqual(again);
  });

  test('a sentence holding the placeholder characters is compared as it is', () => {
    const odd = `${b} \uE001`;
    const note = compareFraming(a, odd, { otherName: 'NBC News' }).labels.find((l) => l.kind === 'loaded')?.note;
    expect(note).toMatch(/^NBC News uses 'striking reluctance'/);
  });
});
