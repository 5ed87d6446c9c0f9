// What a feed refresh checks new items against, answered from the stored corpus as it is: ids
// by the corpus's own lookup (by hash, in the segments' index parts), URLs of feeds segments
// (stored canonical) by the URL lookup their index parts store, other URLs by a map per segment
// (a segment never changes once written, so its map is built once per worker), and
// near-duplicates through the corpus's LSH buckets and stored fingerprints. Nothing is indexed
// again per refresh, so a refresh costs in proportion to its new articles.
import type { CorpusData } from '@/lib/corpus';
import { readString } from '@/lib/corpus/data';
import { findUrl } from '@/lib/corpus/part-lookups';
import { findInCorpus } from '@/lib/feeds/near-duplicates';
import type { KnownLookup } from '@/lib/feeds/refresh';
import { canonicalUrl } from '@/lib/feeds/url';
import type { OpenedCorpus } from './open';
import { segmentArticleIds, segmentArticleUrls } from './segment-api';

const urlMaps = new WeakMap<CorpusData, Map<string, string>>();

/** Canonical URL → article id for one segment. Feed segments store canonical URLs already. */
function urlsOf(data: CorpusData, storedCanonical: boolean): Map<string, string> {
  let map = urlMaps.get(data);
  if (map) return map;
  map = new Map();
  const ids = segmentArticleIds(data);
  segmentArticleUrls(data).forEach((url, i) => {
    if (!url) return;
    try {
      map!.set(storedCanonical ? url : canonicalUrl(url), ids[i]!);
    } catch {
      // an imported record whose URL is not one cannot match a feed item
    }
  });
  urlMaps.set(data, map);
  return map;
}

export function knownLookup(opened: OpenedCorpus): KnownLookup {
  const kinds = new Map(opened.manifest.segments.map((s) => [s.id, s.kind]));
  return {
    hasId: (id) => opened.corpus.indexOf(id) >= 0,
    idAtUrl(canonical) {
      for (const segment of opened.segments) {
        const feeds = kinds.get(segment.id) === 'feeds';
        const stored = feeds ? findUrl(segment.data, canonical) : null;
        if (stored) {
          for (const a of stored) {
            const id = readString(segment.data.ids, a);
            if (!segment.removed?.has(id)) return id;
          }
          continue;
        }
        const id = urlsOf(segment.data, feeds).get(canonical);
        if (id !== undefined && !segment.removed?.has(id)) return id;
      }
      return undefined;
    },
    nearDuplicate: (outlet, fingerprint) => findInCorpus(opened.corpus, outlet, fingerprint),
  };
}
