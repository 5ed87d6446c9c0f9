// Evidence rows of a set of sentence pairs, as the fitting script learns on them and the
// evaluation cross-validates them: term statistics counted over the set's own sentences (as
// `parallax pairs` does), each sentence read once.
import { EVIDENCE_KEYS, gatherEvidence } from './evidence.ts';
import { sentenceFeatures, type SentenceFeatures } from './features.ts';
import type { SentencePair } from './pairs.ts';
import { termStatsFromTexts } from './stats.ts';

export function pairEvidenceRows(pairs: readonly SentencePair[]): number[][] {
  const stats = termStatsFromTexts(pairs.flatMap((p) => [p.a, p.b]));
  const features = new Map<string, SentenceFeatures>();
  const read = (text: string): SentenceFeatures => {
    let f = features.get(text);
    if (f === undefined) features.set(text, (f = sentenceFeatures(text)));
    return f;
  };
  return pairs.map((p) => {
    const { evidence } = gatherEvidence(read(p.a), read(p.b), stats);
    return EVIDENCE_KEYS.map((k) => evidence[k]);
  });
}
