// One compiled segment as a corpus of several sees it: its place among the others (first article,
// first sentence), its removed articles, and its local term ids tied to the corpus's term ids as
// they are first asked for.
import type { LshBuckets } from '../fingerprint/index.ts';
import { CompiledCorpus } from './corpus.ts';
import type { CorpusData } from './data.ts';
import type { LoadArticleBlock } from './parts.ts';
import { hashRange, lastStartAtMost } from '../sorted.ts';

export class OpenSegment {
  /** The segment alone: articles, texts, its own postings (its IDF is never used). */
  readonly alone: CompiledCorpus;
  readonly data: CorpusData;
  /** Articles stored in the segment, removed ones included. */
  readonly count: number;
  /** Removed (tombstoned) articles: removed[a] is 1; null when none are. */
  readonly removed: Uint8Array | null;
  readonly removedCount: number;
  /** For each local term id held by removed articles, how many of them hold it (their share of termDf). */
  readonly removedDf = new Map<number, number>();
  readonly buckets: LshBuckets;
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
  ) {
    this.alone = new CompiledCorpus(data, loadArticleBlock);
    this.data = data;
    this.count = data.meta.articleCount;
    this.buckets = { keys: data.lshKeys, articles: data.lshArticles };
    let removed: Uint8Array | null = null;
    let removedCount = 0;
    for (const id of removedIds ?? []) {
      const a = this.alone.indexOf(id);
      if (a === -1) continue;
      removed ??= new Uint8Array(this.count);
      if (removed[a]) continue;
      removed[a] = 1;
      removedCount++;
      // Every term of the article is stored, so its share of the document frequencies is exact.
      const { docTermStart, docTerms, factStart, facts } = data;
      for (let k = docTermStart[a]!; k < docTermStart[a + 1]!; k++) this.removedDf.set(docTerms[k]!, (this.removedDf.get(docTerms[k]!) ?? 0) + 1);
      for (let k = factStart[a]!; k < factStart[a + 1]!; k++) this.removedDf.set(facts[k]!, (this.removedDf.get(facts[k]!) ?? 0) + 1);
    }
    this.removed = removed;
    this.removedCount = removedCount;
  }

  get sentenceCount(): number {
    return this.data.sentenceStart[this.count]!;
  }

  isRemoved(local: number): boolean {
    return this.removed !== null && this.removed[local] === 1;
  }

  /** Articles of the segment holding the term (local id) that were not removed. */
  liveDf(local: number): number {
    return this.data.termDf[local]! - (this.removedDf.get(local) ?? 0);
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

  /** Entries first ..< last of the passage index holding the shingle hash. */
  passageRange(hash: number): [number, number] {
    return hashRange(this.data.passageHashes, hash);
  }
}
