// A postings or passage page as a query reads it: the entries asked for, and in a page of
// ascending hashes, where a hash lies. Pages written with varints are read in place
// (./varint.ts VarintPage); pages written before them (IndexPiecesLayout.varintPages unset) are
// 32-bit arrays, read as views.
import { hashLowerBound, runEnd } from '../sorted.ts';

export interface StoredPage {
  readonly length: number;
  /** The first entry (undefined on an empty page). */
  readonly first: number | undefined;
  /** Entries from ..< to (a view or a new array: not to be written to). */
  slice(from: number, to: number): Uint32Array;
  /** Of a page of ascending entries, those equal to `value`: first ..< last (first === last where none is). */
  range(value: number): [number, number];
}

/** A page stored as a 32-bit array, whose entries lie in least ..= most where known (a passage page between two fences). */
export class ArrayPage implements StoredPage {
  constructor(
    private readonly entries: Uint32Array,
    private readonly least = 0,
    private readonly most = 0xffffffff,
  ) {}

  get length(): number {
    return this.entries.length;
  }

  get first(): number | undefined {
    return this.entries[0];
  }

  slice(from: number, to: number): Uint32Array {
    return this.entries.subarray(from, to);
  }

  range(value: number): [number, number] {
    const from = hashLowerBound(this.entries, value, this.least, this.most);
    return [from, runEnd(this.entries, value, from)];
  }
}
