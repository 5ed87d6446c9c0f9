// A passage index over every sentence of a corpus: where else does a run of this sentence's
// words appear verbatim (wire copy, press releases, quotations reused by other outlets)?
//
// Index first, compare second. Each corpus sentence is cut into word shingles (PASSAGE_SHINGLE_WORDS
// folded words, stopwords kept: reuse is about wording, and "said in a statement" is wording);
// only a content-defined sample of them is stored (winnowing, Schleimer et al. 2003: the
// smallest hash of every window of WINNOW_WINDOW consecutive shingles), which guarantees that
// two sentences sharing a run of PASSAGE_MIN_RUN_WORDS words share a stored shingle, at about a third
// of the shingles. A query looks up every shingle of its sentences, so any stored shingle inside
// a shared run is found. Postings are two parallel typed arrays sorted by hash (shingle hash,
// corpus sentence number): compact, binary-searchable, and storable as they are in the artifact.
import { hashString, mix32 } from '../fingerprint/hash.ts';
import { foldedWords } from '../text/normalize.ts';
import { GrowableUint32 } from '../growable-uint32.ts';
import { hashRange, lastStartAtMost } from '../sorted.ts';

/**
 * Shared runs of this many words are always found: fact alignment's REUSE_MIN_WORDS
 * (compare.ts; a test holds them equal). Not imported, so that the corpus compiler can build
 * the index without loading the sentence scorer.
 */
export const PASSAGE_MIN_RUN_WORDS = 10;
/** Folded words per shingle (lib/text `foldedWords`, as fact alignment counts verbatim runs): longer than common phrases ("one of the"). */
export const PASSAGE_SHINGLE_WORDS = 6;
/** Shingles per winnowing window: a run of PASSAGE_MIN_RUN_WORDS words holds one whole window. */
export const WINNOW_WINDOW = PASSAGE_MIN_RUN_WORDS - PASSAGE_SHINGLE_WORDS + 1;
/**
 * A shingle in more corpus sentences than this is dropped from the index. Such shingles are
 * boilerplate ("said in a statement on monday that", "the views expressed in this article"),
 * or text so widely syndicated that it singles out no outlet; and each one a query meets costs
 * a visit to every one of its postings. Dropping them bounds a query's work by its shingles
 * times this cap, whatever the corpus size.
 */
export const MAX_SHINGLE_POSTINGS = 64;
/** Candidate corpus sentences kept per query sentence, most shared shingles first. */
export const MAX_PASSAGES_PER_SENTENCE = 12;

const PASSAGE_SEED = 0x9a55a6e5;

export interface PassageIndex {
  /** Stored shingle hashes, ascending (repeated once per posting). */
  hashes: Uint32Array;
  /** Corpus sentence number of each posting (parallel to `hashes`), ascending within a hash. */
  sentences: Uint32Array;
  /** First sentence number of each article; article a holds sentences sentenceStart[a] ..< sentenceStart[a + 1]. */
  sentenceStart: Uint32Array;
}

/** A corpus sentence sharing shingles with a query sentence. */
export interface PassageHit {
  /** Index of the query sentence. */
  sentence: number;
  article: number;
  /** Index of the sentence within its article. */
  articleSentence: number;
  /** Distinct stored shingles the two share. */
  shared: number;
}

/** Hashes of every shingle of a word sequence, in order (none when shorter than a shingle). */
export function shingleSequence(words: readonly string[]): Uint32Array {
  const count = words.length - PASSAGE_SHINGLE_WORDS + 1;
  if (count <= 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(words.length);
  // Hashing a short word costs about what a cache lookup of it would (both read its characters).
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashString(words[i]!, PASSAGE_SEED);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    // Multiply-rotate steps (each a bijection of h, so word order counts), one avalanche at the end.
    let h = PASSAGE_SEED;
    for (let j = 0; j < PASSAGE_SHINGLE_WORDS; j++) {
      h = Math.imul(h ^ wordHashes[i + j]!, 0x9e3779b1);
      h = (h << 13) | (h >>> 19);
    }
    out[i] = mix32(h);
  }
  return out;
}

function distinctSorted(values: number[] | Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/** The shingles of a sentence the index stores (its winnowed sample), distinct and ascending. */
export function sampledShingles(text: string): Uint32Array {
  const all = shingleSequence(foldedWords(text));
  if (all.length === 0) return all;
  const picked: number[] = [];
  const window = Math.min(WINNOW_WINDOW, all.length);
  let lastPick = -1;
  for (let start = 0; start + window <= all.length; start++) {
    let min = start;
    // The rightmost smallest, so that sliding windows keep picking the same shingle.
    for (let i = start + 1; i < start + window; i++) if (all[i]! <= all[min]!) min = i;
    if (min !== lastPick) picked.push(all[min]!);
    lastPick = min;
  }
  return distinctSorted(picked);
}

/** The latest sentences' query shingles: a page's are asked for to load the index, then to search it. */
const queried = new Map<string, Uint32Array>();
const QUERIED_KEPT = 512;

/** Every distinct shingle of a sentence, ascending: what a query looks up (never to be changed by the caller). */
export function queryShingles(text: string): Uint32Array {
  let shingles = queried.get(text);
  if (shingles === undefined) {
    shingles = distinctSorted(shingleSequence(foldedWords(text)));
    if (queried.size >= QUERIED_KEPT) queried.delete(queried.keys().next().value!);
    queried.set(text, shingles);
  }
  return shingles;
}

/**
 * Stable LSD radix sort of (key, value) pairs by key, two 16-bit passes: linear time on the
 * millions of postings of a large corpus, and values (sentence numbers, added in order) stay
 * ascending within a key.
 */
function sortPairsByKey(keys: Uint32Array, values: Uint32Array): { keys: Uint32Array; values: Uint32Array } {
  let k: Uint32Array = keys;
  let v: Uint32Array = values;
  let k2: Uint32Array = new Uint32Array(keys.length);
  let v2: Uint32Array = new Uint32Array(keys.length);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < k.length; i++) counts[((k[i]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < k.length; i++) {
      const slot = counts[(k[i]! >>> shift) & 0xffff]!++;
      k2[slot] = k[i]!;
      v2[slot] = v[i]!;
    }
    [k, k2] = [k2, k];
    [v, v2] = [v2, v];
  }
  return { keys: k, values: v };
}

/** Builds a passage index article by article (sentences in corpus order). */
export class PassageIndexBuilder {
  private readonly hashes = new GrowableUint32();
  private readonly postings = new GrowableUint32();
  private readonly starts: number[] = [0];
  private sentenceCount = 0;

  constructor(private readonly maxPostings = MAX_SHINGLE_POSTINGS) {}

  /** Adds the next article, as its sentences' texts. */
  addArticle(sentences: readonly string[]): void {
    for (const text of sentences) {
      for (const h of sampledShingles(text)) {
        this.hashes.push(h);
        this.postings.push(this.sentenceCount);
      }
      this.sentenceCount++;
    }
    this.starts.push(this.sentenceCount);
  }

  build(): PassageIndex {
    const sorted = sortPairsByKey(this.hashes.view(), this.postings.view());
    // Drop the shingles of more than maxPostings sentences (see MAX_SHINGLE_POSTINGS).
    let n = 0;
    for (let i = 0; i < sorted.keys.length; ) {
      let end = i + 1;
      while (end < sorted.keys.length && sorted.keys[end] === sorted.keys[i]) end++;
      if (end - i <= this.maxPostings) {
        for (let j = i; j < end; j++, n++) {
          sorted.keys[n] = sorted.keys[j]!;
          sorted.values[n] = sorted.values[j]!;
        }
      }
      i = end;
    }
    return { hashes: sorted.keys.slice(0, n), sentences: sorted.values.slice(0, n), sentenceStart: Uint32Array.from(this.starts) };
  }
}

/**
 * A passage index from postings gathered in ascending sentence number (stored indexes merged,
 * lib/corpus/merge.ts): the same arrays a build over those sentences gives, without reading a
 * sentence. Every posting is kept (no cap).
 */
export function passageIndexFromPostings(hashes: Uint32Array, sentences: Uint32Array, sentenceStart: Uint32Array): PassageIndex {
  const sorted = sortPairsByKey(hashes, sentences);
  return { hashes: sorted.keys, sentences: sorted.values, sentenceStart };
}

/** A passage index over articles given as lists of sentence texts. */
export function buildPassageIndex(articles: Iterable<readonly string[]>, maxPostings = MAX_SHINGLE_POSTINGS): PassageIndex {
  const builder = new PassageIndexBuilder(maxPostings);
  for (const sentences of articles) builder.addArticle(sentences);
  return builder.build();
}

/** Bytes the index's arrays take. */
export function passageIndexBytes(index: PassageIndex): number {
  return index.hashes.byteLength + index.sentences.byteLength + index.sentenceStart.byteLength;
}

/**
 * What finding reused text asks of a passage index, whether it is one stored index or several
 * searched together (lib/corpus segments): sentence numbers need not be consecutive.
 */
export interface PassageLookup {
  /**
   * Visits every corpus sentence whose stored shingles include `hash`, in ascending sentence
   * number, unless more than MAX_SHINGLE_POSTINGS sentences hold it (then none: see there).
   */
  forEachSentence(hash: number, visit: (sentence: number) => void): void;
  /** The article holding a corpus sentence number. */
  articleOfSentence(sentence: number): number;
  /** The corpus sentence number of an article's first sentence. */
  firstSentence(article: number): number;
}

/** A stored index as a lookup, dropping the shingles of more than `maxPostings` sentences. */
export function passageLookup(index: PassageIndex, maxPostings = MAX_SHINGLE_POSTINGS): PassageLookup {
  return {
    forEachSentence(hash, visit) {
      const [first, last] = hashRange(index.hashes, hash);
      if (last - first > maxPostings) return;
      for (let i = first; i < last; i++) visit(index.sentences[i]!);
    },
    articleOfSentence: (sentence) => lastStartAtMost(index.sentenceStart, sentence),
    firstSentence: (article) => index.sentenceStart[article]!,
  };
}

export interface PassageQueryOptions {
  /** Articles never to return (the page itself, its versions, articles already compared). */
  skipArticle?: (article: number) => boolean;
  /** Candidates kept per query sentence (default MAX_PASSAGES_PER_SENTENCE). */
  perSentence?: number;
}

/**
 * Corpus sentences sharing stored shingles with each of `sentences`, most shared first. Work
 * is bounded by the query's shingles times MAX_SHINGLE_POSTINGS; no corpus sentence is read.
 */
export function findReusedPassages(index: PassageLookup, sentences: readonly string[], options: PassageQueryOptions = {}): PassageHit[] {
  const perSentence = options.perSentence ?? MAX_PASSAGES_PER_SENTENCE;
  const skipCache = new Map<number, boolean>();
  const skip = (article: number): boolean => {
    if (options.skipArticle === undefined) return false;
    let s = skipCache.get(article);
    if (s === undefined) skipCache.set(article, (s = options.skipArticle(article)));
    return s;
  };
  const hits: PassageHit[] = [];
  sentences.forEach((text, sentence) => {
    const shared = new Map<number, number>();
    const count = (s: number) => shared.set(s, (shared.get(s) ?? 0) + 1);
    for (const h of queryShingles(text)) index.forEachSentence(h, count);
    const found: PassageHit[] = [];
    for (const [s, count] of shared) {
      const article = index.articleOfSentence(s);
      if (skip(article)) continue;
      found.push({ sentence, article, articleSentence: s - index.firstSentence(article), shared: count });
    }
    found.sort((a, b) => b.shared - a.shared || a.article - b.article || a.articleSentence - b.articleSentence);
    hits.push(...found.slice(0, perSentence));
  });
  return hits;
}

/** Length in words of the longest run two word sequences share verbatim. */
export function longestSharedRun(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const run = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : 0;
      current[j] = run;
      if (run > best) best = run;
    }
    [previous, current] = [current, previous];
  }
  return best;
}
