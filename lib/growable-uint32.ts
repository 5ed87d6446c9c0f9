// A Uint32Array that grows by doubling: the compiler and the passage index gather millions of
// numbers without knowing the count in advance, and plain arrays of numbers would take several
// times the memory.
export class GrowableUint32 {
  private data = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The values so far, without copying (valid until the next push). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }

  /** The values so far, as a copy of their exact length. */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
