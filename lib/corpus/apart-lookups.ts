// A segment's index part written with `lookupsApart` (CorpusMeta.parts, ./data.ts) leaves out
// what the segment's lookup part (./segment-lookups.ts) or known part (./known-parts.ts) holds
// anyway: LSH buckets, id and URL lookups, outlets and shingle counts. A background started
// again opens the stored articles from those parts first (utils/corpus-storage reconcile, as a
// refresh does), so an index part carrying a second copy made a cold start read those bytes
// twice: some 6 MB of the 16 MB of index parts at 40,000 articles (the LSH buckets alone 5 MB).
// The segment is opened with the lookups handed in, the same arrays, so it answers as before.
import type { CorpusData } from './data.ts';
import { CorpusFormatError } from './format.ts';
import type { SegmentLookups } from './segment-lookups.ts';

/** The sections an index part leaves to the lookup part with `lookupsApart`. */
export const APART_LOOKUPS = ['lshKeys', 'lshArticles', 'idHashes', 'idOrder', 'urlHashes', 'urlOrder', 'outletIndex', 'shingleCounts'] as const;
/**
 * What opening such an index part needs from the lookup part: a known part has these too, its
 * LSH buckets only if written before they were stored in pages (./lsh-pages.ts).
 */
export type ApartLookups = Omit<Pick<SegmentLookups, (typeof APART_LOOKUPS)[number]>, 'lshKeys' | 'lshArticles'> & Partial<Pick<SegmentLookups, 'lshKeys' | 'lshArticles'>>;

/**
 * The LSH buckets of a segment opened without them (stored in pages, read through LshPages): one
 * empty array, told apart from a segment's own empty buckets by identity, so that a segment
 * opened with neither is refused (./open-segment.ts) instead of finding nothing.
 */
export const LSH_NOT_READ = new Uint32Array(0);

/** Whether the data holds its LSH buckets (not left in pages). */
export const lshRead = (data: Pick<CorpusData, 'lshKeys'>): boolean => data.lshKeys !== LSH_NOT_READ;

/** The index part's copy of the data, without what the lookup part holds (empty where an artifact needs a section). */
export function withoutApartLookups(data: CorpusData): CorpusData {
  const rest: CorpusData = { ...data, lshKeys: new Uint32Array(0), lshArticles: new Uint32Array(0), outletIndex: new Int32Array(0), shingleCounts: new Uint32Array(0) };
  delete rest.idHashes;
  delete rest.idOrder;
  delete rest.urlHashes;
  delete rest.urlOrder;
  return rest;
}

/** Whether an index part's data leaves its lookups to the lookup part. */
export const keepsLookupsApart = (data: CorpusData): boolean => data.meta.parts?.lookupsApart === true;

/**
 * The index part's data with the lookups it left to the lookup part; data holding its own comes
 * back as it is. Lookups missing, or not of the segment's size, are refused by name: an index
 * part without them would find no article by id and no near-duplicate, as if none were stored.
 */
export function withApartLookups(id: string, data: CorpusData, lookups: ApartLookups | undefined): CorpusData {
  if (!keepsLookupsApart(data)) return data;
  if (!lookups) throw new CorpusFormatError(`segment "${id}" keeps its LSH buckets, id and URL lookups, outlets and shingle counts in its lookup part, which was not given`);
  const n = data.meta.articleCount;
  const { lshKeys = LSH_NOT_READ, lshArticles = LSH_NOT_READ, idHashes, idOrder, urlHashes, urlOrder, outletIndex, shingleCounts } = lookups;
  const fits = outletIndex.length === n && shingleCounts.length === n && idOrder.length <= n && urlOrder.length <= n && lshKeys.length === lshArticles.length;
  if (!fits) throw new CorpusFormatError(`the lookups given for segment "${id}" (${outletIndex.length} articles) are not those of its ${n} articles`);
  return { ...data, lshKeys, lshArticles, idHashes, idOrder, urlHashes, urlOrder, outletIndex, shingleCounts };
}
