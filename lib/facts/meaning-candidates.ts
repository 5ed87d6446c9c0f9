// Counterparts by meaning: the sentence of another outlet's article closest in meaning to a
// sentence here (lib/meaning vectors), compared even when the two share no rare word for the
// term index to find ("the head of state was admitted to a hospital" / "the president was taken
// to hospital"). Within the few articles alignment reads, a cosine per pair is cheap: the corpus
// stores every sentence's vector, the page's were computed with its other features.
import { meaningCosine, sentenceModel } from '../meaning/index.ts';
import type { ArticleEntry, SentenceEntry } from './entries.ts';

/**
 * Cosine at or above which a source's closest sentence is compared in full. Sentences of one
 * story share its subject, so their cosines run high; the matcher, not this bar, decides.
 */
export const MEANING_CANDIDATE_MIN = 0.6;

/** The entry's meaning vector (from its article's, or computed once here). */
export function meaningOf(entry: SentenceEntry): Int8Array {
  entry.meaning ??= sentenceModel().encode(entry.text);
  return entry.meaning;
}

export interface MeaningCandidate {
  source: number;
  sentence: number;
  cosine: number;
}

/** In each source, the sentence closest in meaning to `entry`, when close enough. */
export function meaningCandidates(entry: SentenceEntry, sources: readonly ArticleEntry[]): MeaningCandidate[] {
  const mine = meaningOf(entry);
  const found: MeaningCandidate[] = [];
  sources.forEach((article, source) => {
    let best: MeaningCandidate | null = null;
    article.sentences.forEach((other, sentence) => {
      if (other === null) return;
      const cosine = meaningCosine(mine, meaningOf(other));
      if (cosine >= MEANING_CANDIDATE_MIN && (best === null || cosine > best.cosine)) best = { source, sentence, cosine };
    });
    if (best !== null) found.push(best);
  });
  return found;
}
