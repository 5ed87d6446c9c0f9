// What a corpus would otherwise build over all of a segment's articles when first searched,
// stored in the segment's index part instead (./parts.ts), so that a background started again
// (and each refresh) reads them instead of computing them: the inverted index, and ids and URLs
// by hash (an id or URL is found by a binary search and one comparison, not by decoding every
// id into a map). Index parts written before these were stored have none: a corpus builds the
// inverted index and an id map on first use, as it did.
import { hashString } from '../fingerprint/hash.ts';
import { readString, type CorpusData, type StringTable } from './data.ts';
import { hashRange } from '../sorted.ts';

const STRING_INDEX_SEED = 0x1d5eed;

/** Strings of a table by hash: `hashes` ascending (ties by position), `order[k]` the string at `hashes[k]`. Empty strings are left out. */
export interface StringIndex {
  hashes: Uint32Array;
  order: Uint32Array;
}

const stringHash = (text: string): number => hashString(text, STRING_INDEX_SEED);

export function buildStringIndex(table: StringTable, count: number): StringIndex {
  const entries: number[] = [];
  const hashOf = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    if (table.offsets[i + 1] === table.offsets[i]) continue;
    hashOf[i] = stringHash(readString(table, i));
    entries.push(i);
  }
  entries.sort((a, b) => hashOf[a]! - hashOf[b]! || a - b);
  return { hashes: Uint32Array.from(entries, (i) => hashOf[i]!), order: Uint32Array.from(entries) };
}

/** Whether string `i` of the table is `text`: ASCII text (nearly all) is compared with the stored bytes in place, other text decoded. */
export function tableHolds(table: StringTable, i: number, text: string, ascii = /^[ -~]*$/.test(text)): boolean {
  const start = table.offsets[i]!;
  const length = table.offsets[i + 1]! - start;
  if (!ascii) return readString(table, i) === text;
  if (length !== text.length) return false;
  const bytes = table.bytes;
  for (let k = 0; k < length; k++) if (bytes[start + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** The positions whose string has the hash `text` has, ascending: `text` is at some of them, if in the table (the table itself is not read). */
export function hashHits(index: StringIndex, text: string): number[] {
  const hits: number[] = [];
  if (!text) return hits;
  const [first, last] = hashRange(index.hashes, stringHash(text));
  for (let k = first; k < last; k++) hits.push(index.order[k]!);
  return hits;
}

/** The positions of `text` in the table through its string index, ascending. */
export function findStrings(table: StringTable, index: StringIndex, text: string): number[] {
  const ascii = /^[ -~]*$/.test(text);
  return hashHits(index, text).filter((i) => tableHolds(table, i, text, ascii));
}

/** The first position of `text` in the table through its string index, or -1. */
export function findString(table: StringTable, index: StringIndex, text: string): number {
  return findStrings(table, index, text)[0] ?? -1;
}

/** The articles holding each term (as a term or a fact), ascending: articles[start[t] ..< start[t + 1]]. */
export function invertedIndex(data: CorpusData): { start: Uint32Array; articles: Uint32Array } {
  const v = data.termHashes.length;
  const n = data.meta.articleCount;
  const counts = new Uint32Array(v + 1);
  const { docTerms, facts, docTermStart, factStart } = data;
  for (let k = 0; k < docTerms.length; k++) counts[docTerms[k]!]!++;
  for (let k = 0; k < facts.length; k++) counts[facts[k]!]!++;
  const start = new Uint32Array(v + 1);
  for (let t = 0; t < v; t++) start[t + 1] = start[t]! + counts[t]!;
  const articles = new Uint32Array(start[v]!);
  const fill = start.slice(0, v);
  for (let a = 0; a < n; a++) {
    for (let k = docTermStart[a]!, end = docTermStart[a + 1]!; k < end; k++) articles[fill[docTerms[k]!]!++] = a;
    for (let k = factStart[a]!, end = factStart[a + 1]!; k < end; k++) articles[fill[facts[k]!]!++] = a;
  }
  return { start, articles };
}

/** The sections of the lookups an index part stores: written by partLookups, read by lib/corpus/format.ts, dropped by withoutPartLookups. */
export const PART_LOOKUPS = ['postingStart', 'postingArticles', 'idHashes', 'idOrder', 'urlHashes', 'urlOrder'] as const;
export type PartLookup = (typeof PART_LOOKUPS)[number];

/** The lookups an index part stores (CorpusData's optional sections). */
export function partLookups(data: CorpusData): Required<Pick<CorpusData, PartLookup>> {
  const n = data.meta.articleCount;
  const postings = invertedIndex(data);
  const ids = buildStringIndex(data.ids, n);
  const urls = buildStringIndex(data.urls, n);
  return {
    postingStart: postings.start,
    postingArticles: postings.articles,
    idHashes: ids.hashes,
    idOrder: ids.order,
    urlHashes: urls.hashes,
    urlOrder: urls.order,
  };
}

/** The data without an index part's lookups: they describe the part's articles, and a merge lays out new ones. */
export function withoutPartLookups(data: CorpusData): CorpusData {
  const rest: CorpusData = { ...data };
  for (const name of PART_LOOKUPS) delete rest[name];
  return rest;
}
