import { describe, expect, test } from 'vitest';
import { seedRecords } from '../corpus/test-seeds.ts';
import { segmentSentences } from '../text/segment.ts';
import { compareSentences } from './compare.ts';
import { termStatsFromTexts } from './stats.ts';

// Term statistics over the seed articles' sentences, as alignment counts them over a story.
const stats = termStatsFromTexts(seedRecords().flatMap((r) => segmentSentences(r.text).map((s) => s.text)));

describe('compareSentences on the seeds', () => {
  test.each([
    [
      'Peskov, spelled Dmitri S. / Dmitry',
      'Within hours of Mr. Ushakov’s comment, the Kremlin spokesman, Dmitri S. Peskov, discounted it, saying the president’s adviser was not correct.',
      'Kremlin spokesman Dmitry Peskov, however, told CNN that reports that Trump had invited Putin to the White House were not correct.',
    ],
    [
      'Ushakov, spelled Yuri / Yury',
      'Mr. Ushakov said the Kremlin adviser Yuri Ushakov hoped the Americans would not abandon the proposal to discuss holding the summit.',
      '“If everything goes well, I hope that the American side would not refuse its proposal to discuss the possibility of organizing the summit talks,” Kremlin aide Yury Ushakov said.',
    ],
  ])('%s: one fact, names matched across spellings', (_name, a, b) => {
    const result = compareSentences(a, b, stats);
    expect(result.sharesFact).toBe(true);
    expect(result.reasons).toContain('names');
    expect(result.evidence.namesMatched).toBeGreaterThan(0);
  });

  test('names whose stems differ match through approximate spelling', () => {
    const result = compareSentences(
      'Rebels loyal to Muammar Gadhafi shelled the port of Misrata on Sunday.',
      'Forces loyal to Moammar Gaddafi shelled the port city of Misrata on Sunday.',
      stats,
    );
    expect(result.spellingMatches).toEqual(expect.arrayContaining([['gadhafi', 'gaddafi']]));
    expect(result.sharesFact).toBe(true);
  });

  test('Sergei V. Skripal and Sergei Skripal are one name', () => {
    const result = compareSentences(
      'But the phone call came before the mass diplomatic expulsions sparked by the nerve agent attack on Sergei V. Skripal, a former Russian spy.',
      'The U.S. and 25 other countries expelled Russian diplomats in response to the poisoning of ex-Russian spy Sergei Skripal in Britain.',
      stats,
    );
    expect(result.reasons).toContain('names');
    expect(result.evidence.namesMatched).toBe(1);
  });

  test('the same fact with a different number is a conflict, not a different fact', () => {
    const a = 'Last month, the Trump administration expelled 60 Russian diplomats from the United States.';
    const b = 'Last month, the Trump administration expelled more than 150 Russian diplomats from the United States.';
    const result = compareSentences(a, b, stats);
    expect(result.conflicts.map((c) => [c.kind, c.a.phrase, c.b.phrase])).toEqual([['number', '60 Russian diplomats', 'more than 150 Russian diplomats']]);
    expect(result.sharesFactExceptFigures).toBe(true);
    expect(compareSentences(a, a, stats).score).toBeGreaterThan(result.score);
  });

  // Curly and straight quotation marks alike: a sentence with neither is spared the quotation pattern (features.ts).
  test.each([
    ['curly', '“', '”'],
    ['straight', '"', '"'],
  ])('an identical quotation is evidence of one fact (%s quotation marks)', (_marks, open, close) => {
    const result = compareSentences(
      `Trump told reporters he would ${open}be seeing President Putin in the not-too-distant future.${close}`,
      `The White House said the two had discussed ${open}be seeing President Putin in the not-too-distant future${close} at several venues.`,
      stats,
    );
    expect(result.sharedQuote).toBe(true);
    expect(result.reasons).toContain('quote');
  });

  test('unrelated sentences of one story do not match', () => {
    const result = compareSentences(
      'Mr. Putin has not been to the White House since 2005, when Mr. Bush hosted him there.',
      'Last week, Russia announced it would expel 60 American diplomats and close the U.S. consulate in St. Petersburg.',
      stats,
    );
    expect(result.sharesFact).toBe(false);
    expect(result.sameFact).toBe(false);
  });

  test('scores are in 0..1, symmetric, and identical sentences are the same fact', () => {
    const a = 'Putin and Trump are not currently scheduled to see each other until November, at the G-20 summit in Argentina.';
    const b = 'Mr. Trump and Mr. Putin currently have no plans to get together before November, when both attend a Group of 20 gathering in Argentina.';
    const ab = compareSentences(a, b, stats);
    const ba = compareSentences(b, a, stats);
    expect(ab.score).toBeGreaterThanOrEqual(0);
    expect(ab.score).toBeLessThanOrEqual(1);
    expect(ab.score).toBeCloseTo(ba.score, 10);
    expect(ab.sharesFact).toBe(true);
    const same = compareSentences(a, a, stats);
    expect(same.sameFact).toBe(true);
    expect(same.reasons).toEqual(expect.arrayContaining(['names', 'numbers', 'words', 'reuse']));
  });

  test('synonyms count as shared wording (WordNet senses)', () => {
    const a = 'The automaker bought the battery factory after a large proposal.';
    const synonyms = compareSentences(a, 'The automaker purchased the battery factory after a big suggestion.', stats);
    const unrelated = compareSentences(a, 'The automaker visited the battery factory after a long speech.', stats);
    expect(synonyms.evidence.weightedOverlap).toBeGreaterThan(unrelated.evidence.weightedOverlap);
    expect(synonyms.score).toBeGreaterThan(unrelated.score);
  });
});
