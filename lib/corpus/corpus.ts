// The loaded, queryable corpus. Story matching (lib/story) and fact alignment (lib/facts) read
// articles only through this interface; it is backed by the artifact's typed arrays, and
// strings (texts, titles, terms) are decoded only when asked for.
import { passageLookup, type PassageLookup } from '../facts/passage-index.ts';
import type { CorpusSummary, SentenceSpan } from '../result.ts';
import { lshBucketSizes, lshCandidates, MAX_BUCKET, SIGNATURE_SIZE } from '../fingerprint/index.ts';
import { termHash } from './compile.ts';
import { isoFromDay, NO_DATE, readString, type CorpusData, type StringTable } from './data.ts';
import { ArticlesNotLoadedError, INDEX_TEXT_MAX_SHINGLES, readArticleBlock, type ArticleBlock, type LoadArticleBlock } from './parts.ts';
import { CorpusFormatError, deserializeCorpus } from './format.ts';
import { findString, invertedIndex, tableHolds } from './part-lookups.ts';
import { IndexNotLoadedError, ROW_STARTS, type IndexPieces, type RowSection } from './index-pieces.ts';
import { MEANING_DIMS, MODEL_NAME } from '../meaning/index.ts';
import { chooseTermVector, type ChosenVector, type TermVector } from './term-vector.ts';
import { termIdf, TermWeights } from './term-weights.ts';
import { hashLowerBound } from '../sorted.ts';

/** An article's metadata (text and sentences are separate calls: they are decoded on demand). */
export interface CorpusArticle {
  /** Position in the corpus, 0..size-1: the key every other method takes. */
  index: number;
  id: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  /** YYYY-MM-DD */
  published: string | null;
}

export type { TermVector } from './term-vector.ts';

/** What a query is about to read of a corpus's index: rows of these articles, postings of these term ids, passage pages of these shingles. */
export interface IndexRequest {
  articles?: Iterable<number>;
  terms?: Iterable<number>;
  /** Shingle hashes the passage index will be asked about (lib/facts/passage-index.ts queryShingles). */
  passages?: Iterable<number>;
  /** Signatures whose LSH buckets a search will look in (story candidates' near-duplicates). */
  signatures?: Iterable<Uint32Array>;
}

/**
 * A compiled corpus, ready to query.
 *
 * Terms: the vocabulary holds stemmed content words (`contentTerms` in lib/text) and fact keys
 * (`factKeys` in ./features.ts: "n:putin", "#:60", "d:2018-03-20"). `termId(term)` maps a term
 * to its id (-1 when absent); document frequencies and IDF are over all articles. Lists of term
 * ids (term vectors, facts, headline and lead terms) are in term order: ascending hash, then
 * text. That is ascending id in one compiled corpus, not in a corpus of several segments
 * (./segments.ts), whose ids are given as terms are first asked for; code must not rely on id
 * order, so that both give the same results.
 *
 * Articles: indices run from 0 to `indexEnd`; a corpus of segments keeps the places of articles
 * removed since a segment was compiled (`isRemoved`), and `size` counts the others.
 *
 * Sentences: `sentences(i)` returns the article's SentenceSpans, offsets into `text(i)`, as
 * lib/text's `segmentSentences` produced them at build time. A term index over sentences is not
 * stored (it would dominate the artifact's size); fact alignment builds one over the few
 * same-story articles that story matching returns, from `sentences(i)`, `contentTerms` and `idf`.
 * What is stored is `passageIndex()`, a sample of every sentence's word shingles, to find text
 * reused anywhere in the corpus (wire copy, quotations).
 */
export interface Corpus {
  readonly name: string;
  /** Number of articles (removed ones not counted). */
  readonly size: number;
  /** Article indices are below this: `size` plus the places of removed articles. */
  readonly indexEnd: number;
  readonly summary: CorpusSummary;
  /** Mean number of content terms per article (BM25's average length). */
  readonly averageLength: number;
  /**
   * The raw arrays, for code that needs bulk access (benchmarks, exporters). A corpus of
   * segments gives its segments merged (./merge.ts), made on first access: costly, never for queries.
   */
  readonly data: CorpusData;

  /** Whether the article at this index was removed (a corpus of segments keeps its place). */
  isRemoved(index: number): boolean;
  article(index: number): CorpusArticle;
  /** The article's id alone: stored with what opening reads, where its title and URL may be in index rows read on demand. */
  articleId(index: number): string;
  /** Index of the article with this id, or -1. */
  indexOf(id: string): number;
  text(index: number): string;
  /**
   * Makes the articles' texts, sentences and meaning vectors readable. A corpus opened from index
   * parts (./parts.ts) reads them on demand, and `text`, `sentences` and `sentenceMeaning` of an
   * article not loaded throw ArticlesNotLoadedError; other corpora hold them already.
   */
  loadArticles(indices: Iterable<number>): Promise<void>;
  /**
   * Makes index rows (terms, facts, headline and lead terms) of these articles, postings of these
   * term ids and the passage index's pages holding these shingles readable. A corpus of segments
   * stored with index pieces (./index-pieces.ts) reads them on demand, and reading them before
   * throws IndexNotLoadedError; others hold them.
   */
  loadIndex(request: IndexRequest): Promise<void>;
  /**
   * Reads ahead what every page's search reads some of: the postings, passage and LSH pages of
   * each segment stored with index pieces, and the index rows of the newest ROWS_READ_AHEAD
   * articles (a page's candidates are mostly recent coverage), so that once warm an analysis
   * waits for its articles alone. The background calls it once it has answered a page; it stops
   * between reads once `signal` is aborted. Others hold it all already.
   */
  readSearchIndex(signal?: AbortSignal): Promise<void>;
  sentences(index: number): SentenceSpan[];
  sentenceCount(index: number): number;
  /**
   * Meaning vectors of the article's sentences (lib/meaning), as stored at build time: row k
   * (MEANING_DIMS int8 values) is sentence k of `sentences(index)`.
   */
  sentenceMeaning(index: number): Int8Array;
  /** The passage index over every sentence of the corpus, for finding reused text. */
  passageIndex(): PassageLookup;
  /** Days since 1970-01-01, or null without a date. */
  publishedDay(index: number): number | null;

  /** The readable version of the article's group of versions (the article itself when alone). */
  primaryVersion(index: number): number;
  /** All versions of the article's group, primary first. */
  versions(index: number): number[];

  termId(term: string): number;
  documentFrequency(term: string): number;
  /**
   * Smoothed inverse document frequency with the background prior (`inverseDocumentFrequency`);
   * terms the corpus has never seen are weighed by the background alone.
   */
  idf(term: string): number;
  idfOfTermId(termId: number): number;
  documentFrequencyOfTermId(termId: number): number;
  termText(termId: number): string;

  /**
   * The article's term vector: its highest TF-IDF terms (up to TOP_TERMS) with this corpus's
   * IDF, chosen on first use from every term stored for the article, in term order.
   */
  termVector(index: number): TermVector;
  /** Norm of the article's term vector with weights (1 + ln count) · idf. */
  vectorNorm(index: number): number;
  /** Number of content terms in the article. */
  length(index: number): number;
  /** Fact-key term ids of the article, in term order. */
  facts(index: number): Uint32Array;
  /** Term ids of the headline (title, or first sentence without one), in term order, repeats kept. */
  headlineTerms(index: number): Uint32Array;
  /** Term ids of the lead (headline and first two sentences), in term order, repeats kept. */
  leadTerms(index: number): Uint32Array;
  /** Articles (ascending) whose terms or facts hold the term id (the inverted index). */
  postings(termId: number): Uint32Array;
  /** `postings(termId).length`, without reading the list where its length is stored (a segment without removed articles). */
  postingsLength(termId: number): number;

  signature(index: number): Uint32Array;
  shingleCount(index: number): number;
  /**
   * Articles sharing an LSH band with a signature, with the number of shared bands; buckets of
   * more than MAX_BUCKET articles are skipped, `alsoInBand[band]` articles held elsewhere (a
   * segment being compiled) counted in.
   */
  lshCandidates(signature: Uint32Array, alsoInBand?: ArrayLike<number>): Map<number, number>;
  /** Articles in each of the signature's LSH buckets, one count per band. */
  lshBucketSizes(signature: Uint32Array): Uint32Array;
}

/**
 * Articles whose index rows the background reads ahead, the newest first: the default
 * retention's cap (lib/feeds/sources.ts), some 51 MB of rows at 40,000 articles. A warm page's
 * candidates are mostly recent coverage; their rows were a third of the parts it read, and
 * waiting for them was about 5 ms of a warm page in Chromium at 40,000 articles.
 */
export const ROWS_READ_AHEAD = 40_000;

export class CompiledCorpus extends TermWeights implements Corpus {
  readonly name: string;
  readonly size: number;
  readonly indexEnd: number;
  readonly summary: CorpusSummary;
  readonly averageLength: number;
  private idLookup: Map<string, number> | null = null;
  private groupMembers: Map<number, number[]> | null = null;
  private inverted: { start: Uint32Array; articles: Uint32Array } | null = null;
  private readonly blocks = new Map<number, ArticleBlock>();
  private readonly pendingBlocks = new Map<number, Promise<void>>();
  private idfs: Float32Array | null = null;

  /**
   * `loadBlock` reads the article blocks of an index part (./parts.ts), `pieces` its index rows,
   * postings and passage pages stored apart (./index-pieces.ts); an artifact has everything in itself.
   */
  constructor(
    readonly data: CorpusData,
    private readonly loadBlock?: LoadArticleBlock,
    readonly pieces?: IndexPieces,
  ) {
    super();
    const meaning = data.meta.meaning;
    if (meaning?.model !== MODEL_NAME || meaning.dims !== MEANING_DIMS) {
      throw new CorpusFormatError(
        `the corpus's sentence vectors come from ${meaning ? `${meaning.model} (${meaning.dims} dimensions)` : 'no model'}, not ${MODEL_NAME} (${MEANING_DIMS}); rebuild it with "parallax corpus build"`,
      );
    }
    this.name = data.meta.name;
    this.size = data.meta.articleCount;
    this.indexEnd = this.size;
    this.summary = data.meta.summary;
    let total = 0;
    for (let i = 0; i < this.size; i++) total += data.docLength[i]!;
    this.averageLength = this.size ? total / this.size : 0;
  }

  /** IDF of every term, computed on first use (a segment searched with others never needs its own). */
  private get idfTable(): Float32Array {
    if (!this.idfs) {
      const { termDf, termBackground } = this.data;
      this.idfs = new Float32Array(termDf.length);
      for (let t = 0; t < termDf.length; t++) this.idfs[t] = termIdf(termDf[t]!, this.size, termBackground[t]!);
    }
    return this.idfs;
  }

  /**
   * The inverted index: stored in a segment's index part (./part-lookups.ts), or built on first
   * use by counting sort over every article's terms and facts (two passes, no per-term arrays).
   */
  private get postingIndex(): { start: Uint32Array; articles: Uint32Array } {
    const { postingStart, postingArticles } = this.data;
    this.inverted ??= postingStart && postingArticles ? { start: postingStart, articles: postingArticles } : invertedIndex(this.data);
    return this.inverted;
  }

  isRemoved(): boolean {
    return false;
  }

  article(index: number): CorpusArticle {
    this.check(index);
    const outlet = this.data.outletIndex[index]!;
    // Titles and URLs of a segment with index pieces are in its index rows (./index-pieces.ts).
    const head = this.pieces?.rowHeads ? this.pieces.head(index) : null;
    return {
      index,
      id: readString(this.data.ids, index),
      outlet: outlet === -1 ? null : (this.data.meta.outlets[outlet] ?? null),
      title: (head ? head.titles : readString(this.data.titles, index)) || null,
      url: (head ? head.urls : readString(this.data.urls, index)) || null,
      published: isoFromDay(this.data.publishedDay[index]!),
    };
  }

  articleId(index: number): string {
    this.check(index);
    return readString(this.data.ids, index);
  }

  indexOf(id: string): number {
    const { idHashes, idOrder } = this.data;
    // An index part finds an id by its hash (./part-lookups.ts); other data by a map of every id, made on first use.
    if (idHashes && idOrder) return findString(this.data.ids, { hashes: idHashes, order: idOrder }, id);
    if (!this.idLookup) {
      this.idLookup = new Map();
      for (let i = 0; i < this.size; i++) this.idLookup.set(readString(this.data.ids, i), i);
    }
    return this.idLookup.get(id) ?? -1;
  }

  /**
   * Where the article's text, sentence spans and meaning vectors are: the artifact itself, or
   * the loaded block holding it (a segment opened from its index part, ./parts.ts); `sentence`
   * is the number there of the article's first sentence.
   */
  private rows(index: number): { texts: StringTable; at: number; sentenceOffsets: Uint32Array; sentenceMeaning: Int8Array; sentence: number } {
    this.check(index);
    const layout = this.data.meta.parts;
    if (!layout) return { texts: this.data.texts, at: index, sentenceOffsets: this.data.sentenceOffsets, sentenceMeaning: this.data.sentenceMeaning, sentence: this.data.sentenceStart[index]! };
    const block = this.blocks.get(Math.floor(index / layout.blockSize));
    if (!block) throw new ArticlesNotLoadedError(this.name, index);
    const sentence = this.data.sentenceStart[index]! - this.data.sentenceStart[block.first]!;
    return { texts: block.texts, at: index - block.first, sentenceOffsets: block.sentenceOffsets, sentenceMeaning: block.sentenceMeaning, sentence };
  }

  text(index: number): string {
    // Short texts stay in an index part: story matching reads them (see INDEX_TEXT_MAX_SHINGLES).
    if (this.data.meta.parts && this.data.shingleCounts[index]! < INDEX_TEXT_MAX_SHINGLES) {
      this.check(index);
      return readString(this.data.texts, index);
    }
    const { texts, at } = this.rows(index);
    return readString(texts, at);
  }

  async loadArticles(indices: Iterable<number>): Promise<void> {
    const layout = this.data.meta.parts;
    if (!layout) return;
    if (!this.loadBlock) throw new CorpusFormatError(`corpus "${this.name}" is an index part without its article blocks`);
    const load = this.loadBlock;
    const waits: Promise<void>[] = [];
    for (const index of new Set(Array.from(indices, (i) => Math.floor(i / layout.blockSize)))) {
      if (this.blocks.has(index)) continue;
      let pending = this.pendingBlocks.get(index);
      if (!pending) {
        pending = load(index).then((bytes) => {
          this.blocks.set(index, readArticleBlock(bytes));
          this.pendingBlocks.delete(index);
        });
        this.pendingBlocks.set(index, pending);
      }
      waits.push(pending);
    }
    await Promise.all(waits);
  }

  async loadIndex(request: IndexRequest): Promise<void> {
    if (!this.pieces) return;
    await Promise.all([this.pieces.loadRows(request.articles ?? []), this.pieces.loadPostings(request.terms ?? []), this.pieces.loadPassages(request.passages ?? [])]);
  }

  async readSearchIndex(signal?: AbortSignal): Promise<void> {
    await this.readSearchPages(signal);
    if (!signal?.aborted) await this.readNewestRows(ROWS_READ_AHEAD, signal);
  }

  /** Every postings and passage page (./index-pieces.ts `loadSearchPages`). */
  async readSearchPages(signal?: AbortSignal): Promise<void> {
    await this.pieces?.loadSearchPages(signal);
  }

  /** The index rows of the newest `articles` articles at most; how many articles they cover (all of them when the rows are held whole). */
  async readNewestRows(articles: number, signal?: AbortSignal): Promise<number> {
    return this.pieces ? this.pieces.loadNewestRows(articles, signal) : Math.min(articles, this.data.meta.articleCount);
  }

  /** Article blocks loaded so far (a corpus opened from an index part). */
  get loadedBlocks(): number {
    return this.blocks.size;
  }

  passageIndex(): PassageLookup {
    // A segment alone is searched whole (a corpus of segments pages through its passage index: ./open-segment.ts).
    const pieces = this.pieces;
    if (pieces && !pieces.complete) throw new IndexNotLoadedError(this.name, 'the passage index', () => pieces.loadAll());
    return passageLookup({ hashes: this.data.passageHashes, sentences: this.data.passageSentences, sentenceStart: this.data.sentenceStart });
  }

  sentences(index: number): SentenceSpan[] {
    const { texts, at, sentenceOffsets, sentence } = this.rows(index);
    const text = readString(texts, at);
    const spans: SentenceSpan[] = [];
    for (let s = sentence, k = 0; k < this.sentenceCount(index); s++, k++) {
      const start = sentenceOffsets[2 * s]!;
      const end = sentenceOffsets[2 * s + 1]!;
      spans.push({ index: k, start, end, text: text.slice(start, end) });
    }
    return spans;
  }

  sentenceMeaning(index: number): Int8Array {
    const { sentenceMeaning, sentence } = this.rows(index);
    return sentenceMeaning.subarray(sentence * MEANING_DIMS, (sentence + this.sentenceCount(index)) * MEANING_DIMS);
  }

  sentenceCount(index: number): number {
    return this.data.sentenceStart[index + 1]! - this.data.sentenceStart[index]!;
  }

  publishedDay(index: number): number | null {
    const day = this.data.publishedDay[index]!;
    return day === NO_DATE ? null : day;
  }

  primaryVersion(index: number): number {
    return this.data.primaryVersion[index]!;
  }

  versions(index: number): number[] {
    if (!this.groupMembers) {
      this.groupMembers = new Map();
      for (let i = 0; i < this.size; i++) {
        const p = this.data.primaryVersion[i]!;
        if (p === i) continue;
        const members = this.groupMembers.get(p);
        if (members) members.push(i);
        else this.groupMembers.set(p, [i]);
      }
    }
    const primary = this.primaryVersion(index);
    return [primary, ...(this.groupMembers.get(primary) ?? [])];
  }

  termId(term: string): number {
    return findTermId(this.data, term);
  }

  idfOfTermId(termId: number): number {
    return this.idfTable[termId]!;
  }

  documentFrequencyOfTermId(termId: number): number {
    return this.data.termDf[termId]!;
  }

  termText(termId: number): string {
    return readString(this.data.terms, termId);
  }

  protected chooseVector(index: number): ChosenVector {
    const terms = this.docTerms(index);
    return chooseTermVector(this.docTermCounts(index), (k) => this.idfTable[terms[k]!]!, (k) => terms[k]!);
  }

  length(index: number): number {
    return this.data.docLength[index]!;
  }

  /** The article's entries of an index row section: from its read index rows (a segment with index pieces) or the data. */
  private row<S extends RowSection>(name: S, index: number): CorpusData[S] {
    if (this.pieces) return this.pieces.row(name, index);
    const start = ROW_STARTS[name];
    // An artifact, or an index part written before pieces, holds every row itself.
    return this.data[name].subarray(this.data[start][index]!, this.data[start][index + 1]!) as CorpusData[S];
  }

  /** Every distinct content term of the article (term ids, in term order). */
  docTerms(index: number): Uint32Array {
    return this.row('docTerms', index);
  }

  /** How often the article holds each of its docTerms (capped at 255). */
  docTermCounts(index: number): Uint8Array {
    return this.row('docTermTf', index);
  }

  facts(index: number): Uint32Array {
    return this.row('facts', index);
  }

  headlineTerms(index: number): Uint32Array {
    return this.row('headlineTerms', index);
  }

  leadTerms(index: number): Uint32Array {
    return this.row('leadTerms', index);
  }

  postings(termId: number): Uint32Array {
    const pieces = this.pieces;
    if (pieces) return pieces.postings(termId);
    const { start, articles } = this.postingIndex;
    return articles.subarray(start[termId]!, start[termId + 1]!);
  }

  postingsLength(termId: number): number {
    const start = this.data.postingStart;
    return this.pieces && start ? start[termId + 1]! - start[termId]! : this.postings(termId).length;
  }

  signature(index: number): Uint32Array {
    if (this.pieces?.rowSignatures) return this.pieces.signature(index);
    return this.data.signatures.subarray(index * SIGNATURE_SIZE, (index + 1) * SIGNATURE_SIZE);
  }

  shingleCount(index: number): number {
    return this.data.shingleCounts[index]!;
  }

  lshCandidates(signature: Uint32Array, alsoInBand?: ArrayLike<number>): Map<number, number> {
    return lshCandidates({ keys: this.data.lshKeys, articles: this.data.lshArticles }, signature, 0, MAX_BUCKET, alsoInBand);
  }

  lshBucketSizes(signature: Uint32Array): Uint32Array {
    return lshBucketSizes({ keys: this.data.lshKeys, articles: this.data.lshArticles }, signature);
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`no article ${index} in corpus "${this.name}" (${this.size} articles)`);
  }
}

/** The id of a term in the data's vocabulary, or -1: a binary search of its hash, then the text confirmed. */
export function findTermId(data: CorpusData, term: string): number {
  const hash = termHash(term);
  const hashes = data.termHashes;
  const first = hashLowerBound(hashes, hash);
  if (first === hashes.length || hashes[first] !== hash) return -1;
  // Confirm the term itself (hashes can collide), as a string index confirms an id or URL.
  const ascii = /^[ -~]*$/.test(term);
  for (let t = first; t < hashes.length && hashes[t] === hash; t++) if (tableHolds(data.terms, t, term, ascii)) return t;
  return -1;
}

/**
 * The id of a term given by its hash and UTF-8 bytes (`bytes[start ..< end]`, as another segment
 * stores it), or -1: a corpus of segments finds a term met in one segment in the others without
 * decoding it. The bytes are read in place (no subarray): thousands of terms are looked up in
 * every segment by a first analysis.
 */
export function findTermBytes(data: CorpusData, hash: number, bytes: Uint8Array, start: number, end: number): number {
  const hashes = data.termHashes;
  const { offsets, bytes: stored } = data.terms;
  const length = end - start;
  for (let t = hashLowerBound(hashes, hash); t < hashes.length && hashes[t] === hash; t++) {
    const from = offsets[t]!;
    if (offsets[t + 1]! - from !== length) continue;
    let i = 0;
    while (i < length && stored[from + i] === bytes[start + i]) i++;
    if (i === length) return t;
  }
  return -1;
}

/** Loads a compiled artifact (the bytes of corpus.bin) into a queryable corpus. */
export function loadCorpus(bytes: Uint8Array | ArrayBuffer, options: { verify?: boolean } = {}): CompiledCorpus {
  return new CompiledCorpus(deserializeCorpus(bytes, options));
}
