import { describe, expect, test } from 'vitest';
import { findQuote } from './quote-match';

const page =
  'Home World Politics Russia Sends Hasty R.S.V.P. to Trump’s Invitation ' +
  'MOSCOW — Russia sought to move beyond last week’s diplomatic confrontation with the West on Monday. ' +
  'The Kremlin foreign policy adviser, Yuri Ushakov, said in Moscow that Mr. Trump proposed a meeting. ' +
  'Comments reader42: Interesting times.';

describe('findQuote', () => {
  test.each([
    ['a sentence present verbatim', 'The Kremlin foreign policy adviser, Yuri Ushakov, said in Moscow that Mr. Trump proposed a meeting.', true],
    ['a short quote', 'Interesting times.', true],
  ])('finds %s exactly', (_name, quote, exact) => {
    const match = findQuote(page, quote);
    expect(match).not.toBeNull();
    expect(match!.exact).toBe(exact);
    expect(page.slice(match!.start, match!.end)).toBe(quote);
  });

  test('prefers the occurrence after the hint', () => {
    const text = 'Peskov denied it. Later: Peskov denied it.';
    expect(findQuote(text, 'Peskov denied it.', 5)?.start).toBe(25);
    expect(findQuote(text, 'Peskov denied it.', 0)?.start).toBe(0);
  });

  test('falls back to the nearest occurrence before the hint', () => {
    expect(findQuote('alpha beta gamma', 'alpha beta', 12)?.start).toBe(0);
  });

  test('matches approximately when the middle differs (an inline ad removed by extraction)', () => {
    const quote = 'MOSCOW — Russia sought to move beyond last week’s diplomatic confrontation with the West on Monday.';
    const live = page.replace('diplomatic confrontation', 'diplomatic [Advertisement] confrontation');
    const match = findQuote(live, quote)!;
    expect(match.exact).toBe(false);
    expect(live.slice(match.start, match.end)).toBe(quote.replace('diplomatic confrontation', 'diplomatic [Advertisement] confrontation'));
  });

  test.each([
    ['text that is not on the page', 'Construction is expected to begin in September and cost about $4.2 million.'],
    ['an empty quote', ''],
    ['a short quote that differs', 'Interesting tomes.'],
  ])('returns null for %s', (_name, quote) => {
    expect(findQuote(page, quote)).toBeNull();
  });

  test('rejects an approximate span much longer than the quote', () => {
    const quote = 'The Kremlin foreign policy adviser, said in Moscow that Mr. Trump proposed a meeting.';
    const live = 'The Kremlin foreign policy adviser, ' + 'x'.repeat(400) + ' said in Moscow that Mr. Trump proposed a meeting.';
    expect(findQuote(live, quote)).toBeNull();
  });
});
