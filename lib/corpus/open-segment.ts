// One compiled segment as a corpus of several sees it: its place among the others (first article,
// first sentence), its removed articles, and its local term ids tied to the corpus's term ids as
// they are first asked for.
import type { LshBuckets } from '../fingerprint/index.ts';
import { CompiledCorpus } from './corpus.ts';
import type { CorpusData } from './data.ts';
import type { LoadArticleBlock } from './parts.ts';
import { IndexNotLoadedError, type IndexPieces } from './index-pieces.ts';
import { hashRange, lastStartAtMost } from '../sorted.ts';
import { lshRead } from './apart-lookups.ts';
import type { LshPages } from './lsh-pages.ts';
import { bucketOf } from './segment-lsh.ts';

export class OpenSegment {
  /** The segment alone: articles, texts, its own postings (its IDF is never used). */
  readonly alone: CompiledCorpus;
  readonly data: CorpusData;
  /** Articles stored in the segment, removed ones included. */
  readonly count: number;
  /** Removed (tombstoned) articles: removed[a] is 1; null when none are. */
  readonly removed: Uint8Array | null;
  readonly removedCount: number;
  /** Removed articles (local), in the order their ids were given. */
  private readonly removedArticles: number[] = [];
  /** For each local term id held by removed articles, how many of them hold it (their share of termDf); counted on first use. */
  private removedDfs: Map<number, number> | null = null;
  /** Its LSH buckets in memory; null when read in pages (`lshPages`). */
  private readonly buckets: LshBuckets | null;
  /** Local term id → corpus term id + 1; 0 until the term is first asked for. Allocated on first use. */
  private corpusIds: Int32Array | null = null;

  constructor(
    data: CorpusData,
    removedIds: ReadonlySet<string> | undefined,
    /** Its place among the corpus's segments (0 for the first). */
    readonly position: number,
    /** Corpus index of the segment's first article. */
    readonly first: number,
    /** Corpus sentence number of the segment's first sentence. */
    readonly firstSentence: number,
    loadArticleBlock?: LoadArticleBlock,
    indexPieces?: IndexPieces,
    /** The LSH buckets, for a segment whose buckets are stored in pages (./lsh-pages.ts). */
    readonly lshPages?: LshPages,
  ) {
    this.alone = new CompiledCorpus(data, loadArticleBlock, indexPieces);
    this.data = data;
    this.count = data.meta.articleCount;
    if (!lshPages && !lshRead(data)) throw new Error(`corpus "${data.meta.name}" was opened without its LSH buckets or a way to read them`);
    this.buckets = lshPages ? null : { keys: data.lshKeys, articles: data.lshArticles };
    let removed: Uint8Array | null = null;
    let removedCount = 0;
    for (const id of removedIds ?? []) {
      const a = this.alone.indexOf(id);
      if (a === -1) continue;
      removed ??= new Uint8Array(this.count);
      if (removed[a]) continue;
      removed[a] = 1;
      removedCount++;
      this.removedArticles.push(a);
    }
    this.removed = removed;
    this.removedCount = removedCount;
  }

  /** The articles in the key's bucket; a bucket in pages not read yet throws IndexNotLoadedError (the corpus reads them for a whole search first). */
  bucket(key: number): Uint32Array {
    if (this.buckets) return bucketOf(this.buckets, key);
    const pages = this.lshPages!;
    const bucket = pages.bucket(key);
    if (!bucket) throw new IndexNotLoadedError(this.alone.name, `the LSH bucket ${key}`, () => pages.read([key]));
    return bucket;
  }

  get sentenceCount(): number {
    return this.data.sentenceStart[this.count]!;
  }

  isRemoved(local: number): boolean {
    return this.removed !== null && this.removed[local] === 1;
  }

  /** Articles of the segment holding the term (local id) that were not removed. */
  liveDf(local: number): number {
    return this.data.termDf[local]! - (this.removedDf().get(local) ?? 0);
  }

  /**
   * Live entries of the term's postings (local id): its stored list's length less the removed
   * articles' entries, counted from their rows as the postings count them (once per term and
   * once per fact). The list itself is not read: a query asks the length of each of its 64
   * terms, common ones included, whose lists run to tens of thousands of entries in a segment of
   * 100,000 articles.
   */
  livePostingsLength(local: number): number {
    const stored = this.alone.postingsLength(local);
    return this.removed ? stored - (this.removedDf().get(local) ?? 0) : stored;
  }

  /**
   * Every term of a removed article is stored, so its share of the document frequencies is exact.
   * A segment with index pieces reads the removed articles' rows first (utils/corpus-storage/open.ts
   * does on opening; otherwise the first query's IndexNotLoadedError asks for them).
   */
  private removedDf(): Map<number, number> {
    if (this.removedDfs) return this.removedDfs;
    const pieces = this.alone.pieces;
    const unread = pieces ? this.removedArticles.filter((a) => !pieces.hasRows(a)) : [];
    if (pieces && unread.length) throw new IndexNotLoadedError(this.alone.name, `the index rows of ${unread.length} removed articles`, () => pieces.loadRows(unread));
    const counts = new Map<number, number>();
    for (const a of this.removedArticles) {
      for (const t of this.alone.docTerms(a)) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const f of this.alone.facts(a)) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    this.removedDfs = counts;
    return counts;
  }

  corpusId(local: number): number {
    return (this.corpusIds?.[local] ?? 0) - 1;
  }

  setCorpusId(local: number, id: number): void {
    this.corpusIds ??= new Int32Array(this.data.termHashes.length);
    this.corpusIds[local] = id + 1;
  }

  /** The local article holding a local sentence number. */
  articleOfSentence(sentence: number): number {
    return lastStartAtMost(this.data.sentenceStart, sentence, this.count + 1);
  }

  /** The sentences (numbered within the segment) holding the shingle hash, in passage-index order. */
  passageSentences(hash: number): Uint32Array {
    const pieces = this.alone.pieces;
    if (pieces) return pieces.passageSentences(hash);
    const [first, last] = hashRange(this.data.passageHashes, hash);
    return this.data.passageSentences.subarray(first, last);
  }
}
