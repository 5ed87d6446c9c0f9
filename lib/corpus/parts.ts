// A segment stored as parts, for a fast first answer after a restart: an index part with what
// every query reads (vocabulary, document frequencies, signatures, LSH buckets, versions,
// metadata, where each postings list starts, and the id and URL lookups that opening would
// otherwise build: ./part-lookups.ts); index pieces with what a query reads a little of (each
// article's terms and facts, the inverted index's lists, the passage index: ./index-pieces.ts);
// and article blocks with what fact alignment reads (texts, sentence offsets, meaning vectors)
// for a few consecutive articles each. A corpus opened from index parts reads pieces and blocks
// when an analysis first needs them (`Corpus.loadIndex`, `Corpus.loadArticles`, lib/analyze.ts
// `analyzeAsync`).
import { buildStringTable, readString, type CorpusData, type StringTable } from './data.ts';
import { CorpusFormatError, deserializeCorpus, readSections, serializeCorpus, serializeSections } from './format.ts';
import { MEANING_DIMS } from '../meaning/index.ts';
import { partLookups, withoutPartLookups } from './part-lookups.ts';
import { openIndexPieces, serializeIndexPieces, withoutPieces, type LoadIndexPiece } from './index-pieces.ts';
import type { Segment } from './segmented-corpus.ts';
import { withApartLookups, withoutApartLookups, type ApartLookups } from './apart-lookups.ts';

/**
 * Articles per block (and per block of index rows): an analysis reads some 20-30 articles and
 * the rows of some 40 candidates, spread over the corpus, so a block read for one of them brings
 * this many. In a browser a read costs about 0.05 ms a record and 6 ms a MB: at 16 a warm page
 * read some 950 kB, mostly other articles'. At 4, Chromium's warm analysis at 40,000 articles was
 * lower in 7 rounds of 7 (median 29.4 ms against 33.5, bench/kept-step/browser-warm.ts), for 15%
 * more stored bytes (smaller records compress less); 8 fell between. Node, where reads cost
 * little, showed no difference.
 */
export const ARTICLE_BLOCK_SIZE = 4;
/**
 * Texts of articles with fewer shingles than this stay in the index part: story matching reads
 * them to tell a page that copies a short article word for word (lib/story/match.ts: candidates
 * under 2 × SELF_MIN_SHINGLES shingles; a test holds the two together).
 */
export const INDEX_TEXT_MAX_SHINGLES = 24;

/** Reads one article block's bytes (block k holds articles k·blockSize ..< (k+1)·blockSize). */
export type LoadArticleBlock = (block: number) => Promise<Uint8Array>;

export interface SegmentParts {
  index: Uint8Array;
  blocks: Uint8Array[];
  /** Index rows, postings pages and passage pages (./index-pieces.ts); absent from parts written before them. */
  rows?: Uint8Array[];
  postings?: Uint8Array[];
  passages?: Uint8Array[];
  /** The segment's lookups, for an index part written with `lookupsApart` (./apart-lookups.ts); read from its lookup or known part. */
  lookups?: ApartLookups;
}

/**
 * The texts, sentence spans and meaning vectors of a block's articles; sentence k of the block
 * (numbered from the block's first sentence) spans sentenceOffsets[2k], [2k+1] of its article's text.
 */
export interface ArticleBlock {
  first: number;
  count: number;
  texts: StringTable;
  sentenceOffsets: Uint32Array;
  sentenceMeaning: Int8Array;
}

/** An analysis read an article whose block is not loaded (call `loadArticles` first). */
export class ArticlesNotLoadedError extends Error {
  constructor(readonly corpus: string, readonly index: number) {
    super(`article ${index} of corpus "${corpus}" is not loaded: load its block with loadArticles() first (analyzeAsync does)`);
    this.name = 'ArticlesNotLoadedError';
  }
}

interface BlockMeta {
  kind: 'article-block';
  first: number;
  count: number;
}

/** A string table of n empty strings (the index part's titles and URLs, in its index rows). */
const noStrings = (n: number): StringTable => ({ offsets: new Uint32Array(n + 1), bytes: new Uint8Array(0) });

/**
 * A segment's compiled data as an index part and article blocks. With `lookupsApart`, the index
 * part leaves out what the segment's lookup part holds (./apart-lookups.ts): for a segment stored
 * with one, opened with it (`segmentFromParts`'s `lookups`).
 */
export function serializeSegmentParts(data: CorpusData, options: { blockSize?: number; lookupsApart?: boolean } = {}): SegmentParts {
  const blockSize = options.blockSize ?? ARTICLE_BLOCK_SIZE;
  const n = data.meta.articleCount;
  const blockCount = Math.ceil(n / blockSize);
  const texts = Array.from({ length: n }, (_, i) => (data.shingleCounts[i]! < INDEX_TEXT_MAX_SHINGLES ? readString(data.texts, i) : ''));
  const lookups = partLookups(data);
  const pieces = serializeIndexPieces({ ...data, ...lookups }, blockSize);
  const indexData: CorpusData = {
    ...data,
    ...lookups,
    ...withoutPieces(),
    meta: { ...data.meta, parts: { blockSize, blocks: blockCount, pieces: pieces.layout, ...(options.lookupsApart ? { lookupsApart: true as const } : {}) } },
    texts: buildStringTable(texts),
    // In the index rows (IndexPiecesLayout.rowSignatures, rowHeads).
    signatures: new Uint32Array(0),
    titles: noStrings(n),
    urls: noStrings(n),
    sentenceOffsets: new Uint32Array(0),
    sentenceMeaning: new Int8Array(0),
  };
  const index = serializeCorpus(options.lookupsApart ? withoutApartLookups(indexData) : indexData);
  const blocks: Uint8Array[] = [];
  for (let k = 0; k < blockCount; k++) {
    const first = k * blockSize;
    const end = Math.min(n, first + blockSize);
    const s0 = data.sentenceStart[first]!;
    const s1 = data.sentenceStart[end]!;
    const offsets = data.texts.offsets.subarray(first, end + 1);
    const meta: BlockMeta = { kind: 'article-block', first, count: end - first };
    blocks.push(
      serializeSections(meta, [
        ['texts.offsets', offsets.map((o) => o - offsets[0]!)],
        ['texts.bytes', data.texts.bytes.subarray(offsets[0]!, offsets[offsets.length - 1]!)],
        ['sentenceOffsets', data.sentenceOffsets.subarray(2 * s0, 2 * s1)],
        ['sentenceMeaning', data.sentenceMeaning.subarray(s0 * MEANING_DIMS, s1 * MEANING_DIMS)],
      ]),
    );
  }
  return { index, blocks, rows: pieces.rows, postings: pieces.postings, passages: pieces.passages };
}

/**
 * A segment opened from its index part; its article blocks are read with `loadArticleBlock` when
 * an analysis needs them, its index rows and postings pages (when stored apart) with `loadIndexPiece`.
 * An index part written with `lookupsApart` needs the segment's `lookups` (./apart-lookups.ts).
 */
export function segmentFromParts(id: string, index: Uint8Array, loadArticleBlock: LoadArticleBlock, removed?: ReadonlySet<string>, loadIndexPiece?: LoadIndexPiece, lookups?: ApartLookups): Segment {
  const stored = deserializeCorpus(index);
  if (!stored.meta.parts) throw new CorpusFormatError(`segment "${id}" is a whole artifact, not an index part`);
  const read = withApartLookups(id, stored, lookups);
  const opened = openIndexPieces(read, loadIndexPiece);
  return { id, data: opened?.data ?? read, loadArticleBlock, ...(opened ? { indexPieces: opened.pieces } : {}), ...(removed ? { removed } : {}) };
}

/** Whether a stored index part leaves its lookups to the segment's lookup part: its header alone is read (opening verifies the rest). */
export function indexPartKeepsLookupsApart(index: Uint8Array): boolean {
  const meta = readSections(index, { verify: false }).meta as CorpusData['meta'] | null;
  return meta?.parts?.lookupsApart === true;
}

export function readArticleBlock(bytes: Uint8Array): ArticleBlock {
  const file = readSections(bytes);
  const meta = file.meta as BlockMeta;
  if (meta?.kind !== 'article-block') throw new CorpusFormatError('not an article block of a corpus segment');
  return { first: meta.first, count: meta.count, texts: file.table('texts'), sentenceOffsets: file.get('sentenceOffsets'), sentenceMeaning: file.get('sentenceMeaning') };
}

/** The whole segment back from its parts (for merging or exporting: every block is read). */
export function assembleSegment(parts: SegmentParts): CorpusData {
  const stored = deserializeCorpus(parts.index);
  const read = withApartLookups(stored.meta.name, stored, parts.lookups);
  const opened = openIndexPieces(read, () => Promise.reject(new CorpusFormatError('assembling reads the pieces given')));
  if (opened) opened.pieces.fillAll(parts.rows ?? [], parts.postings ?? [], parts.passages ?? []);
  const index = withoutPartLookups(opened?.data ?? read);
  const { parts: layout, ...meta } = index.meta;
  if (!layout || parts.blocks.length !== layout.blocks) throw new CorpusFormatError(`a corpus segment needs ${layout?.blocks ?? 0} article blocks, ${parts.blocks.length} given`);
  const blocks = parts.blocks.map(readArticleBlock);
  const texts: string[] = [];
  const offsets: number[] = [];
  const meaning: Int8Array[] = [];
  for (const block of blocks) {
    for (let i = 0; i < block.count; i++) texts.push(readString(block.texts, i));
    for (const o of block.sentenceOffsets) offsets.push(o);
    meaning.push(block.sentenceMeaning);
  }
  const sentenceMeaning = new Int8Array(meaning.reduce((sum, m) => sum + m.length, 0));
  let cursor = 0;
  for (const m of meaning) {
    sentenceMeaning.set(m, cursor);
    cursor += m.length;
  }
  return { ...index, meta, texts: buildStringTable(texts), sentenceOffsets: Uint32Array.from(offsets), sentenceMeaning };
}
