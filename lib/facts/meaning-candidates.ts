// Counterparts by meaning: the sentence of another outlet's article closest in meaning to a
// sentence here (lib/meaning vectors), compared even when the two share no rare word for the
// term index to find ("the head of state was admitted to a hospital" / "the president was taken
// to hospital"). Within the few articles alignment reads, a cosine per pair is cheap: the corpus
// stores every sentence's vector, the page's were computed with its other features.
import { sentenceModel } from '../meaning/index.ts';
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

/** Squared norms of meaning vectors: a source sentence meets every sentence of the page. */
const squaredNorms = new WeakMap<Int8Array, number>();

function squaredNorm(v: Int8Array): number {
  let norm = squaredNorms.get(v);
  if (norm === undefined) {
    norm = 0;
    for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
    squaredNorms.set(v, norm);
  }
  return norm;
}

/** meaningCosine (lib/meaning) with the norms known: integer sums, so the same value exactly. */
function cosineWithNorms(a: Int8Array, aNorm: number, b: Int8Array, bNorm: number): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot / Math.sqrt(aNorm * bNorm);
}

/** A source's sentences as the search reads them: index, vector and squared norm of each. */
interface SourceVectors {
  sentences: number[];
  vectors: Int8Array[];
  norms: Float64Array;
}

/**
 * The sources' vectors and norms, gathered once per list of sources: every sentence of the page
 * searches the same list (alignment passes one per analysis), and looking each norm up again
 * per pair cost more than the cosine.
 */
const prepared = new WeakMap<readonly ArticleEntry[], SourceVectors[]>();

function sourceVectors(sources: readonly ArticleEntry[]): SourceVectors[] {
  let list = prepared.get(sources);
  if (list === undefined) {
    list = sources.map((article) => {
      const sentences: number[] = [];
      const vectors: Int8Array[] = [];
      article.sentences.forEach((other, sentence) => {
        if (other === null) return;
        sentences.push(sentence);
        vectors.push(meaningOf(other));
      });
      return { sentences, vectors, norms: Float64Array.from(vectors, squaredNorm) };
    });
    prepared.set(sources, list);
  }
  return list;
}

/** In each source, the sentence closest in meaning to `entry`, when close enough. */
export function meaningCandidates(entry: SentenceEntry, sources: readonly ArticleEntry[]): MeaningCandidate[] {
  const mine = meaningOf(entry);
  const mineNorm = squaredNorm(mine);
  const found: MeaningCandidate[] = [];
  sourceVectors(sources).forEach(({ sentences, vectors, norms }, source) => {
    let best: MeaningCandidate | null = null;
    for (let k = 0; k < sentences.length; k++) {
      const cosine = cosineWithNorms(mine, mineNorm, vectors[k]!, norms[k]!);
      if (cosine >= MEANING_CANDIDATE_MIN && (best === null || cosine > best.cosine)) best = { source, sentence: sentences[k]!, cosine };
    }
    if (best !== null) found.push(best);
  });
  return found;
}
