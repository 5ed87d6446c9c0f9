// Which terms of a sentence have a given WordNet sense: synonyms across two sentences are found
// by looking a sense of one up in the other, not by comparing every pair of terms. Every sentence
// compared gets one such lookup, so it is a small hash table over typed arrays: a map of arrays
// (sense id -> term indices) was some 40% of what a sentence's features allocated.
import type { TermSenses } from './senses.ts';

export interface SenseOwners {
  /** Open addressing: each slot's sense id (-1 for an empty slot) and its first link. */
  readonly slotSense: Int32Array;
  readonly slotFirst: Int32Array;
  /** Links, one per (sense, term): the term's index, and the next link of the same sense (-1 at the end). */
  readonly linkTerm: Int32Array;
  readonly linkNext: Int32Array;
}

const EMPTY = -1;

function slotOf(id: number, mask: number): number {
  return Math.imul(id, 0x9e3779b1) >>> 7 & mask;
}

/** The owners of the senses of each term (`senses[i]` for term i; undefined: none). */
export function senseOwners(senses: readonly (TermSenses | undefined)[]): SenseOwners {
  let links = 0;
  for (const ids of senses) if (ids !== undefined) links += ids.length;
  // At most three quarters full: a lookup probes a slot or two.
  let size = 4;
  while (size * 3 < links * 4) size *= 2;
  const mask = size - 1;
  const slotSense = new Int32Array(size).fill(EMPTY);
  const slotFirst = new Int32Array(size);
  const linkTerm = new Int32Array(links);
  const linkNext = new Int32Array(links);
  // slotOf and the probe written out: a warm analysis builds a dozen of these a page, some hundred
  // links each, too few for V8 to optimize (and inline) this loop.
  let link = 0;
  for (let term = 0; term < senses.length; term++) {
    const ids = senses[term];
    if (ids === undefined) continue;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      let slot = (Math.imul(id, 0x9e3779b1) >>> 7) & mask;
      let held = slotSense[slot]!;
      while (held !== EMPTY && held !== id) {
        slot = (slot + 1) & mask;
        held = slotSense[slot]!;
      }
      if (held === EMPTY) {
        slotSense[slot] = id;
        slotFirst[slot] = EMPTY;
      }
      linkTerm[link] = term;
      linkNext[link] = slotFirst[slot]!;
      slotFirst[slot] = link++;
    }
  }
  return { slotSense, slotFirst, linkTerm, linkNext };
}

/** The first link of the terms having sense `id` (follow `linkNext`), or -1 when no term has it. */
export function firstOwnerLink(owners: SenseOwners, id: number): number {
  const { slotSense } = owners;
  const mask = slotSense.length - 1;
  for (let slot = slotOf(id, mask); slotSense[slot] !== EMPTY; slot = (slot + 1) & mask) {
    if (slotSense[slot] === id) return owners.slotFirst[slot]!;
  }
  return EMPTY;
}
