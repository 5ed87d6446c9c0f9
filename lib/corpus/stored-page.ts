// A postings page or a passage page's sentence numbers as a query reads them: the entries asked
// for. Pages written with varints are read in place (./list-page.ts ListPage); pages written
// before them (IndexPiecesLayout.varintPages unset) are 32-bit arrays, read as views, and varint
// postings pages written before lists started from zero are decoded whole into one.

export interface StoredPage {
  readonly length: number;
  /** Entries from ..< to (a view or a new array: not to be written to). */
  slice(from: number, to: number): Uint32Array;
}

/** A page stored as a 32-bit array. */
export class ArrayPage implements StoredPage {
  constructor(private readonly entries: Uint32Array) {}

  get length(): number {
    return this.entries.length;
  }

  slice(from: number, to: number): Uint32Array {
    return this.entries.subarray(from, to);
  }
}
