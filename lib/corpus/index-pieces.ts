// The parts of a segment's index that a query reads only a little of, stored apart from its index
// part (./parts.ts) and read when a query needs them, so that a background started again does not
// read every segment's whole index before its first answer (issue 15: "it reads the parts of the
// index a query needs, then the candidate articles"):
//   - index rows: each article's terms, term counts, facts, headline and lead terms, for a block
//     of consecutive articles (a query scores some 64-100 candidates: a few dozen rows read);
//   - postings pages: the inverted index's article lists in pages of POSTINGS_PAGE entries (a
//     query reads the lists of its 64 most distinctive terms);
//   - passage pages: the passage index (shingle hashes ascending, with their sentences) in pages
//     of PASSAGE_PAGE entries, each page's first hash kept in the index part's meta (a page's
//     shingles are found in a few hundred pages at most).
// Together they were some 70% of a segment's index bytes. What every query reads throughout
// (vocabulary, document frequencies, where each list starts, LSH buckets, signatures, ids and
// URLs) stays in the index part; so do signatures, which a refresh reads synchronously too. A segment's arrays are allocated whole and filled
// as pieces are read; reading an article's rows or a term's postings before they are loaded
// throws IndexNotLoadedError, so a missing read can never pass for an empty one.
import type { CorpusData, IndexPiecesLayout } from './data.ts';
import { CorpusFormatError, readSections, serializeSections } from './format.ts';
import { findString } from './part-lookups.ts';
import { lowerBound } from '../sorted.ts';

/** Entries of the inverted index per postings page (16 kB): a rare term's list is one page. */
export const POSTINGS_PAGE = 4096;
/** Entries of the passage index per passage page (8 kB of hashes and sentences). */
export const PASSAGE_PAGE = 1024;

/** The sections stored as index rows, each indexed through its per-article start array. */
const ROW_SECTIONS = [
  ['docTerms', 'docTermStart'],
  ['docTermTf', 'docTermStart'],
  ['facts', 'factStart'],
  ['headlineTerms', 'headlineStart'],
  ['leadTerms', 'leadStart'],
] as const;
type RowSection = (typeof ROW_SECTIONS)[number][0];

export type IndexPieceKind = 'rows' | 'postings' | 'passages';
/** Reads stored pieces of one kind, in the order asked: index rows of article blocks, postings pages, or passage pages. */
export type LoadIndexPiece = (kind: IndexPieceKind, pieces: readonly number[]) => Promise<Uint8Array[]>;

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
export function serializeIndexPieces(data: CorpusData & { postingArticles: Uint32Array }, blockSize: number): { rows: Uint8Array[]; postings: Uint8Array[]; passages: Uint8Array[]; layout: IndexPiecesLayout } {
  const n = data.meta.articleCount;
  const rows: Uint8Array[] = [];
  for (let first = 0; first < n; first += blockSize) {
    const end = Math.min(n, first + blockSize);
    rows.push(serializeSections({ kind: 'index-rows', first, count: end - first }, ROW_SECTIONS.map(([name, start]) => [name, data[name].subarray(data[start][first]!, data[start][end]!)] as const)));
  }
  const postings: Uint8Array[] = [];
  for (let first = 0; first < data.postingArticles.length; first += POSTINGS_PAGE) {
    postings.push(serializeSections({ kind: 'postings-page', first }, [['postingArticles', data.postingArticles.subarray(first, first + POSTINGS_PAGE)]]));
  }
  const passages: Uint8Array[] = [];
  const passageFences: number[] = [];
  for (let first = 0; first < data.passageHashes.length; first += PASSAGE_PAGE) {
    passageFences.push(data.passageHashes[first]!);
    passages.push(
      serializeSections({ kind: 'passage-page', first }, [
        ['passageHashes', data.passageHashes.subarray(first, first + PASSAGE_PAGE)],
        ['passageSentences', data.passageSentences.subarray(first, first + PASSAGE_PAGE)],
      ]),
    );
  }
  return { rows, postings, passages, layout: { rowBlocks: rows.length, postingsPage: POSTINGS_PAGE, postingsPages: postings.length, passageEntries: data.passageHashes.length, passagePage: PASSAGE_PAGE, passageFences } };
}

/** Reads a piece's sections, checking that it is the piece asked for. */
function readPiece(bytes: Uint8Array, kind: string, first: number) {
  const file = readSections(bytes);
  const meta = file.meta as { kind?: string; first?: number } | null;
  if (meta?.kind !== kind || meta.first !== first) throw new CorpusFormatError(`not the ${kind} starting at ${first} of a corpus segment`);
  return file;
}

/**
 * The pieces of one segment's index read so far, written into the segment's arrays (allocated
 * whole, empty until read). Reads in flight are shared; a failed read is tried again next time.
 */
export class IndexPieces {
  private readonly rowsRead: Uint8Array;
  private readonly pagesRead: Uint8Array;
  private readonly passagesRead: Uint8Array;
  private readonly pending = new Map<string, Promise<void>>();
  private readonly allocated = new Set<IndexPieceKind>();
  private missing: number;

  constructor(
    /** The segment's data: its row sections, postingArticles and passage index are filled in place. */
    private readonly data: CorpusData & { postingStart: Uint32Array; postingArticles: Uint32Array },
    private readonly layout: IndexPiecesLayout,
    private readonly blockSize: number,
    private readonly loadPiece: LoadIndexPiece,
  ) {
    this.rowsRead = new Uint8Array(layout.rowBlocks);
    this.pagesRead = new Uint8Array(layout.postingsPages);
    this.passagesRead = new Uint8Array(layout.passageFences.length);
    this.missing = layout.rowBlocks + layout.postingsPages + layout.passageFences.length;
  }

  /** Every piece is read (the segment's data is whole). */
  get complete(): boolean {
    return this.missing === 0;
  }

  hasRows(article: number): boolean {
    return this.rowsRead[Math.floor(article / this.blockSize)] === 1;
  }

  hasPostings(term: number): boolean {
    const [first, last] = this.pages(term);
    for (let k = first; k < last; k++) if (this.pagesRead[k] !== 1) return false;
    return true;
  }

  /** Postings pages holding the term's list: first ..< last. */
  private pages(term: number): [number, number] {
    const start = this.data.postingStart[term]!;
    const end = this.data.postingStart[term + 1]!;
    if (start === end) return [0, 0];
    return [Math.floor(start / this.layout.postingsPage), Math.floor((end - 1) / this.layout.postingsPage) + 1];
  }

  /** Passage pages that may hold the hash: first ..< last (a run of equal hashes may cross pages). */
  private passagePages(hash: number): [number, number] {
    const fences = this.layout.passageFences;
    return [Math.max(0, lowerBound(fences, hash) - 1), lowerBound(fences, hash + 1)];
  }

  hasPassages(hash: number): boolean {
    const [first, last] = this.passagePages(hash);
    for (let k = first; k < last; k++) if (this.passagesRead[k] !== 1) return false;
    return true;
  }

  /** Entries first ..< last of the passage index holding the hash, searched within its loaded pages. */
  passageRange(hash: number): [number, number] {
    const [first, last] = this.passagePages(hash);
    if (first === last) return [0, 0];
    const hashes = this.data.passageHashes;
    const lo = first * this.layout.passagePage;
    const hi = Math.min(hashes.length, last * this.layout.passagePage);
    return [lowerBound(hashes, hash, lo, hi), lowerBound(hashes, hash + 1, lo, hi)];
  }

  loadPassages(hashes: Iterable<number>): Promise<void> {
    const pages = new Set<number>();
    for (const h of hashes) {
      const [first, last] = this.passagePages(h);
      for (let k = first; k < last; k++) pages.add(k);
    }
    return this.read('passages', pages);
  }

  loadRows(articles: Iterable<number>): Promise<void> {
    const blocks = new Set<number>();
    for (const a of articles) blocks.add(Math.floor(a / this.blockSize));
    return this.read('rows', blocks);
  }

  loadPostings(terms: Iterable<number>): Promise<void> {
    const pages = new Set<number>();
    for (const t of terms) {
      const [first, last] = this.pages(t);
      for (let k = first; k < last; k++) pages.add(k);
    }
    return this.read('postings', pages);
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

  /** Every piece (merging and exporting read the whole segment). */
  loadAll(): Promise<void> {
    return Promise.all([this.read('rows', Array.from(this.rowsRead.keys())), this.read('postings', Array.from(this.pagesRead.keys())), this.read('passages', Array.from(this.passagesRead.keys()))]).then(() => undefined);
  }

  private async read(kind: IndexPieceKind, pieces: Iterable<number>): Promise<void> {
    const done = this.done(kind);
    const waits: Promise<void>[] = [];
    const unread: number[] = [];
    for (const k of pieces) {
      if (done[k] === 1) continue;
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
  }

  /**
   * The arrays pieces of a kind fill, whole, allocated when the first piece of the kind is read:
   * some 70 MB at 40,000 articles in all, whose allocation (zeroed, and the garbage collection
   * it set off) was a fifth of opening. Until then they are empty, and nothing reads them (reads check first).
   */
  private allocate(kind: IndexPieceKind): void {
    if (this.allocated.has(kind)) return;
    this.allocated.add(kind);
    const data = this.data;
    const n = data.meta.articleCount;
    if (kind === 'rows') {
      data.docTerms = new Uint32Array(data.docTermStart[n]!);
      data.docTermTf = new Uint8Array(data.docTermStart[n]!);
      data.facts = new Uint32Array(data.factStart[n]!);
      data.headlineTerms = new Uint32Array(data.headlineStart[n]!);
      data.leadTerms = new Uint32Array(data.leadStart[n]!);
    } else if (kind === 'postings') {
      data.postingArticles = new Uint32Array(data.postingStart[data.postingStart.length - 1]!);
    } else {
      data.passageHashes = new Uint32Array(this.layout.passageEntries);
      data.passageSentences = new Uint32Array(this.layout.passageEntries);
    }
  }

  private done(kind: IndexPieceKind): Uint8Array {
    return kind === 'rows' ? this.rowsRead : kind === 'postings' ? this.pagesRead : this.passagesRead;
  }

  private fill(kind: IndexPieceKind, k: number, bytes: Uint8Array): void {
    const done = this.done(kind);
    if (done[k] === 1) return;
    if (kind === 'rows') this.fillRows(bytes, k);
    else if (kind === 'postings') this.fillPostings(bytes, k);
    else this.fillPassages(bytes, k);
    done[k] = 1;
    this.missing--;
  }

  private fillRows(bytes: Uint8Array, block: number): void {
    const first = block * this.blockSize;
    const end = Math.min(this.data.meta.articleCount, first + this.blockSize);
    const file = readPiece(bytes, 'index-rows', first);
    this.allocate('rows');
    for (const [name, start] of ROW_SECTIONS) {
      const section = file.get<CorpusData[RowSection]>(name);
      const at = this.data[start][first]!;
      if (section.length !== this.data[start][end]! - at) throw new CorpusFormatError(`index rows ${block} of a corpus segment are damaged (${name})`);
      this.data[name].set(section, at);
    }
  }

  private fillPostings(bytes: Uint8Array, page: number): void {
    const first = page * this.layout.postingsPage;
    const section = readPiece(bytes, 'postings-page', first).get<Uint32Array>('postingArticles');
    this.allocate('postings');
    if (section.length !== Math.min(this.layout.postingsPage, this.data.postingArticles.length - first)) throw new CorpusFormatError(`postings page ${page} of a corpus segment is damaged`);
    this.data.postingArticles.set(section, first);
  }

  private fillPassages(bytes: Uint8Array, page: number): void {
    const first = page * this.layout.passagePage;
    const file = readPiece(bytes, 'passage-page', first);
    const hashes = file.get<Uint32Array>('passageHashes');
    const sentences = file.get<Uint32Array>('passageSentences');
    this.allocate('passages');
    const expected = Math.min(this.layout.passagePage, this.data.passageHashes.length - first);
    if (hashes.length !== expected || sentences.length !== expected || hashes[0] !== this.layout.passageFences[page]) throw new CorpusFormatError(`passage page ${page} of a corpus segment is damaged`);
    this.data.passageHashes.set(hashes, first);
    this.data.passageSentences.set(sentences, first);
  }
}

/**
 * The index part's data with its row sections, postings and passage index empty (allocated whole
 * when a piece of their kind is first read), and the pieces that fill them; null for an index
 * part that holds them itself (written before pieces).
 */
export function openIndexPieces(data: CorpusData, loadPiece: LoadIndexPiece | undefined): { data: CorpusData; pieces: IndexPieces } | null {
  const layout = data.meta.parts?.pieces;
  if (!layout) return null;
  const blockSize = data.meta.parts!.blockSize;
  if (!loadPiece) throw new CorpusFormatError(`corpus "${data.meta.name}" is an index part without a way to read its index pieces`);
  const { postingStart } = data;
  if (!postingStart) throw new CorpusFormatError('an index part with index pieces has no postings starts');
  // The arrays are allocated whole when the first piece is read (IndexPieces.allocate).
  const whole = { ...data, ...withoutPieces(), postingStart, postingArticles: new Uint32Array(0) };
  return { data: whole, pieces: new IndexPieces(whole, layout, blockSize, loadPiece) };
}
