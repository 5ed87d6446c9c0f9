// What a feed refresh reads of a stored segment, in a small part of its own (a "lookup part",
// about a fifth of the index part): ids and URLs with their hash lookups (is an item stored
// already?), outlets, MinHash signatures, shingle counts and LSH buckets (near-duplicates of a
// new article, and the versions a new segment links to). A refresh opens these alone
// (./known-articles.ts); the index part, which story matching reads, is left to the first query.
import { buildStringIndex } from './part-lookups.ts';
import type { CorpusData, StringTable } from './data.ts';
import { CorpusFormatError, readSections, serializeSections } from './format.ts';

export interface SegmentLookups {
  name: string;
  articleCount: number;
  outlets: string[];
  ids: StringTable;
  urls: StringTable;
  idHashes: Uint32Array;
  idOrder: Uint32Array;
  urlHashes: Uint32Array;
  urlOrder: Uint32Array;
  outletIndex: Int32Array;
  shingleCounts: Uint32Array;
  signatures: Uint32Array;
  lshKeys: Uint32Array;
  lshArticles: Uint32Array;
}

/** The lookup part's sections, by name: writer and reader both go through these lists, so they cannot drift. */
const LOOKUP_TABLES = ['ids', 'urls'] as const;
const LOOKUP_ARRAYS = ['idHashes', 'idOrder', 'urlHashes', 'urlOrder', 'outletIndex', 'shingleCounts', 'signatures', 'lshKeys', 'lshArticles'] as const;
type LookupTable = (typeof LOOKUP_TABLES)[number];
type LookupArray = (typeof LOOKUP_ARRAYS)[number];
// Every field of SegmentLookups is in the meta or in a list above (a field added to neither fails to compile here).
const _everyFieldStored: Record<Exclude<keyof SegmentLookups, keyof Omit<LookupsMeta, 'kind'> | LookupTable | LookupArray>, never> = {};

interface LookupsMeta {
  kind: 'segment-lookups';
  name: string;
  articleCount: number;
  outlets: string[];
}

// Lookups made from a segment's data are views on it: made once per data.
const made = new WeakMap<CorpusData, SegmentLookups>();

/**
 * The lookups of a segment's data (whole, or its index part): views on its arrays, with the id
 * and URL lookups its index part stores, or built (data written before index parts had them,
 * the bundled corpus).
 */
export function lookupsOf(data: CorpusData): SegmentLookups {
  let lookups = made.get(data);
  if (lookups) return lookups;
  const n = data.meta.articleCount;
  const ids = data.idHashes && data.idOrder ? { hashes: data.idHashes, order: data.idOrder } : buildStringIndex(data.ids, n);
  const urls = data.urlHashes && data.urlOrder ? { hashes: data.urlHashes, order: data.urlOrder } : buildStringIndex(data.urls, n);
  lookups = {
    name: data.meta.name,
    articleCount: n,
    outlets: data.meta.outlets,
    ids: data.ids,
    urls: data.urls,
    idHashes: ids.hashes,
    idOrder: ids.order,
    urlHashes: urls.hashes,
    urlOrder: urls.order,
    outletIndex: data.outletIndex,
    shingleCounts: data.shingleCounts,
    signatures: data.signatures,
    lshKeys: data.lshKeys,
    lshArticles: data.lshArticles,
  };
  made.set(data, lookups);
  return lookups;
}

export function serializeLookups(lookups: SegmentLookups): Uint8Array {
  const meta: LookupsMeta = { kind: 'segment-lookups', name: lookups.name, articleCount: lookups.articleCount, outlets: lookups.outlets };
  return serializeSections(meta, [
    ...LOOKUP_TABLES.flatMap((name) => [[`${name}.offsets`, lookups[name].offsets] as const, [`${name}.bytes`, lookups[name].bytes] as const]),
    ...LOOKUP_ARRAYS.map((name) => [name, lookups[name]] as const),
  ]);
}

/** Reads a lookup part (checksum verified, as every part is); views on its bytes. */
export function readLookups(bytes: Uint8Array): SegmentLookups {
  const file = readSections(bytes);
  const meta = file.meta as LookupsMeta;
  if (meta?.kind !== 'segment-lookups') throw new CorpusFormatError('not the lookup part of a corpus segment');
  const tables = Object.fromEntries(LOOKUP_TABLES.map((name) => [name, file.table(name)])) as Pick<SegmentLookups, LookupTable>;
  const arrays = Object.fromEntries(LOOKUP_ARRAYS.map((name) => [name, file.get(name)])) as Pick<SegmentLookups, LookupArray>;
  return { name: meta.name, articleCount: meta.articleCount, outlets: meta.outlets, ...tables, ...arrays };
}
