// The parts of a segment's index that a query reads only a little of, stored apart from its index
// part (./parts.ts) and read when a query needs them, so that a background started again does not
// read every segment's whole index before its first answer (issue 15: "it reads the parts of the
// index a query needs, then the candidate articles"):
//   - index rows: each article's terms, term counts, facts, headline and lead terms and MinHash
//     signature, for a block of consecutive articles (a query scores some 64-100 candidates: a
//     few dozen rows read);
//   - postings pages: the inverted index's article lists in pages of POSTINGS_PAGE entries (a
//     query reads the lists of its 64 most distinctive terms);
//   - passage pages: the passage index (shingle hashes ascending, with their sentences) in pages
//     of PASSAGE_PAGE entries, each page's first hash kept in the index part's meta (a page's
//     shingles are found in a few hundred pages at most).
// Together they were some 70% of a segment's index bytes. What every query reads throughout
// (vocabulary, document frequencies, where each list starts, LSH buckets, ids and URLs) stays in
// the index part (signatures too, in pieces written before rowSignatures). Pieces
// are kept as read and searched through IndexPieces; reading an article's rows or a term's
// postings before they are loaded throws IndexNotLoadedError, so a missing read can never pass
// for an empty one.
// Postings and passage pages hold their numbers as varints (./varint.ts, IndexPiecesLayout.varintPages):
// in a browser, IndexedDB reads cost in proportion to their bytes (bench/browser-warm.json), and
// varints halve what a cold start reads of them. Postings and sentence numbers are read in place
// (ListPage): a query decodes the lists and runs it asks for; passage hashes are decoded whole.
import { readString, type CorpusData, type IndexPiecesLayout, type StringTable } from './data.ts';
import { CorpusFormatError, readSections, serializeSections } from './format.ts';
import { findString } from './part-lookups.ts';
import { fencedPages, hashLowerBound, joinRuns, lowerBound, runEnd } from '../sorted.ts';
import { encodeLists, ListPage } from './list-page.ts';
import { ArrayPage, type StoredPage } from './stored-page.ts';
import { SIGNATURE_SIZE } from '../fingerprint/index.ts';
import { HashFilter } from './hash-filter.ts';
import { decodeDeltas, encodeDeltas, encodeVarints } from './varint.ts';

/** Entries of the inverted index per postings page (16 kB as 32-bit numbers, 5-7 kB as varints): a rare term's list is one page. */
export const POSTINGS_PAGE = 4096;
/** Entries of the passage index per passage page (8 kB of hashes and sentences as 32-bit numbers, about 4 kB as varints). */
export const PASSAGE_PAGE = 1024;
/** Filter slots per passage entry (./hash-filter.ts): 6-12% of absent shingles pass once every page is read, a byte per entry at most. */
const PASSAGE_FILTER_SLOTS = 8;

/** The sections stored as index rows, each indexed through its per-article start array. */
const ROW_SECTIONS = [
  ['docTerms', 'docTermStart'],
  ['docTermTf', 'docTermStart'],
  ['facts', 'factStart'],
  ['headlineTerms', 'headlineStart'],
  ['leadTerms', 'leadStart'],
] as const;
export type RowSection = (typeof ROW_SECTIONS)[number][0];
/** The per-article start array of each row section. */
export const ROW_STARTS = Object.fromEntries(ROW_SECTIONS) as Record<RowSection, (typeof ROW_SECTIONS)[number][1]>;

export type IndexPieceKind = 'rows' | 'postings' | 'passages';
/** Reads stored pieces of one kind, in the order asked: index rows of article blocks, postings pages, or passage pages. */
export type LoadIndexPiece = (kind: IndexPieceKind, pieces: readonly number[]) => Promise<Uint8Array[]>;

/**
 * Pieces read ahead in one transaction (postings or passage pages, `loadSearchPages`; blocks of
 * index rows, `loadNewestRows`): some 0.5 MB, short enough that a page analysed meanwhile is not
 * kept waiting behind a long read.
 */
export const READ_AHEAD_BATCH = 128;

/** A query read index rows, postings or passage pages not loaded yet: `load()` reads them (analyzeAsync loads first, and again on this). */
export class IndexNotLoadedError extends Error {
  constructor(
    readonly corpus: string,
    what: string,
    readonly load: () => Promise<void>,
  ) {
    super(`${what} of corpus "${corpus}" is not loaded: load it with loadIndex() first (analyzeAsync does)`);
    this.name = 'IndexNotLoadedError';
  }
}

/** The index part's copy of the data: row sections, postings and the passage index left empty (their pieces hold them). */
export function withoutPieces(): Pick<CorpusData, RowSection | 'postingArticles' | 'passageHashes' | 'passageSentences'> {
  const none = new Uint32Array(0);
  return { docTerms: none, docTermTf: new Uint8Array(0), facts: none, headlineTerms: none, leadTerms: none, postingArticles: none, passageHashes: none, passageSentences: none };
}

/** A segment's index rows (one piece per block of articles), postings pages and passage pages, and their layout. */
export function serializeIndexPieces(data: CorpusData & { postingStart: Uint32Array; postingArticles: Uint32Array }, blockSize: number): { rows: Uint8Array[]; postings: Uint8Array[]; passages: Uint8Array[]; layout: IndexPiecesLayout } {
  const n = data.meta.articleCount;
  const rows: Uint8Array[] = [];
  for (let first = 0; first < n; first += blockSize) {
    const end = Math.min(n, first + blockSize);
    const sections = ROW_SECTIONS.map(([name, start]) => [name, data[name].subarray(data[start][first]!, data[start][end]!)] as const);
    const heads = HEAD_TABLES.flatMap((name) => tableSections(name, data[name], first, end));
    rows.push(serializeSections({ kind: 'index-rows', first, count: end - first }, [...sections, ['signatures', data.signatures.subarray(first * SIGNATURE_SIZE, end * SIGNATURE_SIZE)], ...heads]));
  }
  const postings: Uint8Array[] = [];
  for (let first = 0; first < data.postingArticles.length; first += POSTINGS_PAGE) {
    const end = Math.min(data.postingArticles.length, first + POSTINGS_PAGE);
    const starts: number[] = [];
    for (let t = lowerBound(data.postingStart, first); t < data.postingStart.length && data.postingStart[t]! < end; t++) starts.push(data.postingStart[t]! - first);
    postings.push(serializeSections({ kind: 'postings-page', first }, [['postingLists', encodeLists(data.postingArticles.subarray(first, end), starts)]]));
  }
  const passages: Uint8Array[] = [];
  const passageFences: number[] = [];
  for (let first = 0; first < data.passageHashes.length; first += PASSAGE_PAGE) {
    passageFences.push(data.passageHashes[first]!);
    passages.push(
      serializeSections({ kind: 'passage-page', first }, [
        ['passageHashDeltas', encodeDeltas(data.passageHashes.subarray(first, first + PASSAGE_PAGE))],
        ['passageSentenceVarints', encodeVarints(data.passageSentences.subarray(first, first + PASSAGE_PAGE))],
      ]),
    );
  }
  return { rows, postings, passages, layout: { rowBlocks: rows.length, postingsPage: POSTINGS_PAGE, postingsPages: postings.length, passageEntries: data.passageHashes.length, passagePage: PASSAGE_PAGE, passageFences, rowSignatures: true, rowHeads: true, varintPages: true, postingLists: true } };
}

/**
 * Titles and URLs, in the index rows (IndexPiecesLayout.rowHeads): a query shows the few stories
 * it found, whose rows matching read; in the index part they were 40% of what opening read.
 */
const HEAD_TABLES = ['titles', 'urls'] as const;
type HeadTable = (typeof HEAD_TABLES)[number];

/** Strings first ..< end of a table as two sections (offsets from 0, bytes). */
function tableSections(name: string, table: StringTable, first: number, end: number): [string, Uint32Array | Uint8Array][] {
  const start = table.offsets[first]!;
  return [
    [`${name}.offsets`, table.offsets.subarray(first, end + 1).map((o) => o - start)],
    [`${name}.bytes`, table.bytes.subarray(start, table.offsets[end]!)],
  ];
}

/** Tables of consecutive articles joined into one (offsets shifted). */
function joinTables(tables: readonly StringTable[]): StringTable {
  const count = tables.reduce((sum, t) => sum + t.offsets.length - 1, 0);
  const offsets = new Uint32Array(count + 1);
  const bytes = new Uint8Array(tables.reduce((sum, t) => sum + t.bytes.length, 0));
  let article = 0;
  let at = 0;
  for (const t of tables) {
    for (let i = 1; i < t.offsets.length; i++) offsets[article + i] = at + t.offsets[i]!;
    bytes.set(t.bytes, at);
    article += t.offsets.length - 1;
    at += t.bytes.length;
  }
  return { offsets, bytes };
}

/** Reads a piece's sections, checking that it is the piece asked for. */
function readPiece(bytes: Uint8Array, kind: string, first: number) {
  const file = readSections(bytes);
  const meta = file.meta as { kind?: string; first?: number } | null;
  if (meta?.kind !== kind || meta.first !== first) throw new CorpusFormatError(`not the ${kind} starting at ${first} of a corpus segment`);
  return file;
}

/** One read block of index rows: its sections (views on the piece's bytes) and where each starts in the segment's arrays. */
interface RowBlock {
  sections: { [S in RowSection]: CorpusData[S] };
  at: Record<RowSection, number>;
  /** The block's articles' MinHash signatures (rows written with them: IndexPiecesLayout.rowSignatures). */
  signatures: Uint32Array | null;
  /** The block's articles' titles and URLs (rows written with them: IndexPiecesLayout.rowHeads). */
  heads: Record<HeadTable, StringTable> | null;
}

/** One read passage page: its shingle hashes ascending and the sentence of each. */
/** The answer for a shingle no sentence of the segment holds (most of a page's, in most segments): one shared empty array. */
const NO_SENTENCES = new Uint32Array(0);

interface PassagePage {
  hashes: Uint32Array;
  sentences: StoredPage;
}

/**
 * The pieces of one segment's index read so far, each kept as read (views on its bytes): a query
 * reads a few hundred kilobytes of them, where the segment's whole arrays would be some 120 MB
 * at 40,000 articles, whose allocation (zeroed, and the garbage collection it set off) was a
 * third of a cold start's first analysis. For a bulk reader of the segment (merging, exporting:
 * `loadAll`), every piece is read and the segment's arrays are made whole. Reads in flight are
 * shared; a failed read is tried again next time.
 */
export class IndexPieces {
  private readonly rowBlocks: (RowBlock | undefined)[];
  private readonly postingsPages: (StoredPage | undefined)[];
  private readonly passagePages: (PassagePage | undefined)[];
  /** The layout's passage fences (shingle hashes) as hashLowerBound searches them. */
  private readonly fences: Uint32Array;
  private readonly pending = new Map<string, Promise<void>>();
  /** Postings lists as read: decoded from their page or pages once (the corpus of segments asks for each list twice). */
  private readonly postingLists = new Map<number, Uint32Array>();
  /**
   * The shingle hashes of the passage pages read so far, made with the first: a page's shingle
   * is looked up in every segment, and 79% of those lookups find none there (the 27 kept pages
   * at 40,000 articles). Each searched a page, cold in the cache; the filter rules out most
   * of them from one bit, once the pages that could hold the shingle are read.
   */
  private passageFilter: HashFilter | null = null;
  /** Passage pages not read yet: none once the search index is read ahead (`loadSearchPages`). */
  private passagePagesUnread: number;
  /** The segment's arrays were made whole (`loadAll`, `fillAll`). */
  private whole = false;

  constructor(
    /** The segment's data: its row sections, postings and passage index are made whole by `loadAll` or `fillAll`. */
    private readonly data: CorpusData & { postingStart: Uint32Array; postingArticles: Uint32Array },
    private readonly layout: IndexPiecesLayout,
    private readonly blockSize: number,
    private readonly loadPiece: LoadIndexPiece,
  ) {
    this.rowBlocks = new Array<RowBlock | undefined>(layout.rowBlocks);
    this.postingsPages = new Array<StoredPage | undefined>(layout.postingsPages);
    this.passagePages = new Array<PassagePage | undefined>(layout.passageFences.length);
    this.fences = Uint32Array.from(layout.passageFences);
    this.passagePagesUnread = layout.passageFences.length;
  }

  /**
   * The segment's data is whole: every piece read for a bulk reader (`loadAll`, `fillAll`). Pieces
   * read one by one, even all of them (the background reading ahead), are kept as read: the
   * whole arrays would hold every byte a second time.
   */
  get complete(): boolean {
    return this.whole;
  }

  hasRows(article: number): boolean {
    return this.rowBlocks[Math.floor(article / this.blockSize)] !== undefined;
  }

  /** The article's entries of a row section (its terms, counts, facts, headline or lead terms); its rows must be read. */
  row<S extends RowSection>(name: S, article: number): CorpusData[S] {
    const block = this.rowBlocks[Math.floor(article / this.blockSize)];
    if (!block) throw new IndexNotLoadedError(this.data.meta.name, `the index rows of article ${article}`, () => this.loadRows([article]));
    const start = this.data[ROW_STARTS[name]];
    const at = block.at[name];
    return block.sections[name].subarray(start[article]! - at, start[article + 1]! - at) as CorpusData[S];
  }

  /** The signatures are in the index rows, not the index part (IndexPiecesLayout.rowSignatures). */
  get rowSignatures(): boolean {
    return this.layout.rowSignatures === true;
  }

  /** The article's MinHash signature, from its index rows (rows written with signatures; they must be read). */
  signature(article: number): Uint32Array {
    const block = this.rowBlocks[Math.floor(article / this.blockSize)];
    if (!block) throw new IndexNotLoadedError(this.data.meta.name, `the signature of article ${article}`, () => this.loadRows([article]));
    if (!block.signatures) throw new CorpusFormatError(`corpus "${this.data.meta.name}" keeps its signatures in its index part, not its index rows`);
    const k = article - Math.floor(article / this.blockSize) * this.blockSize;
    return block.signatures.subarray(k * SIGNATURE_SIZE, (k + 1) * SIGNATURE_SIZE);
  }

  /** Titles and URLs are in the index rows, not the index part (IndexPiecesLayout.rowHeads). */
  get rowHeads(): boolean {
    return this.layout.rowHeads === true;
  }

  /** The article's title and URL ('' when it has none), from its index rows (rows written with them; they must be read). */
  head(article: number): Record<HeadTable, string> {
    const k = Math.floor(article / this.blockSize);
    const block = this.rowBlocks[k];
    if (!block) throw new IndexNotLoadedError(this.data.meta.name, `the title and URL of article ${article}`, () => this.loadRows([article]));
    if (!block.heads) throw new CorpusFormatError(`corpus "${this.data.meta.name}" keeps its titles and URLs in its index part, not its index rows`);
    const at = article - k * this.blockSize;
    return { titles: readString(block.heads.titles, at), urls: readString(block.heads.urls, at) };
  }

  hasPostings(term: number): boolean {
    const [first, last] = this.pages(term);
    for (let k = first; k < last; k++) if (!this.postingsPages[k]) return false;
    return true;
  }

  /** The term's postings list; its pages must be read. A list within one page is a view on it. */
  postings(term: number): Uint32Array {
    const [first, last] = this.pages(term);
    if (first === last) return new Uint32Array(0);
    if (!this.hasPostings(term)) throw new IndexNotLoadedError(this.data.meta.name, `the postings of term ${term}`, () => this.loadPostings([term]));
    const size = this.layout.postingsPage;
    const start = this.data.postingStart[term]!;
    const end = this.data.postingStart[term + 1]!;
    let list = this.postingLists.get(term);
    if (!list) {
      if (last - first === 1) list = this.postingsPages[first]!.slice(start - first * size, end - first * size);
      else {
        list = new Uint32Array(end - start);
        for (let k = first; k < last; k++) {
          const from = Math.max(start, k * size) - k * size;
          const to = Math.min(end, (k + 1) * size) - k * size;
          list.set(this.postingsPages[k]!.slice(from, to), Math.max(start, k * size) - start);
        }
      }
      this.postingLists.set(term, list);
    }
    return list;
  }

  /** Postings pages holding the term's list: first ..< last. */
  private pages(term: number): [number, number] {
    const start = this.data.postingStart[term]!;
    const end = this.data.postingStart[term + 1]!;
    if (start === end) return [0, 0];
    return [Math.floor(start / this.layout.postingsPage), Math.floor((end - 1) / this.layout.postingsPage) + 1];
  }

  hasPassages(hash: number): boolean {
    // The passage pages that may hold the hash (a run of equal hashes may cross pages).
    const [first, last] = fencedPages(this.fences, hash);
    for (let k = first; k < last; k++) if (!this.passagePages[k]) return false;
    return true;
  }

  /** The sentences (numbered within the segment) holding the shingle hash, in index order; its pages must be read. */
  passageSentences(hash: number): Uint32Array {
    // A fact alignment looks up every shingle of the page in every segment (some 1,600 lookups
    // a page at 40,000 articles), most of them in a page no other lookup reads: each probe of a
    // page is a cache miss. A page's hashes (decoded whole when read) lie between its fence and
    // the next, and searched within those bounds, the first guess lands among a few entries; its
    // sentence numbers stay varints until a lookup finds the hash. Once every page is read (read
    // ahead), the filter holds every hash: most lookups end at one probe of it, before the fences
    // are searched.
    if (this.passagePagesUnread === 0 && !this.passageFilter?.mayHold(hash)) return NO_SENTENCES;
    const fences = this.fences;
    const atOrAbove = hashLowerBound(fences, hash);
    const first = atOrAbove > 0 ? atOrAbove - 1 : 0;
    const last = runEnd(fences, hash, atOrAbove);
    for (let k = first; k < last; k++) {
      if (!this.passagePages[k]) throw new IndexNotLoadedError(this.data.meta.name, `the passage index at shingle ${hash}`, () => this.loadPassages([hash]));
    }
    // Every page that could hold the hash is read, so the filter holds their hashes (and with
    // none read yet, no page could).
    if (!this.passageFilter?.mayHold(hash)) return NO_SENTENCES;
    if (last - first === 1) return this.passageRun(first, hash) ?? NO_SENTENCES;
    const found: Uint32Array[] = [];
    for (let k = first; k < last; k++) {
      const run = this.passageRun(k, hash);
      if (run) found.push(run);
    }
    return joinRuns(found, NO_SENTENCES);
  }

  /** The sentences of passage page k holding the hash, or undefined where it holds none (the page is read). */
  private passageRun(k: number, hash: number): Uint32Array | undefined {
    const page = this.passagePages[k]!;
    const fences = this.fences;
    const from = hashLowerBound(page.hashes, hash, fences[k]!, k + 1 < fences.length ? fences[k + 1]! : 0xffffffff);
    const to = runEnd(page.hashes, hash, from);
    return to > from ? page.sentences.slice(from, to) : undefined;
  }

  loadPassages(hashes: Iterable<number>): Promise<void> {
    // Asked with every shingle of a page, in every segment, before each analysis: the fences are
    // searched in place (no pair per hash), and pages read already are left out at once.
    if (this.passagePagesUnread === 0) return Promise.resolve();
    const fences = this.fences;
    const unread = new Set<number>();
    for (const hash of hashes) {
      const atOrAbove = hashLowerBound(fences, hash);
      const last = runEnd(fences, hash, atOrAbove);
      for (let k = atOrAbove > 0 ? atOrAbove - 1 : 0; k < last; k++) if (!this.passagePages[k]) unread.add(k);
    }
    return this.read('passages', unread);
  }

  loadRows(articles: Iterable<number>): Promise<void> {
    const blocks = new Set<number>();
    for (const a of articles) blocks.add(Math.floor(a / this.blockSize));
    return this.read('rows', blocks);
  }

  loadPostings(terms: Iterable<number>): Promise<void> {
    return this.read('postings', pagesSpanned(terms, (t) => this.pages(t)));
  }

  /** Rows of the articles with these ids (removed articles: opening counts their terms out of the frequencies). */
  loadRowsOfIds(ids: Iterable<string>): Promise<void> {
    const { idHashes, idOrder } = this.data;
    if (!idHashes || !idOrder) throw new CorpusFormatError('an index part with index pieces has no id lookup');
    const articles: number[] = [];
    for (const id of ids) {
      const a = findString(this.data.ids, { hashes: idHashes, order: idOrder }, id);
      if (a !== -1) articles.push(a);
    }
    return this.loadRows(articles);
  }

  /**
   * Every postings and passage page: what any page's search reads some of (at 40,000 articles a
   * warm page read some 27 passage and 14 postings pages it had not read before); the index rows
   * are read ahead apart (`loadNewestRows`), within a bound. Read in batches of
   * READ_AHEAD_BATCH pages, one transaction each, so that an analysis asking meanwhile waits for
   * one batch at most; stops between batches once `signal` is aborted.
   */
  async loadSearchPages(signal?: AbortSignal): Promise<void> {
    for (const kind of ['postings', 'passages'] as const) {
      const read = this.piecesOf(kind);
      await this.readAhead(kind, [...read.keys()].filter((k) => !read[k]), signal);
    }
  }

  /**
   * The index rows of the segment's newest `articles` articles at most (its last blocks, the
   * newest first), in batches of READ_AHEAD_BATCH blocks; stops between batches once `signal` is
   * aborted. Returns how many articles those blocks hold.
   */
  async loadNewestRows(articles: number, signal?: AbortSignal): Promise<number> {
    const n = this.data.meta.articleCount;
    const blocks: number[] = [];
    let covered = 0;
    for (let k = this.rowBlocks.length - 1; k >= 0; k--) {
      const inBlock = Math.min(n, (k + 1) * this.blockSize) - k * this.blockSize;
      if (covered + inBlock > articles) break;
      covered += inBlock;
      if (!this.rowBlocks[k]) blocks.push(k);
    }
    await this.readAhead('rows', blocks, signal);
    return covered;
  }

  /** Reads these pieces in batches of READ_AHEAD_BATCH, in order; stops between batches once `signal` is aborted. */
  private async readAhead(kind: IndexPieceKind, pieces: readonly number[], signal?: AbortSignal): Promise<void> {
    for (let from = 0; from < pieces.length && !signal?.aborted; from += READ_AHEAD_BATCH) await this.read(kind, pieces.slice(from, from + READ_AHEAD_BATCH));
  }

  /** Every piece, and the segment's arrays made whole from them (merging and exporting read the whole segment). */
  async loadAll(): Promise<void> {
    await Promise.all([this.read('rows', this.rowBlocks.keys()), this.read('postings', this.postingsPages.keys()), this.read('passages', this.passagePages.keys())]);
    this.makeWhole();
  }

  private async read(kind: IndexPieceKind, pieces: Iterable<number>): Promise<void> {
    const read = this.piecesOf(kind);
    const waits: Promise<void>[] = [];
    const unread: number[] = [];
    for (const k of pieces) {
      if (read[k]) continue;
      const reading = this.pending.get(`${kind}-${k}`);
      if (reading) waits.push(reading);
      else unread.push(k);
    }
    // What no read in flight brings is read in one batch (one IndexedDB transaction).
    if (unread.length) {
      const batch = this.loadPiece(kind, unread)
        .then((bytes) => unread.forEach((k, i) => this.fill(kind, k, bytes[i]!)))
        .finally(() => unread.forEach((k) => this.pending.delete(`${kind}-${k}`)));
      for (const k of unread) this.pending.set(`${kind}-${k}`, batch);
      waits.push(batch);
    }
    await Promise.all(waits);
  }

  /** Every piece, given (assembling a whole segment from all its stored parts). */
  fillAll(rows: readonly Uint8Array[], postings: readonly Uint8Array[], passages: readonly Uint8Array[]): void {
    const { rowBlocks, postingsPages, passageFences } = this.layout;
    if (rows.length !== rowBlocks || postings.length !== postingsPages || passages.length !== passageFences.length) {
      throw new CorpusFormatError(`a corpus segment needs ${rowBlocks} index rows, ${postingsPages} postings pages and ${passageFences.length} passage pages, ${rows.length}, ${postings.length} and ${passages.length} given`);
    }
    rows.forEach((bytes, k) => this.fill('rows', k, bytes));
    postings.forEach((bytes, k) => this.fill('postings', k, bytes));
    passages.forEach((bytes, k) => this.fill('passages', k, bytes));
    this.makeWhole();
  }

  private piecesOf(kind: IndexPieceKind): readonly unknown[] {
    return kind === 'rows' ? this.rowBlocks : kind === 'postings' ? this.postingsPages : this.passagePages;
  }

  private fill(kind: IndexPieceKind, k: number, bytes: Uint8Array): void {
    if (this.piecesOf(kind)[k]) return;
    if (kind === 'rows') this.rowBlocks[k] = this.readRows(bytes, k);
    else if (kind === 'postings') this.postingsPages[k] = this.readPostings(bytes, k);
    else {
      this.passagePages[k] = this.readPassages(bytes, k);
      this.passagePagesUnread--;
    }
  }

  private readRows(bytes: Uint8Array, block: number): RowBlock {
    const first = block * this.blockSize;
    const end = Math.min(this.data.meta.articleCount, first + this.blockSize);
    const file = readPiece(bytes, 'index-rows', first);
    const sections = {} as RowBlock['sections'];
    const at = {} as RowBlock['at'];
    for (const [name, startName] of ROW_SECTIONS) {
      const section = file.get<CorpusData[typeof name]>(name);
      const start = this.data[startName];
      if (section.length !== start[end]! - start[first]!) throw new CorpusFormatError(`index rows ${block} of a corpus segment are damaged (${name})`);
      (sections as Record<RowSection, unknown>)[name] = section;
      at[name] = start[first]!;
    }
    const signatures = this.rowSignatures ? file.get<Uint32Array>('signatures') : null;
    if (signatures && signatures.length !== (end - first) * SIGNATURE_SIZE) throw new CorpusFormatError(`index rows ${block} of a corpus segment are damaged (signatures)`);
    let heads: RowBlock['heads'] = null;
    if (this.rowHeads) {
      heads = { titles: file.table('titles'), urls: file.table('urls') };
      if (HEAD_TABLES.some((name) => heads![name].offsets.length !== end - first + 1)) throw new CorpusFormatError(`index rows ${block} of a corpus segment are damaged (titles and URLs)`);
    }
    return { sections, at, signatures, heads };
  }

  private readPostings(bytes: Uint8Array, page: number): StoredPage {
    const first = page * this.layout.postingsPage;
    const file = readPiece(bytes, 'postings-page', first);
    const entries = this.data.postingStart[this.data.postingStart.length - 1]!;
    const expected = Math.min(this.layout.postingsPage, entries - first);
    const what = `postings page ${page} of a corpus segment`;
    const section = this.layout.postingLists
      ? ListPage.read(file.get<Uint8Array>('postingLists'), expected, this.data.postingStart, first, what)
      : this.layout.varintPages
        ? new ArrayPage(decodeDeltas(file.get<Uint8Array>('postingDeltas'), expected, what))
        : new ArrayPage(file.get<Uint32Array>('postingArticles'));
    if (section.length !== expected) throw new CorpusFormatError(`${what} is damaged`);
    return section;
  }

  private readPassages(bytes: Uint8Array, page: number): PassagePage {
    const first = page * this.layout.passagePage;
    const file = readPiece(bytes, 'passage-page', first);
    const expected = Math.min(this.layout.passagePage, this.layout.passageEntries - first);
    const what = `passage page ${page} of a corpus segment`;
    let hashes: Uint32Array;
    let sentences: StoredPage;
    if (this.layout.varintPages) {
      hashes = decodeDeltas(file.get<Uint8Array>('passageHashDeltas'), expected, what);
      sentences = ListPage.read(file.get<Uint8Array>('passageSentenceVarints'), expected, null, first, what);
    } else {
      hashes = file.get<Uint32Array>('passageHashes');
      sentences = new ArrayPage(file.get<Uint32Array>('passageSentences'));
    }
    if (hashes.length !== expected || sentences.length !== expected || hashes[0] !== this.layout.passageFences[page]) throw new CorpusFormatError(`${what} is damaged`);
    const filter = (this.passageFilter ??= new HashFilter(this.layout.passageEntries, PASSAGE_FILTER_SLOTS));
    for (let i = 0; i < hashes.length; i++) filter.add(hashes[i]!);
    return { hashes, sentences };
  }

  /** Every piece read: the segment's arrays made whole, for readers of its data in bulk (merging, exporting). */
  private makeWhole(): void {
    if (this.whole) return;
    this.whole = true;
    const data = this.data;
    const n = data.meta.articleCount;
    for (const [name, startName] of ROW_SECTIONS) {
      const start = data[startName];
      const whole = name === 'docTermTf' ? new Uint8Array(start[n]!) : new Uint32Array(start[n]!);
      this.rowBlocks.forEach((block) => whole.set(block!.sections[name], block!.at[name]));
      (data as Record<RowSection, unknown>)[name] = whole;
    }
    if (this.rowSignatures) {
      data.signatures = new Uint32Array(n * SIGNATURE_SIZE);
      this.rowBlocks.forEach((block, k) => data.signatures.set(block!.signatures!, k * this.blockSize * SIGNATURE_SIZE));
    }
    if (this.rowHeads) for (const name of HEAD_TABLES) data[name] = joinTables(this.rowBlocks.map((block) => block!.heads![name]));
    data.postingArticles = new Uint32Array(data.postingStart[data.postingStart.length - 1]!);
    this.postingsPages.forEach((page, k) => data.postingArticles.set(page!.slice(0, page!.length), k * this.layout.postingsPage));
    data.passageHashes = new Uint32Array(this.layout.passageEntries);
    data.passageSentences = new Uint32Array(this.layout.passageEntries);
    this.passagePages.forEach((page, k) => {
      data.passageHashes.set(page!.hashes, k * this.layout.passagePage);
      data.passageSentences.set(page!.sentences.slice(0, page!.sentences.length), k * this.layout.passagePage);
    });
  }
}

/**
 * The index part's data with its row sections, postings and passage index empty until every
 * piece is read, and the pieces, read on demand; null for an index part that holds them itself
 * (written before pieces).
 */
export function openIndexPieces(data: CorpusData, loadPiece: LoadIndexPiece | undefined): { data: CorpusData; pieces: IndexPieces } | null {
  const layout = data.meta.parts?.pieces;
  if (!layout) return null;
  const blockSize = data.meta.parts!.blockSize;
  if (!loadPiece) throw new CorpusFormatError(`corpus "${data.meta.name}" is an index part without a way to read its index pieces`);
  const { postingStart } = data;
  if (!postingStart) throw new CorpusFormatError('an index part with index pieces has no postings starts');
  // Pieces are kept as read (IndexPieces); the arrays are made whole only once every piece is.
  const whole = { ...data, ...withoutPieces(), postingStart, postingArticles: new Uint32Array(0) };
  return { data: whole, pieces: new IndexPieces(whole, layout, blockSize, loadPiece) };
}

/** Every page some key's entries lie on, given each key's pages [first, last). */
function pagesSpanned(keys: Iterable<number>, pagesOf: (key: number) => readonly [number, number]): Set<number> {
  const pages = new Set<number>();
  for (const key of keys) {
    const [first, last] = pagesOf(key);
    for (let k = first; k < last; k++) pages.add(k);
  }
  return pages;
}
