// Versions of a new segment's articles among the articles of the corpus it joins: found when the
// segment is compiled (LSH of the corpus, then the same test as within one compile), stored as
// links by id, and grouped with the rest when the segments are opened together.
import { estimateContainment, estimateJaccard, lshBucketSizes, SIGNATURE_SIZE } from '../fingerprint/index.ts';
import { mayBeVersion, type CorpusContext } from './known-articles.ts';
import { sameOutletOrUnknown, VERSION_CONTAINMENT, VERSION_MIN_SHINGLES, type VersionInput } from './versions.ts';

export interface VersionLinks {
  /** Articles of the segment, each linked with the article of the context whose id is at the same place. */
  articles: number[];
  ids: string[];
}

/**
 * Links from the segment's articles to their versions in `context`. Buckets count the articles
 * of both, as one compile's would; removed articles of the context are not searched.
 */
export function contextVersionLinks(input: VersionInput, outletNames: readonly string[], context: CorpusContext): VersionLinks {
  const links: VersionLinks = { articles: [], ids: [] };
  const n = input.shingleCounts.length;
  for (let a = 0; a < n; a++) {
    const size = input.shingleCounts[a]!;
    if (size < VERSION_MIN_SHINGLES) continue;
    const signature = input.signatures.subarray(a * SIGNATURE_SIZE, (a + 1) * SIGNATURE_SIZE);
    const outlet = input.outlets[a] === -1 ? null : outletNames[input.outlets[a]!]!;
    const candidates = context.lshCandidates(signature, lshBucketSizes(input.buckets, input.signatures, a * SIGNATURE_SIZE));
    for (const b of [...candidates.keys()].sort((x, y) => x - y)) {
      const otherSize = context.shingleCount(b);
      if (otherSize < VERSION_MIN_SHINGLES) continue;
      // A context read lazily bounds the comparison first: a candidate that cannot reach VERSION_CONTAINMENT is left unread.
      if (context.jaccardAtMost && !mayBeVersion(context.jaccardAtMost(b, signature), size, otherSize)) continue;
      const other = context.article(b);
      if (!sameOutletOrUnknown(outlet, other.outlet)) continue;
      const jaccard = estimateJaccard(signature, context.signature(b));
      if (estimateContainment(jaccard, Math.min(size, otherSize), Math.max(size, otherSize)) < VERSION_CONTAINMENT) continue;
      links.articles.push(a);
      links.ids.push(other.id);
    }
  }
  return links;
}
