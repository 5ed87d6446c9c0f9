// A stored segment's refresh lookups (its known part, or its lookup part), read once per worker
// and kept by segment id: a feed refresh checks new items against them (./known.ts), reconcile
// opens them first thing, and opening the corpus for queries takes from them what an index part
// written with `lookupsApart` leaves out (LSH buckets, id and URL lookups, outlets, shingle counts;
// lib/corpus/apart-lookups.ts), so a cold start reads those bytes once.
import type { SegmentLookups } from '@/lib/corpus';
import type { KnownPart } from '@/lib/corpus/known-parts';
import type { CorporaDatabase } from './db';
import type { SegmentEntry } from './manifest';
import { KNOWN_PART, LOOKUP_PART, LSH_PAGE_PREFIX, lshPageReader, openStoredKnown, openStoredLookups } from './segment-api';
import { readNamedParts, readParts } from './store';
import { partReads } from './part-reads';
import { LshPages } from '@/lib/corpus/lsh-pages';

/** Segments' lookups (or known parts) read so far, by segment id (a segment's stored data never changes). */
export type LookupCache = Map<string, SegmentLookups | KnownPart>;

/**
 * Past this share of a segment's LSH pages, a read takes every page in one request (getAll over
 * their key range). Set when a refresh asked for the buckets of all its new articles' keys, most
 * pages of a segment, and a request per page cost more than the pages (its read phase at 40,000
 * articles went from some 7 to 10 ms per new article with one request each). The known part's
 * keys filter (lib/corpus/lsh-filter.ts) now leaves out most keys: the 62 articles of a refresh
 * (the newest segment of the kept 40,000-article step) ask for 113 of the largest segment's 1,524
 * pages (726 without it) and 53-72 of a 6,000-article segment's 375, so those are read one
 * request each (in the shared transaction of ./part-reads.ts) and only small segments' reads take
 * every page; the share was not measured again with the filter.
 */
const ALL_LSH_PAGES_SHARE = 0.25;

/** LSH pages read, by the known part they go with: one per segment for both openings (queries and refreshes), so a page is read once. */
const lshReads = new WeakMap<KnownPart, LshPages>();

/** The segment's LSH buckets in pages, for a known part that holds where they are (written since LSH pages); undefined for one holding them whole. */
export function lshPagesOf(db: CorporaDatabase, segment: string, known: KnownPart): LshPages | undefined {
  if (!known.lshPages) return undefined;
  let pages = lshReads.get(known);
  if (!pages) {
    const share = ALL_LSH_PAGES_SHARE * known.lshPages.fences.length;
    // A few pages are read with the parts other segments ask for in the same turn (./part-reads.ts):
    // a search asks every segment for its pages at once, one transaction for them all.
    const few = partReads(db);
    const read = lshPageReader(async (names) => {
      if (names.length <= share) return few(segment, names);
      const parts = await readNamedParts(db, segment, LSH_PAGE_PREFIX);
      return names.map((name) => {
        const bytes = parts.get(name);
        if (!bytes) throw new Error(`part ${name} of segment ${segment} is missing`);
        return bytes;
      });
    });
    pages = new LshPages(segment, known.lshPages, read);
    lshReads.set(known, pages);
  }
  return pages;
}

/** Whether a segment's refresh lookups are a known part (a feeds segment's, read in pages), not a whole lookup part. */
export const isKnownPart = (lookups: SegmentLookups | KnownPart): lookups is KnownPart => 'sketches' in lookups;

/** The segment's known part or lookup part, from the cache or read (and kept); null for a segment stored with neither. */
export async function refreshLookups(db: CorporaDatabase, entry: SegmentEntry, cache: LookupCache): Promise<SegmentLookups | KnownPart | null> {
  let lookups = cache.get(entry.id);
  if (lookups) return lookups;
  if (entry.parts.includes(KNOWN_PART)) lookups = openStoredKnown((await readParts(db, entry.id, [KNOWN_PART])).get(KNOWN_PART)!);
  else if (entry.parts.includes(LOOKUP_PART)) lookups = openStoredLookups((await readParts(db, entry.id, [LOOKUP_PART])).get(LOOKUP_PART)!);
  else return null;
  cache.set(entry.id, lookups);
  return lookups;
}
