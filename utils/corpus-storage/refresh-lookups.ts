// A stored segment's refresh lookups (its known part, or its lookup part), read once per worker
// and kept by segment id: a feed refresh checks new items against them (./known.ts), reconcile
// opens them first thing, and opening the corpus for queries takes from them what an index part
// written with `lookupsApart` leaves out (LSH buckets, id and URL lookups, outlets, shingle counts;
// lib/corpus/apart-lookups.ts), so a cold start reads those bytes once.
import type { SegmentLookups } from '@/lib/corpus';
import type { KnownPart } from '@/lib/corpus/known-parts';
import type { CorporaDatabase } from './db';
import type { SegmentEntry } from './manifest';
import { KNOWN_PART, LOOKUP_PART, lshPageReader, openStoredKnown, openStoredLookups } from './segment-api';
import { readParts } from './store';
import { LshPages } from '@/lib/corpus/lsh-pages';

/** Segments' lookups (or known parts) read so far, by segment id (a segment's stored data never changes). */
export type LookupCache = Map<string, SegmentLookups | KnownPart>;

/** LSH pages read, by the known part they go with: one per segment for both openings (queries and refreshes), so a page is read once. */
const lshReads = new WeakMap<KnownPart, LshPages>();

/** The segment's LSH buckets in pages, for a known part that holds where they are (written since LSH pages); undefined for one holding them whole. */
export function lshPagesOf(db: CorporaDatabase, segment: string, known: KnownPart): LshPages | undefined {
  if (!known.lshPages) return undefined;
  let pages = lshReads.get(known);
  if (!pages) {
    const read = lshPageReader(async (names) => {
      const parts = await readParts(db, segment, names);
      return names.map((name) => parts.get(name)!);
    });
    pages = new LshPages(segment, known.lshPages, read);
    lshReads.set(known, pages);
  }
  return pages;
}

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
