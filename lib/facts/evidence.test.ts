import { describe, expect, it } from 'vitest';
import { seedRecords } from '../corpus/test-seeds.ts';
import { segmentSentences } from '../text/segment.ts';
import { gatherEvidence, rememberedTermWeights } from './evidence.ts';
import { sentenceFeatures } from './features.ts';
import { termStatsFromTexts } from './stats.ts';

const sentences = seedRecords().flatMap((r) => segmentSentences(r.text).map((s) => s.text));
const stats = termStatsFromTexts(sentences);

describe('term weights kept per sentence', () => {
  const page = sentenceFeatures('Kremlin spokesman Dmitry Peskov told CNN that reports that Trump had invited Putin to the White House were not correct.');
  const others = [
    'Within hours of Mr. Ushakov’s comment, the Kremlin spokesman, Dmitri S. Peskov, discounted it, saying the president’s adviser was not correct.',
    'The Kremlin said Trump had bought 60 percent of the shares for $1.2 billion on March 20.',
    'Putin was invited to the White House by Trump, the Kremlin said.',
  ].map((text) => sentenceFeatures(text));

  it('give the evidence of weighing each pair anew, to the bit, either way round', () => {
    const weights = rememberedTermWeights(stats);
    for (const other of others) {
      expect(gatherEvidence(page, other, stats, weights)).toEqual(gatherEvidence(page, other, stats));
      expect(gatherEvidence(other, page, stats, weights)).toEqual(gatherEvidence(other, page, stats));
    }
  });

  it('weigh a sentence once, a weight per term, rarer terms more', () => {
    const weights = rememberedTermWeights(stats);
    const first = weights(page);
    expect(weights(page)).toBe(first);
    expect(first).toHaveLength(page.terms.length);
    const kremlin = first[page.terms.indexOf('kremlin')]!;
    const cnn = first[page.terms.indexOf('cnn')]!;
    expect(cnn).toBeGreaterThan(kremlin);
    for (const w of first) expect(w).toBeGreaterThan(0);
  });
});
