// Term statistics for weighing words: a word most documents use ("said", "year") says little
// about whether two sentences report one fact; a rare one ("Kennebunkport") says much.
import { contentTerms } from '../text/normalize.ts';

/** Document frequencies of stemmed content terms (lib/text `contentTerms`) over a collection. */
export interface TermStats {
  readonly documents: number;
  documentFrequency(term: string): number;
}

/**
 * Inverse document frequency, BM25 form (always positive). A term the collection has never
 * seen gets the weight of one seen once: new names are informative, not infinitely so.
 */
export function inverseDocumentFrequency(stats: TermStats, term: string): number {
  const n = Math.max(stats.documents, 1);
  const df = Math.min(Math.max(stats.documentFrequency(term), 1), n);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Term statistics counted over some texts, each one document (sentences, articles). */
export function termStatsFromTexts(texts: Iterable<string>): TermStats {
  const frequencies = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents++;
    for (const term of new Set(contentTerms(text))) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  return { documents, documentFrequency: (term) => frequencies.get(term) ?? 0 };
}
