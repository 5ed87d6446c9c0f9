// The compiled corpus as plain typed arrays: what the compiler produces, what the artifact
// stores section by section, and what the loader hands to `CompiledCorpus` without copying.
import type { CorpusSummary } from '../result.ts';

/**
 * 7: per-article data no longer depends on the rest of the corpus, so that segments compiled
 *    apart combine exactly (lib/corpus/segments.ts): every distinct term of an article is stored
 *    with its count (6 kept the top 192 by the corpus's IDF, and their norm); the passage index
 *    keeps every sampled shingle (the cap on postings applies when searching); versions are stored
 *    as links (pairs, and ids of articles in the corpus a segment joined) with each article's
 *    version rank.
 * 6: sentence meaning vectors (sentenceMeaning, meta.meaning).
 * 5: passage index (passageHashes, passageSentences).
 * 4: IDF has a background prior (termBackground): term vectors, norms and top terms differ.
 * 3: leads skip bylines, datelines and labels (stored lead terms differ from version 2's).
 * 2: four-lane checksum (1 used murmur's serial chain).
 */
export const FORMAT_VERSION = 7;
/** `publishedDay` of an article without a publication date. */
export const NO_DATE = -2147483648;

/** Strings back to back as UTF-8; string i is bytes[offsets[i]..offsets[i+1]]; decoded on demand. */
export interface StringTable {
  offsets: Uint32Array;
  bytes: Uint8Array;
}

export interface CorpusParams {
  signatureSize: number;
  lshBands: number;
  shingleWords: number;
  /** Terms in an article's term vector (its highest TF-IDF ones, chosen when searching). */
  topTerms: number;
}

export interface CorpusMeta {
  formatVersion: number;
  name: string;
  articleCount: number;
  /** Distinct outlet names; `outletIndex` points here. */
  outlets: string[];
  params: CorpusParams;
  summary: CorpusSummary;
  /** Input files the corpus was built from, for people reading a report. */
  sources: string[];
  /** The sentence model the meaning vectors were computed with, and their dimensions. */
  meaning: { model: string; dims: number };
  /**
   * Set on a segment's index part (./parts.ts): texts (but those of short articles), sentence
   * offsets and meaning vectors are not here but in article blocks of `blockSize` articles;
   * with `pieces`, neither are the index rows and postings (./index-pieces.ts); with
   * `lookupsApart`, neither are the LSH buckets, id and URL lookups, outlets and shingle counts,
   * which the segment's lookup part holds too (./parts.ts APART_LOOKUPS).
   */
  parts?: { blockSize: number; blocks: number; pieces?: IndexPiecesLayout; lookupsApart?: true };
}

/** How a segment's index pieces are stored (./index-pieces.ts). */
export interface IndexPiecesLayout {
  /** Index rows in blocks of `parts.blockSize` articles: this many. */
  rowBlocks: number;
  /** Entries of the inverted index per postings page, and pages. */
  postingsPage: number;
  postingsPages: number;
  /** Entries of the passage index, per passage page, and the first hash of each page (ascending). */
  passageEntries: number;
  passagePage: number;
  passageFences: number[];
  /**
   * MinHash signatures are in the index rows (each block's articles'), not the index part: a query
   * reads its candidates' only, which rows bring anyway, where the index part's copy was 40% of the
   * bytes a cold start read. Absent in pieces written before (the index part holds them).
   */
  rowSignatures?: true;
  /** Titles and URLs are in the index rows, not the index part (shown for the stories a query found). Absent in pieces written before. */
  rowHeads?: true;
  /**
   * Postings and passage pages hold their numbers as varints (./varint.ts: article numbers and
   * shingle hashes as deltas, sentence numbers as they are): postings pages a third of their
   * 32-bit size at 40,000 articles, passage pages half.
   * Absent in pieces written before (32-bit arrays).
   */
  varintPages?: true;
  /**
   * Postings pages hold each list from zero (./list-page.ts): a query decodes the list it asks
   * for, not every number before it on the page. Absent in pieces written before (the steps run
   * on from one list to the next: such pages are decoded whole when read).
   */
  postingLists?: true;
}

export interface CorpusData {
  meta: CorpusMeta;
  ids: StringTable;
  titles: StringTable;
  urls: StringTable;
  texts: StringTable;
  /** Index into meta.outlets, -1 for none. */
  outletIndex: Int32Array;
  /** Days since 1970-01-01, NO_DATE when unknown. */
  publishedDay: Int32Array;
  /** Sentences of article i are sentenceOffsets[2*sentenceStart[i] ..< 2*sentenceStart[i+1]] as (start, end) pairs in UTF-16 units. */
  sentenceStart: Uint32Array;
  sentenceOffsets: Uint32Array;
  /**
   * Vocabulary (content-term stems and fact keys) in term order (ascending hash, then text), with
   * document frequencies over this data's articles. Term order does not depend on the corpus, so
   * per-article lists in id order are in the same order in every segment.
   */
  termHashes: Uint32Array;
  termDf: Uint32Array;
  /** Background frequency rank class of each term (lib/text/background.ts; 255 when unknown), for the IDF prior. */
  termBackground: Uint8Array;
  terms: StringTable;
  /** Number of content terms per article (with repeats). */
  docLength: Uint32Array;
  /**
   * Every distinct content term of article i with its count (at most 255):
   * docTerms/docTermTf[docTermStart[i] ..< docTermStart[i+1]], term ids ascending. The term
   * vector (the top terms by TF-IDF) is chosen from these with the IDF of the corpus searched.
   */
  docTermStart: Uint32Array;
  docTerms: Uint32Array;
  docTermTf: Uint8Array;
  /** Fact keys of article i (term ids, ascending): facts[factStart[i] ..< factStart[i+1]]. */
  factStart: Uint32Array;
  facts: Uint32Array;
  /** Headline and lead term ids of article i (ascending, repeats kept), like `facts`. */
  headlineStart: Uint32Array;
  headlineTerms: Uint32Array;
  leadStart: Uint32Array;
  leadTerms: Uint32Array;
  /** MinHash signature of article i: signatures[i*K ..< (i+1)*K]. */
  signatures: Uint32Array;
  shingleCounts: Uint32Array;
  lshKeys: Uint32Array;
  lshArticles: Uint32Array;
  /** The readable version of each article's group of near-duplicate versions (itself when alone), within this data's articles. */
  primaryVersion: Uint32Array;
  /**
   * What picks a group's primary version: readable text first (top bit), then the longer
   * (UTF-16 length in the low 31 bits); ties go to the first article (lib/corpus/versions.ts).
   */
  versionRank: Uint32Array;
  /** Pairs of this data's articles found to be versions of each other (a, b with a < b), back to back. */
  versionPairs: Uint32Array;
  /**
   * Articles found to be versions of an article of the corpus this segment joined (compiled
   * with a context): versionLinkArticles[k] (this data's index) with the article whose id is
   * versionLinkIds[k]. Empty for a corpus compiled alone.
   */
  versionLinkArticles: Uint32Array;
  versionLinkIds: StringTable;
  /**
   * The passage index over every sentence (lib/facts/passage-index.ts): sampled shingle hashes,
   * ascending, and the corpus sentence number of each (sentence numbers as in `sentenceStart`).
   * Built here so that a loaded corpus finds reused text without tokenizing every article again.
   * Every sampled shingle is kept: whether one is in too many sentences (MAX_SHINGLE_POSTINGS)
   * depends on every segment searched together, so the cap applies when searching.
   */
  passageHashes: Uint32Array;
  passageSentences: Uint32Array;
  /**
   * Meaning vector of every sentence (lib/meaning), `meta.meaning.dims` int8 values each, in the
   * order of `sentenceOffsets`: fact alignment compares meaning without running the model on
   * corpus text.
   */
  sentenceMeaning: Int8Array;
  /**
   * Set on a segment's index part only (./part-lookups.ts): the inverted index
   * (postingArticles[postingStart[t] ..< postingStart[t+1]], the articles holding term t as a
   * term or a fact, ascending), and ids and URLs by hash (hashes ascending, `order` the article
   * of each; empty URLs left out). Opening reads them instead of building them. Index parts
   * written before they were stored lack them (the format is otherwise the same): then the
   * corpus builds the inverted index and an id map on first use.
   */
  postingStart?: Uint32Array;
  postingArticles?: Uint32Array;
  idHashes?: Uint32Array;
  idOrder?: Uint32Array;
  urlHashes?: Uint32Array;
  urlOrder?: Uint32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function buildStringTable(strings: readonly (string | null | undefined)[]): StringTable {
  const encoded = strings.map((s) => encoder.encode(s ?? ''));
  const offsets = new Uint32Array(strings.length + 1);
  let total = 0;
  encoded.forEach((e, i) => {
    offsets[i] = total;
    total += e.length;
  });
  offsets[strings.length] = total;
  const bytes = new Uint8Array(total);
  encoded.forEach((e, i) => bytes.set(e, offsets[i]!));
  return { offsets, bytes };
}

export function readString(table: StringTable, index: number): string {
  return decoder.decode(table.bytes.subarray(table.offsets[index]!, table.offsets[index + 1]!));
}

const DAY_MS = 86_400_000;

export function dayFromIso(date: string | null | undefined): number {
  if (!date) return NO_DATE;
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function isoFromDay(day: number): string | null {
  return day === NO_DATE ? null : new Date(day * DAY_MS).toISOString().slice(0, 10);
}
