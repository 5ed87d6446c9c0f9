// The parts of a segment's index that a query reads only a little of, stored apart from its index
// part (./parts.ts) and read when a query needs them, so that a background started again does not
// read every segment's whole index before its first answer (issue 15: "it reads the parts of the
// index a query needs, then the candidate articles"):
//   - index rows: each article's terms, term counts, facts, headline and lead terms, for a block
//     of consecutive articles (a query scores some 64-100 candidates: a few dozen rows read);
//   - postings pages: the inverted index's article lists in pages of POSTINGS_PAGE entries (a
//     query reads the lists of its 64 most distinctive terms).
// Together they were over half of a segment's index bytes. What every query reads throughout
// (vocabulary, document frequencies, where each list starts, LSH buckets, signatures, the passage
// index, ids and URLs) stays in the index part. A segment's arrays are allocated whole and filled
// as pieces are read; reading an article's rows or a term's postings before they are loaded
// throws IndexNotLoadedError, so a missing read can never pass for an empty one.
import type { CorpusData, IndexPiecesLayout } from './data.ts';
import { CorpusFormatError, readSections, serializeSections } from './format.ts';
import { findString } from './part-lookups.ts';

/** Entries of the inverted index per postings page (16 kB): a rare term's list is one page. */
export const POSTINGS_PAGE = 4096;

/** The sections stored as index rows, each indexed through its per-article start array. */
const ROW_SECTIONS = [
  ['docTerms', 'docTermStart'],
  ['docTermTf', 'docTermStart'],
  ['facts', 'factStart'],
  ['headlineTerms', 'headlineStart'],
  ['leadTerms', 'leadStart'],
] as const;
type RowSection = (typeof ROW_SECTIONS)[number][0];

export type IndexPieceKind = 'rows' | 'postings';
/** Reads one stored piece: index rows of article block k, or postings page k. */
export type LoadIndexPiece = (kind: IndexPieceKind, k: number) => Promise<Uint8Array>;

/** A query read index rows or postings not loaded yet: `load()` reads them (analyzeAsync loads first, and again on this). */
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

/** The index part's copy of the data: row sections and postings left empty (their pieces hold them). */
export function withoutPieces(): Pick<CorpusData, RowSection | 'postingArticles'> {
  return { docTerms: new Uint32Array(0), docTermTf: new Uint8Array(0), facts: new Uint32Array(0), headlineTerms: new Uint32Array(0), leadTerms: new Uint32Array(0), postingArticles: new Uint32Array(0) };
}

/** A segment's index rows (one piece per block of articles) and postings pages. */
export function serializeIndexPieces(data: CorpusData & { postingArticles: Uint32Array }, blockSize: number): { rows: Uint8Array[]; postings: Uint8Array[]; layout: IndexPiecesLayout } {
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
  return { rows, postings, layout: { rowBlocks: rows.length, postingsPage: POSTINGS_PAGE, postingsPages: postings.length } };
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
  private readonly pending = new Map<string, Promise<void>>();
  private missing: number;

  constructor(
    /** The segment's data: its row sections and postingArticles are filled in place. */
    private readonly data: CorpusData & { postingStart: Uint32Array; postingArticles: Uint32Array },
    private readonly layout: IndexPiecesLayout,
    private readonly blockSize: number,
    private readonly loadPiece: LoadIndexPiece,
  ) {
    this.rowsRead = new Uint8Array(layout.rowBlocks);
    this.pagesRead = new Uint8Array(layout.postingsPages);
    this.missing = layout.rowBlocks + layout.postingsPages;
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
    return Promise.all([this.read('rows', Array.from(this.rowsRead.keys())), this.read('postings', Array.from(this.pagesRead.keys()))]).then(() => undefined);
  }

  private async read(kind: IndexPieceKind, pieces: Iterable<number>): Promise<void> {
    const done = kind === 'rows' ? this.rowsRead : this.pagesRead;
    const waits: Promise<void>[] = [];
    for (const k of pieces) {
      if (done[k] === 1) continue;
      const key = `${kind}-${k}`;
      let reading = this.pending.get(key);
      if (!reading) {
        reading = this.loadPiece(kind, k)
          .then((bytes) => this.fill(kind, k, bytes))
          .finally(() => this.pending.delete(key));
        this.pending.set(key, reading);
      }
      waits.push(reading);
    }
    await Promise.all(waits);
  }

  /** Every piece, given (assembling a whole segment from all its stored parts). */
  fillAll(rows: readonly Uint8Array[], postings: readonly Uint8Array[]): void {
    if (rows.length !== this.layout.rowBlocks || postings.length !== this.layout.postingsPages) {
      throw new CorpusFormatError(`a corpus segment needs ${this.layout.rowBlocks} index rows and ${this.layout.postingsPages} postings pages, ${rows.length} and ${postings.length} given`);
    }
    rows.forEach((bytes, k) => this.fill('rows', k, bytes));
    postings.forEach((bytes, k) => this.fill('postings', k, bytes));
  }

  private fill(kind: IndexPieceKind, k: number, bytes: Uint8Array): void {
    const done = kind === 'rows' ? this.rowsRead : this.pagesRead;
    if (done[k] === 1) return;
    if (kind === 'rows') this.fillRows(bytes, k);
    else this.fillPostings(bytes, k);
    done[k] = 1;
    this.missing--;
  }

  private fillRows(bytes: Uint8Array, block: number): void {
    const first = block * this.blockSize;
    const end = Math.min(this.data.meta.articleCount, first + this.blockSize);
    const file = readPiece(bytes, 'index-rows', first);
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
    if (section.length !== Math.min(this.layout.postingsPage, this.data.postingArticles.length - first)) throw new CorpusFormatError(`postings page ${page} of a corpus segment is damaged`);
    this.data.postingArticles.set(section, first);
  }
}

/**
 * The index part's data with its row sections and postings allocated whole (empty), and the
 * pieces that fill them; null for an index part that holds them itself (written before pieces).
 */
export function openIndexPieces(data: CorpusData, loadPiece: LoadIndexPiece | undefined): { data: CorpusData; pieces: IndexPieces } | null {
  const layout = data.meta.parts?.pieces;
  if (!layout) return null;
  const blockSize = data.meta.parts!.blockSize;
  if (!loadPiece) throw new CorpusFormatError(`corpus "${data.meta.name}" is an index part without a way to read its index pieces`);
  const n = data.meta.articleCount;
  const { postingStart } = data;
  if (!postingStart) throw new CorpusFormatError('an index part with index pieces has no postings starts');
  const whole = {
    ...data,
    docTerms: new Uint32Array(data.docTermStart[n]!),
    docTermTf: new Uint8Array(data.docTermStart[n]!),
    facts: new Uint32Array(data.factStart[n]!),
    headlineTerms: new Uint32Array(data.headlineStart[n]!),
    leadTerms: new Uint32Array(data.leadStart[n]!),
    postingStart,
    postingArticles: new Uint32Array(postingStart[postingStart.length - 1]!),
  };
  return { data: whole, pieces: new IndexPieces(whole, layout, blockSize, loadPiece) };
}
