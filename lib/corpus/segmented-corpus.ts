// A corpus of several compiled segments, searched as one: article indices are the segments'
// concatenated, document frequencies are summed (removed articles not counted), and every
// answer is what one compile of the live articles, in segment order, gives (a test holds them
// equal). Opening reads no segment's vocabulary: a term gets a corpus id when first asked for
// (by text, or through an article that holds it), with its document frequency summed then.
import type { PassageLookup } from '../facts/passage-index.ts';
import { MAX_SHINGLE_POSTINGS } from '../facts/passage-index.ts';
import type { CorpusSummary, SentenceSpan } from '../result.ts';
import { findTermBytes, findTermId, ROWS_READ_AHEAD, type Corpus, type CorpusArticle } from './corpus.ts';
import { dayFromIso, isoFromDay, NO_DATE, readString, type CorpusData } from './data.ts';
import { OpenSegment } from './open-segment.ts';
import { lshBucketSizesOver, lshCandidatesOver } from './segment-lsh.ts';
import { lastStartAtMost } from '../sorted.ts';
import type { LoadArticleBlock } from './parts.ts';
import { IndexNotLoadedError, type IndexPieces } from './index-pieces.ts';
import type { IndexRequest } from './corpus.ts';
import { chooseTermVector, type ChosenVector } from './term-vector.ts';
import { termIdf, TermWeights } from './term-weights.ts';
import { primaryVersions } from './versions.ts';
import { readBucketsOf, type LshPages } from './lsh-pages.ts';
import type { KnownQuery } from './known-articles.ts';
import { bucketKeys } from '../fingerprint/index.ts';

/** A compiled segment and the ids of its articles removed since (tombstones). */
export interface Segment {
  id: string;
  /** The segment's data, or its index part's (./parts.ts: then `loadArticleBlock` reads its article blocks). */
  data: CorpusData;
  removed?: ReadonlySet<string>;
  loadArticleBlock?: LoadArticleBlock;
  /** Index rows and postings stored apart from the index part, read on demand (./index-pieces.ts). */
  indexPieces?: IndexPieces;
  /** LSH buckets stored in pages, read on demand (./lsh-pages.ts); the data has none then. */
  lshPages?: LshPages;
}

/** Postings lists kept at most (a query reads up to 64 terms' lists, often twice). */
const POSTINGS_CACHE = 4096;
/** Terms kept with their ids by text at most (some 400 a page, half of them common words). */
const TERM_TEXTS_KEPT = 65_536;

/** Terms given their corpus id in one turn of reading ahead (some 3 ms at 40,000 articles). */
const TERMS_PER_TURN = 8192;

export class SegmentedCorpus extends TermWeights implements Corpus {
  readonly name: string;
  readonly size: number;
  readonly indexEnd: number;
  readonly summary: CorpusSummary;
  readonly averageLength: number;
  private readonly parts: OpenSegment[] = [];
  /** Each part's first corpus index and first corpus sentence, ascending, to find the part holding one. */
  private readonly partFirsts: number[] = [];
  private readonly partFirstSentences: number[] = [];
  // Corpus term ids, given as terms are first asked for: the segment and local id the term was first met in.
  private readonly originSegments: number[] = [];
  private readonly originLocals: number[] = [];
  private readonly dfs: number[] = [];
  private readonly idfs: number[] = [];
  /**
   * Local id of each corpus term in each segment (-1 where absent): term t's in segment s at
   * t · segments + s, in one array (thousands of terms get an id in a first analysis).
   */
  private termLocals = new Int32Array(0);
  private readonly postingCache = new Map<number, Uint32Array>();
  /**
   * Terms looked up by text so far, with their corpus ids (-1 for a term no segment holds):
   * a page's query looks up each of its few hundred terms (and unknown ones twice, for their
   * IDF), and successive pages share most common words; a term unknown to every segment costs a
   * hash and a search in each of them.
   */
  private readonly termIdsByText = new Map<string, number>();
  /**
   * The corpus ids of the stored terms of the article whose vector is being chosen: read only
   * while choosing, so one array serves every article (some 40 new candidates a page).
   */
  private vectorTerms = new Uint32Array(1024);
  /** Primary version of every article in a group of versions (others are their own), made on first use (primaries). */
  private primaryOf: Map<number, number> | null = null;
  private groupMembers: Map<number, number[]> | null = null;
  private merged: CorpusData | null = null;

  constructor(
    private readonly segments: readonly Segment[],
    private readonly options: { name?: string; merge: (segments: readonly Segment[], name: string) => CorpusData },
  ) {
    super();
    if (segments.length === 0) throw new RangeError('a corpus needs at least one segment');
    let first = 0;
    let firstSentence = 0;
    let size = 0;
    let length = 0;
    for (const segment of segments) {
      const part = new OpenSegment(segment.data, segment.removed, this.parts.length, first, firstSentence, segment.loadArticleBlock, segment.indexPieces, segment.lshPages);
      this.parts.push(part);
      this.partFirsts.push(first);
      this.partFirstSentences.push(firstSentence);
      first += part.count;
      firstSentence += part.sentenceCount;
      size += part.count - part.removedCount;
      for (let a = 0; a < part.count; a++) if (!part.isRemoved(a)) length += segment.data.docLength[a]!;
    }
    this.indexEnd = first;
    this.size = size;
    this.averageLength = size ? length / size : 0;
    this.name = options.name ?? segments.map((s) => s.data.meta.name).join(' + ');
    this.summary = this.summarize();
  }

  /** The segments merged into one (bulk access only: exporters, benchmarks); index pieces must all be read first. */
  get data(): CorpusData {
    const partial = this.segments.filter((s) => s.indexPieces && !s.indexPieces.complete);
    if (partial.length) throw new IndexNotLoadedError(this.name, 'the whole index', () => Promise.all(partial.map((s) => s.indexPieces!.loadAll())).then(() => undefined));
    this.merged ??= this.options.merge(this.segments, this.name);
    return this.merged;
  }

  /** Terms given a corpus id so far: opening gives none, a query those it meets. */
  get termsLookedUp(): number {
    return this.originSegments.length;
  }

  private summarize(): CorpusSummary {
    const outlets = new Set<string>();
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (const part of this.parts) {
      const { meta, publishedDay, outletIndex } = part.data;
      if (!part.removed) {
        meta.outlets.forEach((o) => outlets.add(o));
        if (meta.summary.firstPublished) firstDay = Math.min(firstDay, dayFromIso(meta.summary.firstPublished));
        if (meta.summary.lastPublished) lastDay = Math.max(lastDay, dayFromIso(meta.summary.lastPublished));
        continue;
      }
      for (let a = 0; a < part.count; a++) {
        if (part.isRemoved(a)) continue;
        if (outletIndex[a]! !== -1) outlets.add(meta.outlets[outletIndex[a]!]!);
        const day = publishedDay[a]!;
        if (day === NO_DATE) continue;
        firstDay = Math.min(firstDay, day);
        lastDay = Math.max(lastDay, day);
      }
    }
    return {
      name: this.name,
      articles: this.size,
      outlets: outlets.size,
      firstPublished: Number.isFinite(firstDay) ? isoFromDay(firstDay) : null,
      lastPublished: Number.isFinite(lastDay) ? isoFromDay(lastDay) : null,
    };
  }

  // Articles.

  /** The segment holding a corpus index, and the article's index in it. */
  private locate(index: number): [OpenSegment, number] {
    if (!Number.isInteger(index) || index < 0 || index >= this.indexEnd) throw new RangeError(`no article ${index} in corpus "${this.name}" (${this.indexEnd} places)`);
    const part = this.parts[lastStartAtMost(this.partFirsts, index)]!;
    return [part, index - part.first];
  }

  private live(index: number): [OpenSegment, number] {
    const [part, local] = this.locate(index);
    if (part.isRemoved(local)) throw new RangeError(`article ${index} of corpus "${this.name}" was removed`);
    return [part, local];
  }

  isRemoved(index: number): boolean {
    const [part, local] = this.locate(index);
    return part.isRemoved(local);
  }

  articleId(index: number): string {
    const [part, local] = this.live(index);
    return part.alone.articleId(local);
  }

  article(index: number): CorpusArticle {
    const [part, local] = this.live(index);
    return { ...part.alone.article(local), index };
  }

  indexOf(id: string): number {
    for (const part of this.parts) {
      const local = part.alone.indexOf(id);
      if (local !== -1 && !part.isRemoved(local)) return part.first + local;
    }
    return -1;
  }

  text(index: number): string {
    const [part, local] = this.live(index);
    return part.alone.text(local);
  }

  async loadArticles(indices: Iterable<number>): Promise<void> {
    const bySegment = new Map<OpenSegment, number[]>();
    for (const index of indices) {
      const [part, local] = this.locate(index);
      const locals = bySegment.get(part);
      if (locals) locals.push(local);
      else bySegment.set(part, [local]);
    }
    await Promise.all([...bySegment].map(([part, locals]) => part.alone.loadArticles(locals)));
  }

  async loadIndex(request: IndexRequest): Promise<void> {
    const articles = this.parts.map((): number[] => []);
    const terms = this.parts.map((): number[] => []);
    for (const index of request.articles ?? []) {
      const [part, local] = this.locate(index);
      articles[part.position]!.push(local);
    }
    for (const termId of request.terms ?? []) {
      for (let s = 0; s < this.parts.length; s++) {
        const local = this.termLocals[termId * this.parts.length + s]!;
        if (local !== -1) terms[s]!.push(local);
      }
    }
    const passages = [...(request.passages ?? [])];
    await Promise.all([
      ...this.parts.map((part, s) => (articles[s]!.length || terms[s]!.length || passages.length ? part.alone.loadIndex({ articles: articles[s], terms: terms[s], passages }) : undefined)),
      this.loadBuckets(request.signatures ?? []),
    ]);
  }

  async readSearchIndex(signal?: AbortSignal): Promise<void> {
    // Segment by segment: an analysis arriving meanwhile finds the earlier segments read whole.
    for (const part of this.parts) {
      if (signal?.aborted) return;
      await part.alone.readSearchPages(signal);
      if (signal?.aborted) return;
      await part.lshPages?.readAll();
    }
    // Then every term is given its corpus id: a warm page's candidates brought terms no page
    // had asked for, each looked up in every segment then (at 40,000 articles, about 0.9 ms of
    // a warm page's 20).
    for (let s = 0; s < this.parts.length; s++) {
      const terms = this.parts[s]!.data.termHashes.length;
      for (let from = 0; from < terms; from += TERMS_PER_TURN) {
        if (signal?.aborted) return;
        const to = Math.min(terms, from + TERMS_PER_TURN);
        for (let local = from; local < to; local++) this.corpusTerm(s, local);
        // A turn at a time: a page to analyse is not kept waiting behind the whole vocabulary.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    // Last, the newest articles' index rows, over the segments from the newest (the last).
    let rows = ROWS_READ_AHEAD;
    for (let s = this.parts.length - 1; s >= 0 && rows > 0; s--) {
      if (signal?.aborted) return;
      rows -= await this.parts[s]!.alone.readNewestRows(rows, signal);
    }
  }

  /** Reads the LSH pages a search of these signatures looks in, over every segment stored with pages. */
  private loadBuckets(signatures: Iterable<Uint32Array>): Promise<void> {
    return readBucketsOf(this.parts.map((part) => part.lshPages), signatures);
  }

  /** A compile or a refresh checking new articles against this corpus reads the LSH pages their checks look in first (CorpusContext). */
  prepare(query: KnownQuery): Promise<void> {
    return this.loadBuckets([...(query.fingerprints ?? [])].map((f) => f.signature));
  }

  /** A search of the signature's buckets reads every segment's pages it needs first, in one go. */
  private bucketsLoaded(signature: Uint32Array): void {
    // Keys only for segments stored with pages: a corpus holding its buckets whole checks nothing.
    let keys: Uint32Array | undefined;
    for (const part of this.parts) {
      const pages = part.lshPages;
      if (!pages) continue;
      keys ??= bucketKeys(signature);
      if (!keys.every((key) => pages.has(key))) throw new IndexNotLoadedError(this.name, 'the LSH buckets of a signature', () => this.loadBuckets([signature]));
    }
  }

  /** Article blocks loaded so far, over every segment opened from index parts. */
  get loadedBlocks(): number {
    return this.parts.reduce((sum, part) => sum + part.alone.loadedBlocks, 0);
  }

  sentences(index: number): SentenceSpan[] {
    const [part, local] = this.live(index);
    return part.alone.sentences(local);
  }

  sentenceCount(index: number): number {
    const [part, local] = this.live(index);
    return part.alone.sentenceCount(local);
  }

  sentenceMeaning(index: number): Int8Array {
    const [part, local] = this.live(index);
    return part.alone.sentenceMeaning(local);
  }

  publishedDay(index: number): number | null {
    const [part, local] = this.live(index);
    return part.alone.publishedDay(local);
  }

  length(index: number): number {
    const [part, local] = this.live(index);
    return part.data.docLength[local]!;
  }

  signature(index: number): Uint32Array {
    const [part, local] = this.live(index);
    return part.alone.signature(local);
  }

  shingleCount(index: number): number {
    const [part, local] = this.live(index);
    return part.data.shingleCounts[local]!;
  }

  // Versions: stored as links (pairs within a segment, ids across), grouped over live articles.

  primaryVersion(index: number): number {
    return this.primaries().get(index) ?? index;
  }

  /** The primary version of each article linked with another, in corpus order, grouped on first use. */
  private primaries(): Map<number, number> {
    if (!this.primaryOf) {
      const pairs: number[] = [];
      for (const part of this.parts) {
        const { versionPairs, versionLinkArticles, versionLinkIds } = part.data;
        for (let k = 0; k < versionPairs.length; k += 2) {
          const a = versionPairs[k]!;
          const b = versionPairs[k + 1]!;
          if (!part.isRemoved(a) && !part.isRemoved(b)) pairs.push(part.first + a, part.first + b);
        }
        for (let k = 0; k < versionLinkArticles.length; k++) {
          const a = versionLinkArticles[k]!;
          const other = this.indexOf(readString(versionLinkIds, k));
          if (other !== -1 && !part.isRemoved(a)) pairs.push(part.first + a, other);
        }
      }
      // Only articles linked with another are in a group (the rest are their own primary): the
      // groups are made over those, in corpus order, so ties go to the first as over every article.
      const members = [...new Set(pairs)].sort((a, b) => a - b);
      const at = new Map(members.map((m, k) => [m, k]));
      const primary = primaryVersions(members.length, pairs.map((i) => at.get(i)!), (k) => {
        const [part, local] = this.locate(members[k]!);
        return part.data.versionRank[local]!;
      });
      this.primaryOf = new Map(members.map((m, k) => [m, members[primary[k]!]!]));
    }
    return this.primaryOf;
  }

  versions(index: number): number[] {
    if (!this.groupMembers) {
      this.groupMembers = new Map();
      // Members of groups in corpus order (the primaries map holds them ascending).
      for (const [i, p] of this.primaries()) {
        if (p === i || this.isRemoved(i)) continue;
        const members = this.groupMembers.get(p);
        if (members) members.push(i);
        else this.groupMembers.set(p, [i]);
      }
    }
    const primary = this.primaryVersion(index);
    return [primary, ...(this.groupMembers.get(primary) ?? [])];
  }

  // Terms.

  /**
   * The corpus id of a segment's local term, given when first asked for, with its document
   * frequency summed over the segments; -1 when no live article holds it (as in one compile of
   * the live articles). The term is found in the other segments by its stored hash and bytes:
   * nothing is decoded or hashed again. Every segment holding it learns the corpus id at once,
   * so a local id without one is a term not asked for yet.
   */
  private intern(s0: number, local0: number): number {
    const part0 = this.parts[s0]!;
    const hash = part0.data.termHashes[local0]!;
    const { offsets, bytes } = part0.data.terms;
    const textStart = offsets[local0]!;
    const textEnd = offsets[local0 + 1]!;
    const segments = this.parts.length;
    const corpusId = this.originSegments.length;
    if ((corpusId + 1) * segments > this.termLocals.length) {
      const grown = new Int32Array(Math.max(1024 * segments, 2 * this.termLocals.length));
      grown.set(this.termLocals);
      this.termLocals = grown;
    }
    // Written at the next id's place (no subarray: thousands of terms are met in a first
    // analysis); kept only if a live article holds the term.
    const locals = this.termLocals;
    const base = corpusId * segments;
    let df = 0;
    let background = -1;
    for (let s = 0; s < segments; s++) {
      const part = this.parts[s]!;
      const local = s === s0 ? local0 : findTermBytes(part.data, hash, bytes, textStart, textEnd);
      locals[base + s] = local;
      if (local === -1) continue;
      df += part.liveDf(local);
      background = part.data.termBackground[local]!;
    }
    if (df === 0) return -1;
    this.originSegments.push(s0);
    this.originLocals.push(local0);
    this.dfs.push(df);
    this.idfs.push(termIdf(df, this.size, background));
    for (let s = 0; s < segments; s++) if (locals[base + s] !== -1) this.parts[s]!.setCorpusId(locals[base + s]!, corpusId);
    return corpusId;
  }

  /** The corpus id of a segment's local term id. */
  private corpusTerm(s: number, local: number): number {
    const id = this.parts[s]!.corpusId(local);
    return id !== -1 ? id : this.intern(s, local);
  }

  /** The corpus ids of a segment's local term ids (`corpusTerm` of each), into `out` (a new array by default). */
  private corpusTerms(s: number, locals: Uint32Array, out = new Uint32Array(locals.length)): Uint32Array {
    for (let k = 0; k < locals.length; k++) out[k] = this.corpusTerm(s, locals[k]!);
    return out;
  }

  termId(term: string): number {
    let id = this.termIdsByText.get(term);
    if (id !== undefined) return id;
    id = -1;
    // The first segment holding the term gives it (every segment holding it shares the id).
    for (let s = 0; s < this.parts.length; s++) {
      const local = findTermId(this.parts[s]!.data, term);
      if (local !== -1) {
        id = this.corpusTerm(s, local);
        break;
      }
    }
    if (this.termIdsByText.size >= TERM_TEXTS_KEPT) this.termIdsByText.delete(this.termIdsByText.keys().next().value!);
    this.termIdsByText.set(term, id);
    return id;
  }

  idfOfTermId(termId: number): number {
    return this.idfs[termId]!;
  }

  documentFrequencyOfTermId(termId: number): number {
    return this.dfs[termId]!;
  }

  termText(termId: number): string {
    return readString(this.parts[this.originSegments[termId]!]!.data.terms, this.originLocals[termId]!);
  }

  protected chooseVector(index: number): ChosenVector {
    const [part, local] = this.live(index);
    const locals = part.alone.docTerms(local);
    if (this.vectorTerms.length < locals.length) this.vectorTerms = new Uint32Array(Math.max(locals.length, 2 * this.vectorTerms.length));
    const ids = this.corpusTerms(part.position, locals, this.vectorTerms);
    return chooseTermVector(part.alone.docTermCounts(local), (k) => this.idfs[ids[k]!]!, (k) => ids[k]!);
  }

  facts(index: number): Uint32Array {
    const [part, local] = this.live(index);
    return this.corpusTerms(part.position, part.alone.facts(local));
  }

  headlineTerms(index: number): Uint32Array {
    const [part, local] = this.live(index);
    return this.corpusTerms(part.position, part.alone.headlineTerms(local));
  }

  leadTerms(index: number): Uint32Array {
    const [part, local] = this.live(index);
    return this.corpusTerms(part.position, part.alone.leadTerms(local));
  }

  postings(termId: number): Uint32Array {
    let list = this.postingCache.get(termId);
    if (list !== undefined) return list;
    const base = termId * this.parts.length;
    // Into one array of the segments' lengths summed (removed articles leave it shorter): a
    // term's postings run to thousands at 40,000 articles, and growing a list of them cost more.
    let length = 0;
    for (let s = 0; s < this.parts.length; s++) {
      const local = this.termLocals[base + s]!;
      if (local !== -1) length += this.parts[s]!.alone.postings(local).length;
    }
    const found = new Uint32Array(length);
    let n = 0;
    for (let s = 0; s < this.parts.length; s++) {
      const local = this.termLocals[base + s]!;
      if (local === -1) continue;
      const part = this.parts[s]!;
      const articles = part.alone.postings(local);
      for (let i = 0; i < articles.length; i++) if (!part.isRemoved(articles[i]!)) found[n++] = part.first + articles[i]!;
    }
    list = n === length ? found : found.slice(0, n);
    if (this.postingCache.size >= POSTINGS_CACHE) this.postingCache.delete(this.postingCache.keys().next().value!);
    this.postingCache.set(termId, list);
    return list;
  }

  postingsLength(termId: number): number {
    const cached = this.postingCache.get(termId);
    if (cached !== undefined) return cached.length;
    const base = termId * this.parts.length;
    let length = 0;
    // Indexed, not by entries(): a query asks this of each lookup term, some twice (an [index, part] pair per segment each time).
    for (let s = 0; s < this.parts.length; s++) {
      const local = this.termLocals[base + s]!;
      if (local !== -1) length += this.parts[s]!.livePostingsLength(local);
    }
    return length;
  }

  // Near duplicates and reused text.

  lshBucketSizes(signature: Uint32Array): Uint32Array {
    this.bucketsLoaded(signature);
    return lshBucketSizesOver(this.parts, signature);
  }

  lshCandidates(signature: Uint32Array, alsoInBand?: ArrayLike<number>): Map<number, number> {
    this.bucketsLoaded(signature);
    return lshCandidatesOver(this.parts, signature, alsoInBand);
  }

  passageIndex(): PassageLookup {
    const parts = this.parts;
    const segmentOfSentence = (sentence: number): OpenSegment => parts[lastStartAtMost(this.partFirstSentences, sentence)]!;
    const liveSentence = (part: OpenSegment, sentence: number) => !part.removed || !part.isRemoved(part.articleOfSentence(sentence));
    // Each segment's answer for the shingle looked up, in one array for all lookups (a page looks
    // up some 1,600 shingles in every segment); `visit` never looks up another.
    const found: Uint32Array[] = new Array<Uint32Array>(parts.length);
    return {
      forEachSentence(hash, visit) {
        // As in one compile: a shingle of more than MAX_SHINGLE_POSTINGS live sentences is skipped.
        for (let s = 0; s < parts.length; s++) found[s] = parts[s]!.passageSentences(hash);
        let total = 0;
        for (let s = 0; s < parts.length && total <= MAX_SHINGLE_POSTINGS; s++) {
          const part = parts[s]!;
          const sentences = found[s]!;
          if (!part.removed) total += sentences.length;
          else for (let i = 0; i < sentences.length && total <= MAX_SHINGLE_POSTINGS; i++) if (liveSentence(part, sentences[i]!)) total++;
        }
        if (total > MAX_SHINGLE_POSTINGS) return;
        for (let s = 0; s < parts.length; s++) {
          const part = parts[s]!;
          const sentences = found[s]!;
          for (let i = 0; i < sentences.length; i++) if (liveSentence(part, sentences[i]!)) visit(part.firstSentence + sentences[i]!);
        }
      },
      articleOfSentence(sentence) {
        const part = segmentOfSentence(sentence);
        return part.first + part.articleOfSentence(sentence - part.firstSentence);
      },
      firstSentence: (article) => {
        const [part, local] = this.locate(article);
        return part.firstSentence + part.data.sentenceStart[local]!;
      },
    };
  }
}
