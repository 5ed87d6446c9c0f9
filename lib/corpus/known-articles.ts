// The articles a corpus of segments holds, as a feed refresh checks new items against them and a
// new segment joins them: opened from the segments' lookups alone (./segment-lookups.ts), not
// their index parts. A segment stored with a known part (./known-parts.ts) is read lazily: its
// known part at once, the LSH pages of the buckets a check looks in (./lsh-pages.ts), its
// sketches when a near-duplicate check first has candidates in it, its known pages when a check
// lands on one of their articles; callers say
// what they are about to check (`prepare`), since the checks themselves are synchronous. The
// answers are those of the corpus opened whole (./segmented-corpus.ts): the same article
// indices, tombstones and LSH (./segment-lsh.ts); tests hold them equal.
import { estimateContainment, estimateJaccard, SIGNATURE_SIZE, type LshBuckets } from '../fingerprint/index.ts';
import { readBucketsOf, type LshPages } from './lsh-pages.ts';
import type { CorpusArticle } from './corpus.ts';
import { readString, type StringTable } from './data.ts';
import type { KnownPage, KnownPart } from './known-parts.ts';
import { sketchJaccardAtMost } from './known-parts.ts';
import { hashHits, tableHolds, type StringIndex } from './part-lookups.ts';
import { bucketOf, lshBucketSizesOver, lshCandidatesOver, type LshSegment } from './segment-lsh.ts';
import type { SegmentLookups } from './segment-lookups.ts';
import { lastStartAtMost } from '../sorted.ts';
import { VERSION_CONTAINMENT, VERSION_MIN_SHINGLES } from './versions.ts';

/** What a caller is about to ask of a corpus context: ids and URLs it will look up, fingerprints whose near-duplicates it will compare. */
export interface KnownQuery {
  ids?: Iterable<string>;
  urls?: Iterable<string>;
  fingerprints?: Iterable<{ signature: Uint32Array; shingles: number }>;
}

/**
 * What compiling a segment (ids it may not reuse, versions it links to) and a refresh's checks
 * (stored ids, near-duplicates) read of the corpus new articles join. A `Corpus` is one.
 */
export interface CorpusContext {
  readonly name: string;
  indexOf(id: string): number;
  article(index: number): Pick<CorpusArticle, 'id' | 'outlet'>;
  signature(index: number): Uint32Array;
  shingleCount(index: number): number;
  lshCandidates(signature: Uint32Array, alsoInBand?: ArrayLike<number>): Map<number, number>;
  lshBucketSizes(signature: Uint32Array): Uint32Array;
  /** Reads what these checks will touch (a context read lazily); one with everything in memory has none. */
  prepare?(query: KnownQuery): Promise<void>;
  /**
   * An upper bound of estimateJaccard(signature, this.signature(index)) that reads no signature
   * (a context read lazily); a candidate whose bound fails a threshold is left out unread.
   */
  jaccardAtMost?(index: number, signature: Uint32Array): number;
}

/** Whether a near-duplicate or version check compares `signature` (of `shingles`) with a candidate: what `prepare` reads pages for. */
export function mayBeVersion(jaccardAtMost: number, shingles: number, candidateShingles: number): boolean {
  return estimateContainment(jaccardAtMost, Math.min(shingles, candidateShingles), Math.max(shingles, candidateShingles)) >= VERSION_CONTAINMENT;
}

/** A check reached an article whose known page (or segment's sketches) was not read: the caller did not `prepare` it. */
export class KnownPageNotReadError extends Error {
  constructor(segment: string, local: number) {
    super(`article ${local} of segment ${segment} was not read: prepare() the lookups first`);
    this.name = 'KnownPageNotReadError';
  }
}

/** A segment's lookups: all in memory, or its known part with its pages read on demand. */
export type KnownSegmentInput =
  | { id: string; lookups: SegmentLookups; removed?: ReadonlySet<string> }
  | {
      id: string;
      known: KnownPart;
      readPages: (pages: number[]) => Promise<KnownPage[]>;
      /** The segment's sketches, when its known part does not hold them (stored apart, ./known-parts.ts). */
      readSketches?: () => Promise<Uint8Array>;
      /** The segment's LSH buckets, when its known part holds where their pages are instead of them (./lsh-pages.ts). */
      lshPages?: LshPages;
      removed?: ReadonlySet<string>;
    };

/** One segment's lookups in a corpus of several. */
export class KnownSegment implements LshSegment {
  /** The LSH buckets in memory; null when read in pages (`lshPages`). */
  private readonly buckets: LshBuckets | null;
  readonly lshPages: LshPages | null;
  removed: Uint8Array | null = null;
  readonly articleCount: number;
  readonly name: string;
  readonly outlets: readonly string[];
  readonly outletIndex: Int32Array;
  readonly shingleCounts: Uint32Array;
  /** The lookups when all are in memory (the bundled corpus, imports, segments stored before known parts). */
  readonly lookups: SegmentLookups | null;
  private readonly ids: StringIndex;
  private readonly urls: StringIndex;
  private readonly pageArticles: number;
  private readonly pages = new Map<number, KnownPage>();
  private sketches: Uint8Array | null;
  private readonly readSketches: (() => Promise<Uint8Array>) | null;
  private readonly readPages: ((pages: number[]) => Promise<KnownPage[]>) | null;

  constructor(
    readonly id: string,
    input: KnownSegmentInput,
    /** Corpus index of the segment's first article. */
    readonly first: number,
  ) {
    const part = 'lookups' in input ? input.lookups : input.known;
    this.articleCount = part.articleCount;
    this.name = part.name;
    this.outlets = part.outlets;
    this.outletIndex = part.outletIndex;
    this.shingleCounts = part.shingleCounts;
    this.lshPages = 'known' in input ? (input.lshPages ?? null) : null;
    if (!this.lshPages && !(part.lshKeys && part.lshArticles)) throw new Error(`segment ${id} was opened without its LSH buckets or a way to read them`);
    this.buckets = this.lshPages ? null : { keys: part.lshKeys!, articles: part.lshArticles! };
    this.ids = { hashes: part.idHashes, order: part.idOrder };
    this.urls = { hashes: part.urlHashes, order: part.urlOrder };
    if ('lookups' in input) {
      const { lookups } = input;
      this.lookups = lookups;
      // Everything in memory: one page of every article.
      this.pageArticles = Math.max(1, lookups.articleCount);
      this.pages.set(0, { first: 0, count: lookups.articleCount, ids: lookups.ids, urls: lookups.urls, signatures: lookups.signatures });
      this.sketches = null;
      this.readSketches = null;
      this.readPages = null;
    } else {
      this.lookups = null;
      this.pageArticles = input.known.pageArticles;
      this.sketches = input.known.sketches;
      this.readSketches = input.readSketches ?? null;
      this.readPages = input.readPages;
    }
  }

  /** The articles in the key's bucket; a bucket in pages must be read (`prepare` with fingerprints reads them). */
  bucket(key: number): Uint32Array {
    if (this.buckets) return bucketOf(this.buckets, key);
    const bucket = this.lshPages!.bucket(key);
    if (!bucket) throw new Error(`the LSH bucket ${key} of segment ${this.id} was not read: prepare() the fingerprints first`);
    return bucket;
  }

  private pageNumber(local: number): number {
    return Math.floor(local / this.pageArticles);
  }

  hasRead(local: number): boolean {
    return this.pages.has(this.pageNumber(local));
  }

  private page(local: number): KnownPage {
    const page = this.pages.get(this.pageNumber(local));
    if (!page) throw new KnownPageNotReadError(this.id, local);
    return page;
  }

  private holds(table: (page: KnownPage) => StringTable, local: number, text: string): boolean {
    const page = this.page(local);
    return tableHolds(table(page), local - page.first, text);
  }

  articleId(local: number): string {
    const page = this.page(local);
    return readString(page.ids, local - page.first);
  }

  signature(local: number): Uint32Array {
    const page = this.page(local);
    const at = local - page.first;
    return page.signatures.subarray(at * SIGNATURE_SIZE, (at + 1) * SIGNATURE_SIZE);
  }

  /** Articles whose id hash is the id's: the id is one of them, if stored here. */
  idHits(id: string): number[] {
    return hashHits(this.ids, id);
  }

  /** Articles whose URL hash is the URL's. */
  urlHits(url: string): number[] {
    return hashHits(this.urls, url);
  }

  /** The article's index in the segment (removed or not), or -1. */
  localIndexOf(id: string): number {
    return this.idHits(id).find((a) => this.holds((p) => p.ids, a, id)) ?? -1;
  }

  /** The articles whose URL (as stored) is `url`, ascending. */
  localIndicesOfUrl(url: string): number[] {
    return this.urlHits(url)
      .filter((a) => this.holds((p) => p.urls, a, url))
      .sort((a, b) => a - b);
  }

  isRemoved(local: number): boolean {
    return this.removed !== null && this.removed[local] === 1;
  }

  /** Exact when the article's page is read, else from its sketch. */
  jaccardAtMost(local: number, signature: Uint32Array): number {
    if (this.hasRead(local)) return estimateJaccard(signature, this.signature(local));
    if (!this.sketches) throw new KnownPageNotReadError(this.id, local);
    return sketchJaccardAtMost(this.sketches, local, signature);
  }

  /** Whether `jaccardAtMost` can answer for an article without reading: its page or the segment's sketches are read. */
  private canBound(local: number): boolean {
    return this.hasRead(local) || this.sketches !== null;
  }

  /** Reads the segment's sketches if stored apart and not read yet (kept: a segment never changes once written). */
  async readSketchesOnce(): Promise<void> {
    if (this.sketches || this.lookups) return;
    if (!this.readSketches) throw new Error(`segment ${this.id} has no sketches stored`);
    this.sketches = await this.readSketches();
  }

  /** Whether the bound for this article needs the sketches read first. */
  needsSketches(local: number): boolean {
    return !this.canBound(local);
  }

  /** Every article's id, in order, removed ones too (every page read: for listing the ids, not for checks). */
  async allIds(): Promise<string[]> {
    await this.read(Array.from({ length: Math.ceil(this.articleCount / this.pageArticles) }, (_, k) => k * this.pageArticles));
    return Array.from({ length: this.articleCount }, (_, a) => this.articleId(a));
  }

  /** Reads the pages of these articles not read yet. */
  async read(locals: Iterable<number>): Promise<void> {
    const wanted = new Set<number>();
    for (const local of locals) if (!this.hasRead(local)) wanted.add(this.pageNumber(local));
    if (!wanted.size) return;
    const numbers = [...wanted].sort((a, b) => a - b);
    const pages = await this.readPages!(numbers);
    numbers.forEach((k, i) => this.pages.set(k, pages[i]!));
  }

  /**
   * Tombstones these ids; returns those it cannot tell apart without reading pages (`markRead`).
   * A tombstone names one of the segment's own articles (the manifest's are taken from its
   * bookkeeping), so an id whose hash only one article has is that article, found without
   * reading its page; ids sharing a hash are told apart by their pages.
   */
  markRemoved(removedIds: Iterable<string>): string[] {
    const unread: string[] = [];
    for (const removedId of removedIds) {
      const hits = this.idHits(removedId);
      if (hits.length === 1 && !this.lookups) this.mark(hits[0]!);
      else if (hits.length && hits.every((a) => this.hasRead(a))) {
        const a = this.localIndexOf(removedId);
        if (a !== -1) this.mark(a);
      } else if (hits.length) unread.push(removedId);
    }
    return unread;
  }

  /** Tombstones ids that `markRemoved` left, reading their pages. */
  async markRead(removedIds: readonly string[]): Promise<void> {
    await this.read(removedIds.flatMap((id) => this.idHits(id)));
    if (this.markRemoved(removedIds).length) throw new Error(`the tombstones of segment ${this.id} could not be read`);
  }

  private mark(local: number): void {
    this.removed ??= new Uint8Array(this.articleCount);
    this.removed[local] = 1;
  }
}

export class KnownArticles implements CorpusContext {
  readonly name: string;
  readonly segments: readonly KnownSegment[];
  private readonly firsts: number[] = [];
  /** Article indices are below this (removed articles keep their places). */
  readonly indexEnd: number;

  /** Tombstones that need pages read (segments read lazily): `open` reads them; none when every segment is in memory. */
  private unresolved: [KnownSegment, string[]][] = [];

  /** Segments with their lookups in memory; `open` for segments read lazily (it reads what their tombstones need). */
  constructor(segments: readonly KnownSegmentInput[], options: { name: string }) {
    if (segments.length === 0) throw new RangeError('a corpus needs at least one segment');
    let first = 0;
    const opened: KnownSegment[] = [];
    for (const input of segments) {
      const segment = new KnownSegment(input.id, input, first);
      const unread = segment.markRemoved(input.removed ?? []);
      if (unread.length) this.unresolved.push([segment, unread]);
      opened.push(segment);
      this.firsts.push(first);
      first += segment.articleCount;
    }
    this.segments = opened;
    this.indexEnd = first;
    this.name = options.name;
  }

  /** The corpus of these segments, their tombstones resolved (reading the few pages that takes). */
  static async open(segments: readonly KnownSegmentInput[], options: { name: string }): Promise<KnownArticles> {
    const known = new KnownArticles(segments, options);
    await Promise.all(known.unresolved.map(([segment, ids]) => segment.markRead(ids)));
    known.unresolved = [];
    return known;
  }

  private locate(index: number): [KnownSegment, number] {
    this.checkResolved();
    if (!Number.isInteger(index) || index < 0 || index >= this.indexEnd) throw new RangeError(`no article ${index} in corpus "${this.name}" (${this.indexEnd} places)`);
    const segment = this.segments[lastStartAtMost(this.firsts, index)]!;
    return [segment, index - segment.first];
  }

  private live(index: number): [KnownSegment, number] {
    const [segment, local] = this.locate(index);
    if (segment.isRemoved(local)) throw new RangeError(`article ${index} of corpus "${this.name}" was removed`);
    return [segment, local];
  }

  async prepare(query: KnownQuery): Promise<void> {
    const wanted = new Map<KnownSegment, number[]>();
    const want = (segment: KnownSegment, locals: number[]) => {
      const list = locals.filter((a) => !segment.hasRead(a));
      if (list.length) wanted.set(segment, [...(wanted.get(segment) ?? []), ...list]);
    };
    for (const id of query.ids ?? []) for (const segment of this.segments) want(segment, segment.idHits(id));
    for (const url of query.urls ?? []) for (const segment of this.segments) want(segment, segment.urlHits(url));
    // Every candidate a near-duplicate or version check may compare (the checks' crowded buckets only leave more out).
    const fingerprints = [...(query.fingerprints ?? [])];
    // The LSH pages every check looks in (compiling counts the buckets of all its articles' signatures).
    await readBucketsOf(this.segments.map((segment) => segment.lshPages), fingerprints.map(({ signature }) => signature));
    const candidates: [KnownSegment, number, Uint32Array, number][] = [];
    for (const { signature, shingles } of fingerprints) {
      if (shingles < VERSION_MIN_SHINGLES) continue;
      for (const index of this.lshCandidates(signature).keys()) {
        const [segment, local] = this.locate(index);
        if (!segment.hasRead(local) && segment.shingleCounts[local]! >= VERSION_MIN_SHINGLES) candidates.push([segment, local, signature, shingles]);
      }
    }
    // Sketches stored apart are read for the segments candidates fall in, before they are bounded.
    await Promise.all([...new Set(candidates.filter(([segment, local]) => segment.needsSketches(local)).map(([segment]) => segment))].map((segment) => segment.readSketchesOnce()));
    for (const [segment, local, signature, shingles] of candidates) {
      if (mayBeVersion(segment.jaccardAtMost(local, signature), shingles, segment.shingleCounts[local]!)) want(segment, [local]);
    }
    await Promise.all([...wanted].map(([segment, locals]) => segment.read(locals)));
  }

  private checkResolved(): void {
    if (this.unresolved.length) throw new Error(`corpus "${this.name}" has tombstones not read yet: open it with KnownArticles.open`);
  }

  indexOf(id: string): number {
    this.checkResolved();
    for (const segment of this.segments) {
      const local = segment.localIndexOf(id);
      if (local !== -1 && !segment.isRemoved(local)) return segment.first + local;
    }
    return -1;
  }

  article(index: number): Pick<CorpusArticle, 'id' | 'outlet'> {
    const [segment, local] = this.live(index);
    const outlet = segment.outletIndex[local]!;
    return { id: segment.articleId(local), outlet: outlet === -1 ? null : (segment.outlets[outlet] ?? null) };
  }

  signature(index: number): Uint32Array {
    const [segment, local] = this.live(index);
    return segment.signature(local);
  }

  shingleCount(index: number): number {
    const [segment, local] = this.live(index);
    return segment.shingleCounts[local]!;
  }

  jaccardAtMost(index: number, signature: Uint32Array): number {
    const [segment, local] = this.live(index);
    return segment.jaccardAtMost(local, signature);
  }

  lshBucketSizes(signature: Uint32Array): Uint32Array {
    return lshBucketSizesOver(this.segments, signature);
  }

  lshCandidates(signature: Uint32Array, alsoInBand?: ArrayLike<number>): Map<number, number> {
    return lshCandidatesOver(this.segments, signature, alsoInBand);
  }
}
