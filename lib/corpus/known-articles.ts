// The articles a corpus of segments holds, as a feed refresh checks new items against them and a
// new segment joins them: opened from the segments' lookup parts alone (./segment-lookups.ts),
// not their index parts, so that a refresh reads about a fifth of what opening the corpus for
// queries reads. Its answers are those of the corpus opened whole (./segmented-corpus.ts): the
// same article indices, tombstones and LSH (./segment-lsh.ts); a test holds them equal.
import { SIGNATURE_SIZE, type LshBuckets } from '../fingerprint/index.ts';
import type { CorpusArticle } from './corpus.ts';
import { readString } from './data.ts';
import { findString } from './part-lookups.ts';
import { lshBucketSizesOver, lshCandidatesOver, type LshSegment } from './segment-lsh.ts';
import type { SegmentLookups } from './segment-lookups.ts';
import { lastStartAtMost } from '../sorted.ts';

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
}

/** One segment's lookups in a corpus of several. */
export class KnownSegment implements LshSegment {
  readonly buckets: LshBuckets;
  readonly removed: Uint8Array | null;

  constructor(
    readonly id: string,
    readonly lookups: SegmentLookups,
    /** Corpus index of the segment's first article. */
    readonly first: number,
    removedIds: ReadonlySet<string> | undefined,
  ) {
    this.buckets = { keys: lookups.lshKeys, articles: lookups.lshArticles };
    let removed: Uint8Array | null = null;
    for (const removedId of removedIds ?? []) {
      const a = this.localIndexOf(removedId);
      if (a === -1) continue;
      removed ??= new Uint8Array(lookups.articleCount);
      removed[a] = 1;
    }
    this.removed = removed;
  }

  /** The article's index in the segment (removed or not), or -1. */
  localIndexOf(id: string): number {
    return findString(this.lookups.ids, { hashes: this.lookups.idHashes, order: this.lookups.idOrder }, id);
  }

  isRemoved(local: number): boolean {
    return this.removed !== null && this.removed[local] === 1;
  }
}

export class KnownArticles implements CorpusContext {
  readonly name: string;
  readonly segments: readonly KnownSegment[];
  private readonly firsts: number[] = [];
  /** Article indices are below this (removed articles keep their places). */
  readonly indexEnd: number;

  constructor(segments: readonly { id: string; lookups: SegmentLookups; removed?: ReadonlySet<string> }[], options: { name: string }) {
    if (segments.length === 0) throw new RangeError('a corpus needs at least one segment');
    let first = 0;
    const opened: KnownSegment[] = [];
    for (const segment of segments) {
      opened.push(new KnownSegment(segment.id, segment.lookups, first, segment.removed));
      this.firsts.push(first);
      first += segment.lookups.articleCount;
    }
    this.segments = opened;
    this.indexEnd = first;
    this.name = options.name;
  }

  private live(index: number): [KnownSegment, number] {
    if (!Number.isInteger(index) || index < 0 || index >= this.indexEnd) throw new RangeError(`no article ${index} in corpus "${this.name}" (${this.indexEnd} places)`);
    const segment = this.segments[lastStartAtMost(this.firsts, index)]!;
    const local = index - segment.first;
    if (segment.isRemoved(local)) throw new RangeError(`article ${index} of corpus "${this.name}" was removed`);
    return [segment, local];
  }

  indexOf(id: string): number {
    for (const segment of this.segments) {
      const local = segment.localIndexOf(id);
      if (local !== -1 && !segment.isRemoved(local)) return segment.first + local;
    }
    return -1;
  }

  article(index: number): Pick<CorpusArticle, 'id' | 'outlet'> {
    const [segment, local] = this.live(index);
    const { ids, outletIndex, outlets } = segment.lookups;
    const outlet = outletIndex[local]!;
    return { id: readString(ids, local), outlet: outlet === -1 ? null : (outlets[outlet] ?? null) };
  }

  signature(index: number): Uint32Array {
    const [segment, local] = this.live(index);
    return segment.lookups.signatures.subarray(local * SIGNATURE_SIZE, (local + 1) * SIGNATURE_SIZE);
  }

  shingleCount(index: number): number {
    const [segment, local] = this.live(index);
    return segment.lookups.shingleCounts[local]!;
  }

  lshBucketSizes(signature: Uint32Array): Uint32Array {
    return lshBucketSizesOver(this.segments, signature);
  }

  lshCandidates(signature: Uint32Array, alsoInBand?: ArrayLike<number>): Map<number, number> {
    return lshCandidatesOver(this.segments, signature, alsoInBand);
  }
}
