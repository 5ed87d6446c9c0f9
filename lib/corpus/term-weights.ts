// What a corpus answers about its terms from its document frequency and IDF by term id: the same
// for a compiled corpus (tables stored in its data) and a corpus of segments (frequencies summed
// over the segments as terms are first asked for), so that both weigh terms alike.
import { backgroundShareOfClass } from '../text/background.ts';
import { termBackgroundClass } from './background.ts';
import { inverseDocumentFrequency } from './compile.ts';
import { ArticleCache, type ChosenVector, type TermVector } from './term-vector.ts';

/**
 * IDF of a term held by `df` of `articles` articles, blended with the background share of its
 * class (lib/text/background.ts), as a corpus stores it (single precision).
 */
export function termIdf(df: number, articles: number, backgroundClass: number): number {
  return Math.fround(inverseDocumentFrequency(df, articles, backgroundShareOfClass(backgroundClass)));
}

export abstract class TermWeights {
  abstract readonly size: number;
  private readonly vectors = new ArticleCache((index) => this.chooseVector(index));

  /** The term's id in this corpus, or -1 when no article holds it. */
  abstract termId(term: string): number;
  abstract documentFrequencyOfTermId(termId: number): number;
  abstract idfOfTermId(termId: number): number;
  /** The article's term vector chosen from its stored terms (`chooseTermVector`), with this corpus's IDF. */
  protected abstract chooseVector(index: number): ChosenVector;

  documentFrequency(term: string): number {
    const id = this.termId(term);
    return id === -1 ? 0 : this.documentFrequencyOfTermId(id);
  }

  /** A term the corpus has never seen is weighed by the background alone, stored as every IDF is (termIdf). */
  idf(term: string): number {
    const id = this.termId(term);
    return id === -1 ? termIdf(0, this.size, termBackgroundClass(term)) : this.idfOfTermId(id);
  }

  termVector(index: number): TermVector {
    return this.chosen(index).vector;
  }

  vectorNorm(index: number): number {
    return this.chosen(index).norm;
  }

  /** The article's vector and its norm, chosen on first use of either and kept (ArticleCache). */
  private chosen(index: number): ChosenVector {
    return this.vectors.get(index);
  }
}
