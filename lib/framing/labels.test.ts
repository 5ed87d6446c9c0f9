import { describe, expect, test } from 'vitest';
import type { FramingLabelKind } from '../result.ts';
import { compareFraming } from './labels.ts';

function kinds(a: string, b: string): FramingLabelKind[] {
  return compareFraming(a, b).labels.map((l) => l.kind);
}

describe('compareFraming', () => {
  test('identical wording has no labels and one unchanged diff part', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said the adviser was not correct.';
    const result = compareFraming(text, text);
    expect(result.labels).toEqual([]);
    expect(result.diff).toEqual([{ value: text }]);
  });

  test('the diff rebuilds both sentences', () => {
    const a = 'Peskov said the adviser was not correct.';
    const b = 'Peskov later insisted that the adviser was "not correct."';
    const { diff } = compareFraming(a, b);
    expect(diff.filter((p) => !p.added).map((p) => p.value).join('')).toBe(a);
    expect(diff.filter((p) => !p.removed).map((p) => p.value).join('')).toBe(b);
  });

  test.each([
    ['said vs insisted', 'Peskov said the adviser was not correct.', 'Peskov insisted the adviser was not correct.', 'both', 'said', 'insisted'],
    ['told CNN vs told reporters', 'Peskov told reporters the adviser was not correct.', 'Peskov told CNN the adviser was not correct.', 'both', 'told reporters', 'told CNN'],
    ['according to the AP, only on the other side', 'Trump invited Putin to the White House.', 'Trump invited Putin to the White House, according to the AP.', 'other', '', 'according to'],
    ['claimed, only on this side', 'Ushakov claimed Trump invited Putin to the White House.', 'Trump invited Putin to the White House.', 'this', 'claimed', ''],
  ])('attribution: %s', (_name, a, b, side, thisText, otherText) => {
    const label = compareFraming(a, b, { otherName: 'NBC News' }).labels.find((l) => l.kind === 'attribution');
    expect(label).toMatchObject({ side, thisText, otherText });
    expect(label?.note).toMatch(/attributes/);
  });

  test('the attribution note names the speaker and the outlet', () => {
    const label = compareFraming('Trump invited Putin.', 'Trump invited Putin, Yuri Ushakov told reporters.', { otherName: 'NBC News' }).labels[0];
    expect(label?.note).toBe("NBC News attributes this to Yuri Ushakov ('told reporters')");
  });

  test.each([
    ['reportedly', 'The two leaders discussed a number of venues.', 'The two leaders reportedly discussed a number of venues.', 'other', 'reportedly'],
    ['allegedly', 'The poisoning was orchestrated by the Kremlin.', 'The poisoning was allegedly orchestrated by the Kremlin.', 'other', 'allegedly'],
    ['would seem', 'A meeting would seem to conflict with the team.', 'A meeting conflicts with the team.', 'this', 'would seem'],
  ])('hedging: %s', (_name, a, b, side, word) => {
    const label = compareFraming(a, b).labels.find((l) => l.kind === 'hedging');
    expect(label?.side).toBe(side);
    expect(side === 'this' ? label?.thisText : label?.otherText).toBe(word);
  });

  test.each([
    ['fierce', 'Steele drew criticism on Friday.', 'Steele drew fierce criticism on Friday.', 'other'],
    ['controversially', 'Trump congratulated the Russian leader on his reelection.', 'Trump controversially congratulated the Russian leader on his reelection.', 'other'],
    ['striking reluctance', 'Mr. Trump has shown a striking reluctance to criticize Mr. Putin.', 'Mr. Trump has declined to criticize Mr. Putin.', 'this'],
  ])('loaded: %s', (_name, a, b, side) => {
    const label = compareFraming(a, b).labels.find((l) => l.kind === 'loaded');
    expect(label?.side).toBe(side);
  });

  test('a loaded-word note quotes the flagged words, neighbours together, and a short rival wording', () => {
    const note = (a: string, b: string) => compareFraming(a, b, { thisName: 'this article', otherName: 'NBC News' }).labels.find((l) => l.kind === 'loaded')?.note;
    expect(note('Mr. Trump has declined to criticize Mr. Putin.', 'Mr. Trump has shown a striking reluctance to criticize Mr. Putin.')).toBe(
      "NBC News uses 'striking reluctance' where this article has 'declined'",
    );
    // Flagged words apart stay apart; a rewritten clause is not quoted whole.
    expect(note('Russia expelled the diplomats on Monday.', 'Russia brazenly and defiantly expelled the diplomats on Monday.')).toBe(
      "NBC News uses 'brazenly', 'defiantly' where this article has nothing",
    );
    expect(
      note(
        'The idea of a get-together underscored how volatile the relationship between the two countries is.',
        'The idea of a get-together underscored a brazen and defiant posture that startled diplomats across Europe.',
      ),
    ).toBe("NBC News uses 'brazen', 'defiant', 'startled'");
  });

  test('numbers that disagree', () => {
    const label = compareFraming(
      'After each of them expelled 60 diplomats, the idea seemed remote.',
      'After the U.S. expelled more than 150 Russian diplomats, the idea seemed remote.',
    ).labels.find((l) => l.kind === 'number');
    expect(label).toMatchObject({ side: 'both', thisText: '60 diplomats', otherText: 'more than 150 Russian diplomats' });
  });

  test('dates that disagree', () => {
    expect(kinds('The call took place on March 20.', 'The call took place on March 22.')).toContain('date');
  });

  test('a name swapped for another', () => {
    const label = compareFraming('The denial came from Peskov on Monday.', 'The denial came from Lavrov on Monday.').labels.find((l) => l.kind === 'name');
    expect(label).toMatchObject({ thisText: 'Peskov', otherText: 'Lavrov' });
  });

  test('names spelled differently do not disagree', () => {
    expect(kinds('The Kremlin spokesman, Dmitri S. Peskov, disagreed.', 'The Kremlin spokesman, Dmitry Peskov, disagreed.')).not.toContain('name');
  });

  test('a clause one side adds', () => {
    const label = compareFraming(
      'Trump congratulated Putin on his reelection.',
      'Trump congratulated Putin on his reelection, although his national security advisers had warned against it.',
    ).labels.find((l) => l.kind === 'addition');
    expect(label?.side).toBe('other');
    expect(label?.otherText).toMatch(/national security advisers had warned/);
  });

  test('flagged spans point at the labelled words', () => {
    const a = 'Steele drew criticism on Friday.';
    const b = 'Steele drew fierce criticism on Friday.';
    const { flagged } = compareFraming(a, b);
    expect(flagged.map((f) => (f.side === 'this' ? a : b).slice(f.start, f.end))).toEqual(['fierce']);
  });
});
