// A feeds segment's lookups as a refresh reads them, split by how often it needs them. A refresh
// (in a background started for it) reads the *known part* of every segment: what each of its
// checks touches (id and URL hashes, outlets, shingle counts, LSH buckets), about a third of the
// whole lookups. A one-byte sketch of each MinHash row sits in the segment's *sketches*, read
// when a near-duplicate check first has candidates in it: a cold start reads every known part
// (reconcile, and the index parts leave their lookups to it) but its first page compares no
// signature, and the sketches were 2.6 of the 8.7 MB of known parts at 40,000 articles (known
// parts written before hold their sketches and are read as they are). The ids, URLs and whole
// signatures sit in *known pages* of KNOWN_PAGE_ARTICLES consecutive articles, read only for
// the articles a check lands on: an id or URL whose hash matches, or a near-duplicate candidate
// whose sketch does not rule it out (./known-articles.ts). Reading every segment's whole lookups
// on each refresh cost a time in proportion to the corpus (about 45 MB at 100,000 articles).
// The LSH buckets sit in *LSH pages* (./lsh-pages.ts), the known part holding each page's first
// key and a filter of the keys (./lsh-filter.ts): a check, or a page query's near-duplicate
// search, reads the pages of the buckets it looks in that the filter does not rule out (known
// parts written before hold the buckets whole, or no filter, and are read as they are).
import { EMPTY, SIGNATURE_SIZE } from '../fingerprint/minhash.ts';
import type { StringTable } from './data.ts';
import { CorpusFormatError, readSections, serializeSections } from './format.ts';
import type { SegmentLookups } from './segment-lookups.ts';
import { serializeLshPages, type LshPagesLayout } from './lsh-pages.ts';
import { LSH_FILTER_SCHEME, MAX_FILTER_BITS } from './lsh-filter.ts';

/** Articles per known page: small enough that a check reads little, large enough that pages stay few. */
export const KNOWN_PAGE_ARTICLES = 64;

/** The lookups' arrays a known part holds as they are: written and read from this one list. */
const KNOWN_ARRAYS = ['idHashes', 'idOrder', 'urlHashes', 'urlOrder', 'outletIndex', 'shingleCounts'] as const;
type KnownArray = (typeof KNOWN_ARRAYS)[number];

/** The part of a segment's lookups every refresh reads. */
export interface KnownPart extends Pick<SegmentLookups, 'name' | 'articleCount' | 'outlets' | KnownArray>, Partial<Pick<SegmentLookups, 'lshKeys' | 'lshArticles'>> {
  /** Where the LSH pages are (known parts written now); known parts written before hold the buckets whole (`lshKeys`, `lshArticles`). */
  lshPages?: LshPagesLayout;
  /** Articles per known page (the last page may hold fewer). */
  pageArticles: number;
  /**
   * The low byte of every MinHash row, SIGNATURE_SIZE per article (signatureSketches): null when
   * stored apart (readKnownSketches), as they are written now.
   */
  sketches: Uint8Array | null;
}

/** Ids, URLs and signatures of the articles first ..< first + count of a segment. */
export interface KnownPage {
  first: number;
  count: number;
  ids: StringTable;
  urls: StringTable;
  signatures: Uint32Array;
}

interface KnownPartMeta {
  kind: 'segment-known';
  name: string;
  articleCount: number;
  outlets: string[];
  pageArticles: number;
  /**
   * LSH entries and entries per page, the pages' first keys in the `lshFences` section (absent from
   * known parts written before); `filterScheme` when the `lshFilter` section holds the keys' filter
   * (LSH_FILTER_SCHEME: how its bits are probed).
   */
  lsh?: { entries: number; page: number; filterScheme?: number };
}

interface KnownSketchesMeta {
  kind: 'segment-known-sketches';
  articleCount: number;
}

interface KnownPageMeta {
  kind: 'segment-known-page';
  first: number;
  count: number;
}

/** The low byte of each row: rows equal in full are equal here, so counting equal bytes bounds the Jaccard estimate from above. */
export function signatureSketches(signatures: Uint32Array): Uint8Array {
  const sketches = new Uint8Array(signatures.length);
  for (let i = 0; i < signatures.length; i++) sketches[i] = signatures[i]! & 0xff;
  return sketches;
}

/**
 * An upper bound of estimateJaccard(signature, the article's signature) from its sketch: rows
 * counted there are non-empty rows of `signature` whose low byte matches, a superset of the rows
 * equal in full.
 */
export function sketchJaccardAtMost(sketches: Uint8Array, local: number, signature: ArrayLike<number>): number {
  const offset = local * SIGNATURE_SIZE;
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const x = signature[i]!;
    if (x !== EMPTY && (x & 0xff) === sketches[offset + i]) equal++;
  }
  return equal / SIGNATURE_SIZE;
}

/** Strings first ..< first + count of a table, as a table of their own. */
function tableSlice(table: StringTable, first: number, count: number): StringTable {
  const start = table.offsets[first]!;
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i <= count; i++) offsets[i] = table.offsets[first + i]! - start;
  return { offsets, bytes: table.bytes.slice(start, table.offsets[first + count]!) };
}

/** A segment's lookups as its known part, its sketches, its known pages and its LSH pages. */
export function serializeKnownParts(lookups: SegmentLookups, pageArticles = KNOWN_PAGE_ARTICLES): { known: Uint8Array; sketches: Uint8Array; pages: Uint8Array[]; lsh: Uint8Array[] } {
  const n = lookups.articleCount;
  const lsh = serializeLshPages({ keys: lookups.lshKeys, articles: lookups.lshArticles });
  const meta: KnownPartMeta = { kind: 'segment-known', name: lookups.name, articleCount: n, outlets: lookups.outlets, pageArticles, lsh: { entries: lsh.layout.entries, page: lsh.layout.page, filterScheme: LSH_FILTER_SCHEME } };
  const known = serializeSections(meta, [...KNOWN_ARRAYS.map((name) => [name, lookups[name]] as const), ['lshFences', lsh.layout.fences], ['lshFilter', lsh.layout.filter!]]);
  const sketchesMeta: KnownSketchesMeta = { kind: 'segment-known-sketches', articleCount: n };
  const sketches = serializeSections(sketchesMeta, [['sketches', signatureSketches(lookups.signatures)]]);
  const pages: Uint8Array[] = [];
  for (let first = 0; first < n; first += pageArticles) {
    const count = Math.min(pageArticles, n - first);
    const ids = tableSlice(lookups.ids, first, count);
    const urls = tableSlice(lookups.urls, first, count);
    const pageMeta: KnownPageMeta = { kind: 'segment-known-page', first, count };
    pages.push(
      serializeSections(pageMeta, [
        ['ids.offsets', ids.offsets],
        ['ids.bytes', ids.bytes],
        ['urls.offsets', urls.offsets],
        ['urls.bytes', urls.bytes],
        ['signatures', lookups.signatures.slice(first * SIGNATURE_SIZE, (first + count) * SIGNATURE_SIZE)],
      ]),
    );
  }
  return { known, sketches, pages, lsh: lsh.pages };
}

/** Reads a known part (checksum verified, as every part is); views on its bytes. */
export function readKnownPart(bytes: Uint8Array): KnownPart {
  const file = readSections(bytes);
  const meta = file.meta as KnownPartMeta;
  if (meta?.kind !== 'segment-known') throw new CorpusFormatError('not the known part of a corpus segment');
  const arrays = Object.fromEntries(KNOWN_ARRAYS.map((name) => [name, file.get(name)])) as Pick<KnownPart, KnownArray>;
  // Known parts written before sketches were stored apart hold them, and before LSH pages the buckets.
  const sketches = file.has('sketches') ? file.get<Uint8Array>('sketches') : null;
  const lsh = meta.lsh ? { lshPages: lshLayout(meta.lsh, file) } : { lshKeys: file.get<Uint32Array>('lshKeys'), lshArticles: file.get<Uint32Array>('lshArticles') };
  const part: KnownPart = { name: meta.name, articleCount: meta.articleCount, outlets: meta.outlets, pageArticles: meta.pageArticles, ...arrays, ...lsh, sketches };
  const fences = part.lshPages ? Math.ceil(part.lshPages.entries / part.lshPages.page) === part.lshPages.fences.length : true;
  if (!(part.pageArticles >= 1) || !fences || (sketches && sketches.length !== part.articleCount * SIGNATURE_SIZE)) throw new CorpusFormatError('the known part of a corpus segment is damaged');
  return part;
}

/** Where a known part's LSH pages are, with the keys' filter when it was written in the scheme this build probes (else every key is looked up in its page). */
function lshLayout(lsh: NonNullable<KnownPartMeta['lsh']>, file: ReturnType<typeof readSections>): LshPagesLayout {
  const layout: LshPagesLayout = { entries: lsh.entries, page: lsh.page, fences: file.get<Uint32Array>('lshFences') };
  if (lsh.filterScheme === LSH_FILTER_SCHEME && file.has('lshFilter')) {
    const filter = file.get<Uint8Array>('lshFilter');
    // At least 8 bytes, and at most MAX_FILTER_BITS (buildLshFilter): anything else is damage.
    if (filter.length < 8 || filter.length * 8 > MAX_FILTER_BITS) throw new CorpusFormatError('the known part of a corpus segment is damaged');
    layout.filter = filter;
  }
  return layout;
}

/** Reads a segment's sketches (checksum verified), for a known part of `articleCount` articles. */
export function readKnownSketches(bytes: Uint8Array, articleCount: number): Uint8Array {
  const file = readSections(bytes);
  const meta = file.meta as KnownSketchesMeta;
  if (meta?.kind !== 'segment-known-sketches') throw new CorpusFormatError('not the sketches of a corpus segment');
  const sketches = file.get<Uint8Array>('sketches');
  if (meta.articleCount !== articleCount || sketches.length !== articleCount * SIGNATURE_SIZE) throw new CorpusFormatError(`the sketches of a corpus segment are damaged, or not those of its ${articleCount} articles`);
  return sketches;
}

/** Reads a known page (checksum verified). */
export function readKnownPage(bytes: Uint8Array): KnownPage {
  const file = readSections(bytes);
  const meta = file.meta as KnownPageMeta;
  if (meta?.kind !== 'segment-known-page') throw new CorpusFormatError('not a known page of a corpus segment');
  const page: KnownPage = { first: meta.first, count: meta.count, ids: file.table('ids'), urls: file.table('urls'), signatures: file.get('signatures') };
  if (page.signatures.length !== page.count * SIGNATURE_SIZE) throw new CorpusFormatError('a known page of a corpus segment is damaged');
  return page;
}
