// The page's query terms as story scoring looks them up. Scoring looks up every stored term of
// every candidate (some 64-100 candidates of up to 192 terms each, and their leads and
// headlines) in the query; a Map lookup per term was over half of story matching's time. Here
// one open-addressing table of term ids holds, per query term, each weight scoring reads, so that
// one probe answers all of them.

/** A weight the table does not hold: the term is not in that part of the query. */
const ABSENT = Number.NaN;

export class QueryTermTable {
  /** Term id at each slot, -1 where the slot is empty. */
  private readonly ids: Int32Array;
  /** Shift that maps a term id's multiplicative hash to a slot (the table has 2^(32 - shift) slots). */
  private readonly shift: number;
  /** The term's weight in the query vector (StoryQuery.weights), ABSENT when it has none. */
  readonly weight: Float64Array;
  /** Its weight in the headline and in the lead (StoryQuery.headline, .lead), ABSENT when not there. */
  readonly headline: Float64Array;
  readonly lead: Float64Array;
  /** 1 when it is one of the query's fact keys (StoryQuery.facts), 0 otherwise. */
  readonly fact: Uint8Array;

  constructor(parts: { weights: ReadonlyMap<number, number>; headline: ReadonlyMap<number, number>; lead: ReadonlyMap<number, number>; facts: ReadonlyMap<number, number> }) {
    // Counted by adding each part's keys, not by spreading them into one array first (some 400 terms a page).
    const distinct = new Set(parts.weights.keys());
    for (const part of [parts.headline, parts.lead, parts.facts]) for (const id of part.keys()) distinct.add(id);
    // At most half full: a probe ends after a slot or two.
    let bits = 4;
    while (1 << bits < 2 * distinct.size) bits++;
    const size = 1 << bits;
    this.shift = 32 - bits;
    this.ids = new Int32Array(size).fill(-1);
    this.weight = new Float64Array(size).fill(ABSENT);
    this.headline = new Float64Array(size).fill(ABSENT);
    this.lead = new Float64Array(size).fill(ABSENT);
    this.fact = new Uint8Array(size);
    const put = (id: number): number => {
      let slot = this.home(id);
      while (this.ids[slot] !== -1 && this.ids[slot] !== id) slot = (slot + 1) & (size - 1);
      this.ids[slot] = id;
      return slot;
    };
    for (const [id, w] of parts.weights) this.weight[put(id)] = w;
    for (const [id, w] of parts.headline) this.headline[put(id)] = w;
    for (const [id, w] of parts.lead) this.lead[put(id)] = w;
    for (const id of parts.facts.keys()) this.fact[put(id)] = 1;
  }

  private home(id: number): number {
    return Math.imul(id, 0x9e3779b1) >>> this.shift;
  }

  /** The term's slot, or -1 when the query does not hold it. */
  slot(id: number): number {
    const ids = this.ids;
    const mask = ids.length - 1;
    for (let slot = this.home(id); ; slot = (slot + 1) & mask) {
      const at = ids[slot]!;
      if (at === id) return slot;
      if (at === -1) return -1;
    }
  }
}
