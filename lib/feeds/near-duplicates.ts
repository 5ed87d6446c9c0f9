// Syndicated wire copy reaches the corpus through several outlets' feeds, and one outlet may
// publish the same article at two URLs. The engine's fingerprints (MinHash + LSH banding, as the
// corpus compiler uses) find both as articles are appended, without comparing every pair.
import { combineHashes } from '../fingerprint/hash.ts';
import { bandKeys, estimateContainment, estimateJaccard, fingerprintText, LSH_BANDS, type Fingerprint } from '../fingerprint/index.ts';
import { VERSION_CONTAINMENT, VERSION_MIN_SHINGLES } from '../corpus/versions.ts';
import { mayBeVersion, type CorpusContext } from '../corpus/known-articles.ts';

/** Both ways at least this contained: the same text, not an edition or a rewrite. */
export const SAME_TEXT_CONTAINMENT = 0.95;

export interface NearDuplicate {
  /** Id of the article already known. */
  id: string;
  outlet: string | null;
  /** Share of the new article's shingles found in the known one, 0..1. */
  containment: number;
  /**
   * `duplicate`: the same outlet's same text again (do not add it); `version`: the same outlet's
   * other edition (kept, the compiler links versions); `syndicated`: another outlet runs the
   * same copy (kept, each outlet is a voice).
   */
  kind: 'duplicate' | 'version' | 'syndicated';
}

interface Entry {
  id: string;
  outlet: string | null;
  fingerprint: Fingerprint;
}

export class NearDuplicateIndex {
  private readonly entries: Entry[] = [];
  private readonly buckets = new Map<number, number[]>();

  get size(): number {
    return this.entries.length;
  }

  /** Adds a known article by its text, or by the fingerprint a compiled corpus stores for it. */
  add(id: string, outlet: string | null, text: string | Fingerprint): void {
    const fingerprint = typeof text === 'string' ? fingerprintText(text) : text;
    const index = this.entries.push({ id, outlet, fingerprint }) - 1;
    if (fingerprint.shingles < VERSION_MIN_SHINGLES) return;
    for (const key of this.keys(fingerprint)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(index);
      else this.buckets.set(key, [index]);
    }
  }

  /** The known article closest to `text` (or its fingerprint), when it is a near-duplicate of it. */
  find(outlet: string | null, text: string | Fingerprint): NearDuplicate | null {
    const fingerprint = typeof text === 'string' ? fingerprintText(text) : text;
    if (fingerprint.shingles < VERSION_MIN_SHINGLES) return null;
    const candidates = new Set<number>();
    for (const key of this.keys(fingerprint)) for (const index of this.buckets.get(key) ?? []) candidates.add(index);
    return closest(outlet, fingerprint, [...candidates].map((index) => this.entries[index]!));
  }

  private keys(fingerprint: Fingerprint): number[] {
    return Array.from(bandKeys(fingerprint.signature), (key, band) => combineHashes(band, key)).slice(0, LSH_BANDS);
  }
}

/** Of `candidates` (articles sharing an LSH band with it), the nearest duplicate of `fingerprint`, or null. */
function closest(outlet: string | null, fingerprint: Fingerprint, candidates: Iterable<Entry>): NearDuplicate | null {
  let best: NearDuplicate | null = null;
  let bestBoth = 0;
  for (const known of candidates) {
    const jaccard = estimateJaccard(fingerprint.signature, known.fingerprint.signature);
    const ofNew = estimateContainment(jaccard, fingerprint.shingles, known.fingerprint.shingles);
    const ofKnown = estimateContainment(jaccard, known.fingerprint.shingles, fingerprint.shingles);
    const smaller = fingerprint.shingles <= known.fingerprint.shingles ? ofNew : ofKnown;
    if (smaller < VERSION_CONTAINMENT || (best && Math.min(ofNew, ofKnown) <= bestBoth)) continue;
    const sameOutlet = outlet !== null && known.outlet !== null && outlet.toLowerCase() === known.outlet.toLowerCase();
    const kind = !sameOutlet ? 'syndicated' : Math.min(ofNew, ofKnown) >= SAME_TEXT_CONTAINMENT ? 'duplicate' : 'version';
    best = { id: known.id, outlet: known.outlet, containment: Math.round(ofNew * 1000) / 1000, kind };
    bestBoth = Math.min(ofNew, ofKnown);
  }
  return best;
}

/** What near-duplicate lookup needs of a compiled corpus: its stored fingerprints and LSH buckets. */
export type FingerprintedCorpus = Pick<CorpusContext, 'lshCandidates' | 'signature' | 'shingleCount' | 'article' | 'jaccardAtMost'>;

/**
 * The corpus article closest to `fingerprint`, found through the corpus's own LSH buckets and
 * stored fingerprints: the same answer as a NearDuplicateIndex of every article (fingerprints
 * are computed the same way at compile time), without indexing the corpus again per refresh.
 */
export function findInCorpus(corpus: FingerprintedCorpus, outlet: string | null, fingerprint: Fingerprint): NearDuplicate | null {
  if (fingerprint.shingles < VERSION_MIN_SHINGLES) return null;
  const candidates: Entry[] = [];
  for (const index of corpus.lshCandidates(fingerprint.signature).keys()) {
    const shingles = corpus.shingleCount(index);
    if (shingles < VERSION_MIN_SHINGLES) continue;
    // A corpus read lazily bounds the comparison before reading the candidate: one that cannot
    // reach VERSION_CONTAINMENT is one `closest` leaves out.
    if (corpus.jaccardAtMost && !mayBeVersion(corpus.jaccardAtMost(index, fingerprint.signature), fingerprint.shingles, shingles)) continue;
    const { id, outlet: known } = corpus.article(index);
    candidates.push({ id, outlet: known, fingerprint: { signature: corpus.signature(index), shingles } });
  }
  return closest(outlet, fingerprint, candidates);
}
