// What a feed refresh checks new items against, and the corpus a new segment joins: the stored
// articles opened from each segment's lookups (ids, URLs, outlets, fingerprints, LSH buckets;
// lib/corpus/segment-lookups.ts), not from the index parts that queries read, which are about
// five times larger and which a background started for a refresh would read only to throw away.
// A feeds segment's lookups are its known part, read whole, its known pages, read for the
// articles a check lands on (lib/corpus/known-parts.ts), and its LSH pages, read for the buckets
// a check looks in (lib/corpus/lsh-pages.ts, shared with the corpus queries search): the refresh says what it will check
// (`prepare`) before checking. Ids are found by the lookups' hash index, URLs of feeds segments
// (stored canonical) by their URL index, other URLs by a map per segment (made once: a segment
// never changes once written), near-duplicates through the LSH buckets and stored fingerprints.
// Nothing is indexed again per refresh.
import { KnownArticles, type Corpus, type SegmentLookups } from '@/lib/corpus';
import type { KnownSegmentInput } from '@/lib/corpus/known-articles';
import { readString } from '@/lib/corpus/data';
import { findInCorpus } from '@/lib/feeds/near-duplicates';
import type { KnownLookup } from '@/lib/feeds/refresh';
import { canonicalUrl } from '@/lib/feeds/url';
import type { CorporaDatabase } from './db';
import { removedFrom, type Manifest, type SegmentEntry } from './manifest';
import { BUNDLED_SEGMENT_ID, loadWholeSegment, type SegmentCache } from './open';
import type { KnownPart } from '@/lib/corpus/known-parts';
import { INDEX_PART, indexPartForLookups, knownPageReader, lookupsOfSegment, openStoredSketches, SKETCHES_PART } from './segment-api';
import { openLiveSegments, storedCorpusName } from './live-segments';
import { readManifest, readParts } from './store';
import { isKnownPart, lshPagesOf, refreshLookups, type LookupCache } from './refresh-lookups';

export type { LookupCache };

export interface OpenedKnown {
  /** The bundled corpus and every live segment's articles, as a refresh checks against them and a new segment joins them. */
  articles: KnownArticles;
  manifest: Manifest;
  /** Live segments that could not be read: another corpus format, or damaged parts. */
  unreadable: SegmentEntry[];
}

/**
 * A segment's lookups made from its index part, for a segment stored without lookup or known parts
 * (by versions before them). An index part whose signatures are in its index rows (written since)
 * lacks them: the whole segment is read then.
 */
export async function lookupsFromIndexPart(db: CorporaDatabase, entry: SegmentEntry): Promise<SegmentLookups> {
  const index = indexPartForLookups(entry.id, (await readParts(db, entry.id, [INDEX_PART])).get(INDEX_PART)!);
  return lookupsOfSegment(index.meta.parts?.pieces?.rowSignatures ? await loadWholeSegment(db, entry) : index);
}

/**
 * A segment's lookups: from the segment opened whole already, or the cache, or its known part
 * (its pages read on demand), or its lookup part; a segment stored before either existed gives
 * them from its index part (reconcile then stores its lookup part, ./reconcile.ts).
 */
export async function loadLookups(db: CorporaDatabase, entry: SegmentEntry, caches: { lookups: LookupCache; segments?: SegmentCache }): Promise<KnownSegmentInput> {
  const opened = caches.segments?.get(entry.id);
  // An opened segment's index part holds its lookups, unless its signatures are in its index rows (read on demand).
  if (opened && !opened.indexPieces?.rowSignatures) return { id: entry.id, lookups: lookupsOfSegment(opened.data) };
  let lookups = await refreshLookups(db, entry, caches.lookups);
  if (!lookups) {
    lookups = await lookupsFromIndexPart(db, entry);
    caches.lookups.set(entry.id, lookups);
  }
  if (isKnownPart(lookups)) {
    const readPages = knownPageReader(async (names) => {
      const parts = await readParts(db, entry.id, names);
      return names.map((name) => parts.get(name)!);
    });
    const known = lookups;
    const readSketches = entry.parts.includes(SKETCHES_PART) ? () => sketchesOf(db, entry.id, known) : undefined;
    const lshPages = lshPagesOf(db, entry.id, known);
    return { id: entry.id, known, readPages, ...(readSketches ? { readSketches } : {}), ...(lshPages ? { lshPages } : {}) };
  }
  return { id: entry.id, lookups };
}

/** The stored articles as a refresh checks against them: the bundled corpus first, then every live segment in manifest order. */
export async function openKnown(db: CorporaDatabase, bundled: Corpus, caches: { lookups: LookupCache; segments?: SegmentCache } = { lookups: new Map() }): Promise<OpenedKnown> {
  const manifest = await readManifest(db);
  const { opened, unreadable } = await openLiveSegments(manifest, async (entry): Promise<KnownSegmentInput> => ({ ...(await loadLookups(db, entry, caches)), removed: removedFrom(manifest, entry.id) }), caches.lookups);
  const segments: KnownSegmentInput[] = [{ id: BUNDLED_SEGMENT_ID, lookups: lookupsOfSegment(bundled.data) }, ...opened];
  // Named as the corpus opened for queries is (./open.ts).
  const name = opened.length === 0 ? bundled.name : storedCorpusName(bundled.name, manifest, opened.map((s) => ({ id: s.id, name: ('lookups' in s ? s.lookups : s.known).name })));
  return { articles: await KnownArticles.open(segments, { name }), manifest, unreadable };
}

/** Sketches read, by the known part they go with (cached with it: a segment never changes once written); a failed read is not kept. */
const sketchReads = new WeakMap<KnownPart, Promise<Uint8Array>>();

function sketchesOf(db: CorporaDatabase, segment: string, known: KnownPart): Promise<Uint8Array> {
  let reading = sketchReads.get(known);
  if (!reading) {
    reading = readParts(db, segment, [SKETCHES_PART]).then((parts) => openStoredSketches(parts.get(SKETCHES_PART)!, known));
    reading.catch(() => sketchReads.delete(known));
    sketchReads.set(known, reading);
  }
  return reading;
}

const urlMaps = new WeakMap<SegmentLookups, Map<string, string>>();

/** Canonical URL → article id for a segment whose URLs are stored as given (imports, the bundled corpus). */
function canonicalUrlsOf(lookups: SegmentLookups): Map<string, string> {
  let map = urlMaps.get(lookups);
  if (map) return map;
  map = new Map();
  for (let i = 0; i < lookups.articleCount; i++) {
    const url = readString(lookups.urls, i);
    if (!url) continue;
    try {
      map.set(canonicalUrl(url), readString(lookups.ids, i));
    } catch {
      // an imported record whose URL is not one cannot match a feed item
    }
  }
  urlMaps.set(lookups, map);
  return map;
}

export function knownLookup(opened: OpenedKnown): KnownLookup {
  const kinds = new Map(opened.manifest.segments.map((s) => [s.id, s.kind]));
  const articles = opened.articles;
  return {
    prepare: (query) => articles.prepare(query),
    hasId: (id) => articles.indexOf(id) >= 0,
    idAtUrl(canonical) {
      for (const segment of articles.segments) {
        const { lookups } = segment;
        if (kinds.get(segment.id) === 'feeds' || !lookups) {
          // Feeds segments store canonical URLs: found by the URL index.
          for (const a of segment.localIndicesOfUrl(canonical)) {
            if (!segment.isRemoved(a)) return segment.articleId(a);
          }
          continue;
        }
        const id = canonicalUrlsOf(lookups).get(canonical);
        if (id !== undefined && !segment.isRemoved(segment.localIndexOf(id))) return id;
      }
      return undefined;
    },
    nearDuplicate: (outlet, fingerprint) => findInCorpus(articles, outlet, fingerprint),
  };
}
