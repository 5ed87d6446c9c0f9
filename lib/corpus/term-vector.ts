// An article's term vector is chosen when searching, from every term the corpus stores for it,
// with the IDF of the corpus searched: stored data then does not depend on the other articles,
// and segments compiled apart give what one compile of their articles gives.
import { TOP_TERMS } from './compile.ts';

/** A sparse term vector: term ids in term order (hash, then text), with their counts in the article. */
export interface TermVector {
  terms: Uint32Array;
  counts: Uint8Array;
}

export interface ChosenVector {
  vector: TermVector;
  /** Euclidean norm of the vector with weights (1 + ln count) · idf. */
  norm: number;
}

/**
 * 1 + ln count, the sublinear term frequency, for every count a vector stores (one byte): looked
 * up, the same values Math.log gives, where choosing and scoring took a logarithm per term (some
 * 38 new candidates of a few hundred terms each per page at 40,000 articles).
 */
export const SUBLINEAR_TF: Float64Array = Float64Array.from({ length: 256 }, (_, count) => 1 + Math.log(count));

/**
 * The value at `k` of `values[0 ..< count]` sorted ascending (as a numeric sort puts it), by
 * selection: those values are reordered, not sorted. Hoare's quickselect, the middle element as pivot (stored terms
 * come in hash order, so no order in their weights makes that pivot a bad one).
 */
function selectAscending(values: Float64Array, count: number, k: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    // lo ..= j hold values ≤ pivot, i ..= hi values ≥ pivot, and any between equal it.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/**
 * The weights of the article being chosen, and their copy that selection reorders: read only
 * while choosing, so kept for the next article (some 40 new candidates a page, each of a few
 * hundred stored terms).
 */
let scratch = { weights: new Float64Array(1024), selected: new Float64Array(1024) };

/**
 * The `limit` highest of an article's stored terms by weight (1 + ln count) · idf, ties to the
 * earlier in term order (never a corpus-local id), kept in term order, with their norm.
 * `counts[k]` is the count of the article's k-th stored term (in term order), `idfAt(k)` its idf
 * and `idOf(k)` its id in the corpus searched.
 */
export function chooseTermVector(counts: Uint8Array, idfAt: (k: number) => number, idOf: (k: number) => number, limit = TOP_TERMS): ChosenVector {
  const n = counts.length;
  if (scratch.weights.length < n) scratch = { weights: new Float64Array(2 * n), selected: new Float64Array(2 * n) };
  const { weights, selected } = scratch;
  for (let k = 0; k < n; k++) weights[k] = SUBLINEAR_TF[counts[k]!]! * idfAt(k);
  if (n <= limit) {
    // Every term is kept (a short article): no ranking.
    const terms = new Uint32Array(n);
    let squares = 0;
    for (let k = 0; k < n; k++) {
      terms[k] = idOf(k);
      squares += weights[k]! * weights[k]!;
    }
    return { vector: { terms, counts }, norm: Math.sqrt(squares) };
  }
  // The limit-th highest weight (selected, not sorted: a sort of every weight was most of the
  // choice): terms above it are kept, and terms at it in term order until the vector is full
  // (ties to the earlier term).
  for (let k = 0; k < n; k++) selected[k] = weights[k]!;
  const threshold = selectAscending(selected, n, n - limit);
  let above = 0;
  for (let k = 0; k < n; k++) if (weights[k]! > threshold) above++;
  let ties = limit - above;
  const terms = new Uint32Array(limit);
  const keptCounts = new Uint8Array(limit);
  let squares = 0;
  for (let k = 0, i = 0; k < n && i < limit; k++) {
    const w = weights[k]!;
    if (w < threshold || (w === threshold && ties-- <= 0)) continue;
    terms[i] = idOf(k);
    keptCounts[i++] = counts[k]!;
    squares += w * w;
  }
  return { vector: { terms, counts: keptCounts }, norm: Math.sqrt(squares) };
}

/**
 * What was worked out per article so far (term vectors, lib/story/candidate-rows.ts's rows,
 * lib/story/named-dates.ts's latest named days) by `choose`, at most `capacity` articles (the
 * oldest are dropped first). `choose` is given once, not with each `get`: scoring asks for every
 * candidate's vector, norm and rows, mostly kept already, and a function made per ask was
 * allocated each time.
 */
export class ArticleCache<T = ChosenVector> {
  private readonly kept = new Map<number, T>();

  constructor(
    private readonly choose: (article: number) => T,
    private readonly capacity = 8192,
  ) {}

  get(article: number): T {
    let chosen = this.kept.get(article);
    if (chosen === undefined) {
      chosen = this.choose(article);
      if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(article, chosen);
    }
    return chosen;
  }
}
