import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../text/segment.ts';
import { articleEntry } from './entries.ts';
import { MEANING_CANDIDATE_MIN, meaningCandidates } from './meaning-candidates.ts';

const entry = (text: string) => articleEntry(text, segmentSentences(text));

describe('counterparts by meaning', () => {
  it("finds each source's sentence closest in meaning, told in other words", () => {
    const mine = entry('The president was rushed to hospital on Friday after he collapsed at a rally.').sentences[0]!;
    const source = entry(
      'Oil prices fell sharply in Asian trading as investors weighed new tariffs. ' +
        'The president was admitted to a hospital on Friday after fainting at a campaign event. ' +
        'The central bank left its interest rate unchanged for a third month.',
    );
    const found = meaningCandidates(mine, [source]);
    expect(found.map((c) => c.sentence)).toEqual([1]);
    expect(found[0]!.cosine).toBeGreaterThanOrEqual(MEANING_CANDIDATE_MIN);
  });

  it('offers nothing from a source with no sentence close enough', () => {
    const mine = entry('The president was rushed to hospital on Friday after he collapsed at a rally.').sentences[0]!;
    const source = entry('Oil prices fell sharply in Asian trading as investors weighed new tariffs on steel imports.');
    expect(meaningCandidates(mine, [source])).toEqual([]);
  });
});
