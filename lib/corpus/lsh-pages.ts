// A feeds segment's LSH buckets stored in pages of LSH_PAGE entries (keys ascending, with their
// articles), each page's first key kept in the segment's known part (./known-parts.ts), and read
// when a search first looks in one of their buckets. Held whole, the buckets were 5.1 of the
// 12.4 MB a cold start read before its first analysis at 40,000 articles (every segment's known
// part, as reconcile and the index parts need it), and they grow with the corpus. A search looks
// up the 16 bucket keys of one signature (LSH_BANDS), most naming no bucket in a segment: the
// known part's filter of the keys (./lsh-filter.ts) rules out most of those (an empty bucket, no
// page read), and the pages of the rest are read (two for a key whose bucket may cross a page
// boundary; every key's for a known part written before the filter, some 16 pages of each
// segment a page query).
// Both openings of a segment (the corpus queries search, ./open-segment.ts, and the articles a
// refresh checks, ./known-articles.ts) share one LshPages, so a page is read once.
import { bucketKeys, bucketRange, type LshBuckets } from '../fingerprint/index.ts';
import { fencedPages, joinRuns } from '../sorted.ts';
import { CorpusFormatError, readSections, serializeSections } from './format.ts';
import { buildLshFilter, lshFilterMayHold } from './lsh-filter.ts';

/**
 * Bucket entries per LSH page (2 kB of keys and articles): a lookup reads one page, rarely two, so
 * a page query reads some 100 small pages over 7 segments at 40,000 articles (with pages of 1,024
 * entries it read 77 pages, 0.65 MB, for the same buckets).
 */
export const LSH_PAGE = 256;

/** Where a segment's LSH pages are: stored in its known part. */
export interface LshPagesLayout {
  /** Bucket entries in all (articles × LSH_BANDS). */
  entries: number;
  /** Entries per page (the last may hold fewer). */
  page: number;
  /** Each page's first key. */
  fences: Uint32Array;
  /** Which keys may have a bucket (./lsh-filter.ts); absent from known parts written before it, whose every key is looked up in its page. */
  filter?: Uint8Array;
}

/** Reads stored LSH pages by number, in the order asked. */
export type ReadLshPages = (pages: number[]) => Promise<Uint8Array[]>;

interface LshPageMeta {
  kind: 'segment-lsh-page';
  first: number;
}

/** A segment's buckets as pages, and where they are. */
export function serializeLshPages(buckets: LshBuckets, page = LSH_PAGE): { layout: LshPagesLayout; pages: Uint8Array[] } {
  const entries = buckets.keys.length;
  const fences: number[] = [];
  const pages: Uint8Array[] = [];
  for (let first = 0; first < entries; first += page) {
    fences.push(buckets.keys[first]!);
    const meta: LshPageMeta = { kind: 'segment-lsh-page', first };
    pages.push(
      serializeSections(meta, [
        ['lshKeys', buckets.keys.subarray(first, first + page)],
        ['lshArticles', buckets.articles.subarray(first, first + page)],
      ]),
    );
  }
  return { layout: { entries, page, fences: Uint32Array.from(fences), filter: buildLshFilter(buckets.keys) }, pages };
}

/** An empty bucket (a key no article of the segment has). */
const NO_ARTICLES = new Uint32Array(0);

/** A segment's LSH buckets, their pages read on demand and kept (a segment never changes once written). */
export class LshPages {
  private readonly pages: (LshBuckets | undefined)[];
  private readonly pending = new Map<number, Promise<void>>();

  constructor(
    /** The segment's name, for errors. */
    readonly segment: string,
    readonly layout: LshPagesLayout,
    private readonly readPages: ReadLshPages,
  ) {
    this.pages = new Array<LshBuckets | undefined>(layout.fences.length);
  }

  /** Whether the key's bucket is known to be empty without reading a page (the filter rules it out). */
  private ruledOut(key: number): boolean {
    return this.layout.filter !== undefined && !lshFilterMayHold(this.layout.filter, key);
  }

  /** Whether every page the key's bucket may lie on is read. */
  has(key: number): boolean {
    if (this.ruledOut(key)) return true;
    const [first, last] = fencedPages(this.layout.fences, key);
    for (let k = first; k < last; k++) if (!this.pages[k]) return false;
    return true;
  }

  /**
   * The articles in the key's bucket; undefined while a page it may lie on is not read (`read`),
   * so that a caller says which error that is without searching the fences twice (`has`).
   */
  bucket(key: number): Uint32Array | undefined {
    if (this.ruledOut(key)) return NO_ARTICLES;
    const [first, last] = fencedPages(this.layout.fences, key);
    for (let k = first; k < last; k++) if (!this.pages[k]) return undefined;
    const found: Uint32Array[] = [];
    for (let k = first; k < last; k++) {
      const page = this.pages[k]!;
      const [from, to] = bucketRange(page, key);
      if (to > from) found.push(page.articles.subarray(from, to));
    }
    return joinRuns(found, NO_ARTICLES);
  }

  /**
   * Reads every page not read yet (the background reading ahead), in one request: storage reads
   * many of a segment's pages at once, in one go (utils/corpus-storage/refresh-lookups.ts), and
   * they are a fifth of the bytes read ahead. Pages in flight are waited for.
   */
  readAll(): Promise<void> {
    return this.readNumbered(this.pages.keys());
  }

  /** Reads the pages of these keys' buckets not read yet, in one batch (pages in flight are waited for). */
  read(keys: Iterable<number>): Promise<void> {
    const numbers = new Set<number>();
    for (const key of keys) {
      if (this.ruledOut(key)) continue;
      const [first, last] = fencedPages(this.layout.fences, key);
      for (let k = first; k < last; k++) numbers.add(k);
    }
    return this.readNumbered(numbers);
  }

  /** Reads the pages of these numbers not read yet, in one batch (pages in flight are waited for). */
  private async readNumbered(pages: Iterable<number>): Promise<void> {
    const unread: number[] = [];
    const waits = new Set<Promise<void>>();
    for (const k of pages) {
      if (this.pages[k]) continue;
      const reading = this.pending.get(k);
      if (reading) waits.add(reading);
      else unread.push(k);
    }
    if (unread.length) waits.add(this.readUnread(unread.sort((a, b) => a - b)));
    await Promise.all(waits);
  }

  /** Reads these pages (none read or in flight), in one batch. */
  private readUnread(numbers: number[]): Promise<void> {
    const batch = this.readPages(numbers)
      .then((bytes) => numbers.forEach((k, i) => (this.pages[k] ??= readLshPage(bytes[i]!, k, this.layout, this.segment))))
      .finally(() => numbers.forEach((k) => this.pending.delete(k)));
    for (const k of numbers) this.pending.set(k, batch);
    return batch;
  }
}

/**
 * Reads the pages a search of these signatures looks in (their LSH_BANDS keys each), over these
 * segments' LSH pages: null or undefined for a segment holding its buckets whole, which reads
 * nothing (and a corpus of such segments computes no keys).
 */
export async function readBucketsOf(segments: readonly (LshPages | null | undefined)[], signatures: Iterable<Uint32Array>): Promise<void> {
  if (!segments.some((pages) => pages)) return;
  const keys = [...signatures].flatMap((signature) => [...bucketKeys(signature)]);
  if (keys.length) await Promise.all(segments.map((pages) => pages?.read(keys)));
}

/** Reads LSH page k of a segment (checksum verified). */
function readLshPage(bytes: Uint8Array, k: number, layout: LshPagesLayout, segment: string): LshBuckets {
  const file = readSections(bytes);
  const meta = file.meta as LshPageMeta;
  const first = k * layout.page;
  if (meta?.kind !== 'segment-lsh-page' || meta.first !== first) throw new CorpusFormatError(`not LSH page ${k} of segment "${segment}"`);
  const keys = file.get<Uint32Array>('lshKeys');
  const articles = file.get<Uint32Array>('lshArticles');
  const expected = Math.min(layout.page, layout.entries - first);
  if (keys.length !== expected || articles.length !== expected || keys[0] !== layout.fences[k]) throw new CorpusFormatError(`LSH page ${k} of segment "${segment}" is damaged`);
  return { keys, articles };
}

/** A segment's whole buckets from all its LSH pages, in order (merging and relaying out read the whole segment). */
export function joinLshPages(layout: LshPagesLayout, pages: readonly Uint8Array[], segment: string): LshBuckets {
  if (pages.length !== layout.fences.length) throw new CorpusFormatError(`segment "${segment}" needs ${layout.fences.length} LSH pages, ${pages.length} given`);
  const keys = new Uint32Array(layout.entries);
  const articles = new Uint32Array(layout.entries);
  pages.forEach((bytes, k) => {
    const page = readLshPage(bytes, k, layout, segment);
    keys.set(page.keys, k * layout.page);
    articles.set(page.articles, k * layout.page);
  });
  return { keys, articles };
}
