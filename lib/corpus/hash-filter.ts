// Which 32-bit hashes a set may hold: one bit per slot of a hash's top bits, set for each hash
// added. It never answers "not held" for a hash added, so a lookup it rules out would have found
// nothing; hashes are uniform, so one bit a hash is enough.

export class HashFilter {
  private readonly bits: Uint8Array;
  /** A hash's slot is its top bits: `hash >>> shift`. */
  private readonly shift: number;

  /** A filter for up to `capacity` hashes, with at least `slotsPerHash` slots each (a power of two in all). */
  constructor(capacity: number, slotsPerHash: number) {
    let slotBits = 3;
    while (slotBits < 32 && 2 ** slotBits < capacity * slotsPerHash) slotBits++;
    this.shift = 32 - slotBits;
    this.bits = new Uint8Array(2 ** (slotBits - 3));
  }

  add(hash: number): void {
    const slot = hash >>> this.shift;
    this.bits[slot >>> 3]! |= 1 << (slot & 7);
  }

  /** Whether a hash may have been added: false only for one that was not. */
  mayHold(hash: number): boolean {
    const slot = hash >>> this.shift;
    return (this.bits[slot >>> 3]! & (1 << (slot & 7))) !== 0;
  }
}
