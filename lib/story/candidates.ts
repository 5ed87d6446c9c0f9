// Candidate retrieval without scanning the corpus: articles sharing the query's rarest terms
// and facts (through the inverted index), plus near-duplicates (through LSH buckets).
import type { Corpus } from '../corpus/corpus.ts';
import type { StoryQuery } from './query.ts';

/** Articles scored in full per query. */
export const CANDIDATES = 64;
/** Query terms looked up, the most distinctive first. */
const QUERY_TERMS = 64;
/**
 * A term is "rare" when at most this share of the corpus (and at least RARE_MIN_DF articles) has
 * it. The floor counts every article holding the term: postings cover all of an article's terms
 * since corpus format 7 (they used to cover only its top 192). At 25, terms a long article holds
 * without their being its top terms pushed BASIL's two-article events out of the 64 candidates
 * of two queries (top-1 1.000 to 0.997); 50 holds BASIL's figures. Only corpora under 2,500
 * articles see the floor.
 */
const RARE_SHARE = 0.02;
const RARE_MIN_DF = 50;
/** Postings read per query at most, once rare terms have given too few candidates. */
const POSTINGS_BUDGET = 250_000;

/**
 * Per corpus, kept between queries: each article's summed weight, and the articles touched (a
 * query's rare terms' postings touch thousands of articles at 40,000; a list grown anew each
 * query was most of what retrieval allocated).
 */
const scratch = new WeakMap<Corpus, { scores: Float32Array; touched: Uint32Array }>();

/** Each query's lookup terms, chosen once: the loading of their postings asks for them, then retrieval. */
const lookupTerms = new WeakMap<StoryQuery, [number, number][]>();

/** The query's terms and facts retrieval looks up first, the most distinctive first (their postings are read); kept with the query, never to be changed by the caller. */
export function queryTerms(query: StoryQuery): readonly (readonly [number, number])[] {
  let chosen = lookupTerms.get(query);
  if (chosen === undefined) {
    const terms = [...query.weights].concat([...query.facts]);
    terms.sort((a, b) => b[1] - a[1]);
    lookupTerms.set(query, (chosen = terms.slice(0, QUERY_TERMS)));
  }
  return chosen;
}

const rareLimit = (corpus: Corpus) => Math.max(RARE_MIN_DF, Math.floor(corpus.size * RARE_SHARE));

/** The lookup terms whose postings retrieval reads first (the rare ones); the others' only when too few articles share a rare term. */
export function rareQueryTerms(query: StoryQuery, corpus: Corpus): number[] {
  const maxRareDf = rareLimit(corpus);
  return queryTerms(query)
    .map(([termId]) => termId)
    .filter((termId) => corpus.postingsLength(termId) <= maxRareDf);
}

export function retrieveCandidates(query: StoryQuery, corpus: Corpus, limit = CANDIDATES): number[] {
  let kept = scratch.get(corpus);
  if (!kept) {
    kept = { scores: new Float32Array(corpus.indexEnd), touched: new Uint32Array(corpus.indexEnd) };
    scratch.set(corpus, kept);
  }
  const { scores } = kept;
  // Articles touched so far: touched[0 ..< count], each when its score went from 0 (again, were a
  // weight 0: then the list outgrows the corpus and is grown).
  let touched = kept.touched;
  let count = 0;
  const add = (article: number, amount: number) => {
    if (scores[article] === 0) {
      if (count === touched.length) {
        const grown = new Uint32Array(2 * count + 1);
        grown.set(touched);
        touched = kept.touched = grown;
      }
      touched[count++] = article;
    }
    scores[article] = scores[article]! + amount;
  };

  const maxRareDf = rareLimit(corpus);
  const common: [number, number][] = [];
  let picked: Set<number>;
  // The scratch scores are cleared even when a read fails (postings not loaded yet: analyzeAsync loads them and asks again).
  try {
    for (const [termId, weight] of queryTerms(query)) {
      if (corpus.postingsLength(termId) > maxRareDf) {
        common.push([termId, weight]);
        continue;
      }
      for (const a of corpus.postings(termId)) add(a, weight);
    }
    // Too few articles share a rare term: widen to commoner ones, rarest first, within budget.
    if (count < limit) {
      common.sort((a, b) => corpus.postingsLength(a[0]) - corpus.postingsLength(b[0]));
      let budget = POSTINGS_BUDGET;
      for (const [termId, weight] of common) {
        const postings = corpus.postings(termId);
        if (postings.length > budget) break;
        budget -= postings.length;
        for (const a of postings) add(a, weight);
        if (count >= limit * 4) break;
      }
    }
    picked = new Set(topArticles(touched.subarray(0, count), scores, limit));
  } finally {
    for (let k = 0; k < count; k++) scores[touched[k]!] = 0;
  }
  for (const a of corpus.lshCandidates(query.fingerprint.signature).keys()) picked.add(a);
  return [...picked];
}

/** The `limit` best-scored articles (ties to the lower index), by a bounded min-heap: no full sort. */
function topArticles(articles: Uint32Array, scores: Float32Array, limit: number): number[] {
  const heap: number[] = [];
  // a ranks below b: lower score, or equal score and higher index.
  const below = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  // Through a temporary, not by destructuring: unoptimized, [x, y] = [y, x] allocates an array (thousands of articles go through the heap per query).
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && below(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && below(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const a of articles) {
    if (heap.length < limit) {
      heap.push(a);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!below(heap[i]!, heap[parent]!)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (below(heap[0]!, a)) {
      heap[0] = a;
      siftDown(0);
    }
  }
  return heap;
}
