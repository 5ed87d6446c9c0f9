// The stored corpus opened for searching: the bundled corpus first, then every live segment in
// manifest order, with its tombstones. Opening reads each segment's index part only (and the
// index rows of its removed articles, and its refresh part if reconcile has not read it already:
// the index part leaves the lookups to it); index rows, postings pages and article blocks are read
// from IndexedDB when an analysis first needs them (analyzeAsync).
// Segments opened once are kept in a cache keyed by segment id (a segment's stored data never
// changes once written), with the blocks read so far, so reopening after a refresh reads only the
// new segment's index.
import type { Corpus, CorpusData } from '@/lib/corpus';
import type { CorporaDatabase } from './db';
import { removedFrom, type Manifest, type SegmentEntry } from './manifest';
import { assembleStoredSegment, INDEX_PART, openSegmentedCorpus, openStoredSegment, refreshPartOf, wholeSegmentParts, type Segment } from './segment-api';
import { indexPartKeepsLookupsApart } from '@/lib/corpus/parts';
import { isKnownPart, lshPagesOf, refreshLookups, type LookupCache } from './refresh-lookups';
import { openLiveSegments, storedCorpusName } from './live-segments';
import { readManifest, readParts } from './store';
import { partReads } from './part-reads';

/** Opened segments by id (without tombstones, which each opening adds). */
export type SegmentCache = Map<string, Segment>;

export interface OpenedCorpus {
  corpus: Corpus;
  manifest: Manifest;
  /** The live segments read, bundled corpus first (id "bundled"). */
  segments: Segment[];
  /** Live segments that could not be read: another corpus format, or damaged parts. */
  unreadable: SegmentEntry[];
}

export const BUNDLED_SEGMENT_ID = 'bundled';

/**
 * A stored segment opened from its index part, its blocks read on demand (and kept once read).
 * An index part that leaves its lookups to the segment's refresh part is opened with that part,
 * as reconcile read it already (`lookups`; read here otherwise).
 */
export async function loadSegment(db: CorporaDatabase, entry: SegmentEntry, cache: SegmentCache, lookups: LookupCache = new Map()): Promise<Segment> {
  const cached = cache.get(entry.id);
  if (cached) return cached;
  const blocks = new Map<string, Promise<Uint8Array>>();
  // Blocks and pieces an analysis step asks for, over every segment, are read in one transaction (./part-reads.ts).
  const read = partReads(db);
  const loadBlock = (name: string) => {
    let reading = blocks.get(name);
    if (!reading) {
      reading = read(entry.id, [name]).then(([bytes]) => bytes!);
      // A failed read is not kept: the next analysis tries again.
      reading.catch(() => blocks.delete(name));
      blocks.set(name, reading);
    }
    return reading;
  };
  // Index pieces are copied into the segment's arrays once read (lib/corpus/index-pieces.ts): only blocks are kept here.
  const loadPieces = (names: string[]) => read(entry.id, names);
  const index = (await readParts(db, entry.id, [INDEX_PART])).get(INDEX_PART)!;
  const apart = indexPartKeepsLookupsApart(index) ? await refreshLookups(db, entry, lookups) : undefined;
  // A known part written since LSH pages leaves the buckets to them, read when a search looks in one.
  const lshPages = apart && isKnownPart(apart) ? lshPagesOf(db, entry.id, apart) : undefined;
  const segment = { ...openStoredSegment(entry.id, index, loadBlock, loadPieces, apart ?? undefined), ...(lshPages ? { lshPages } : {}) };
  cache.set(entry.id, segment);
  return segment;
}

/** A stored segment whole, every block and index piece read, and its refresh part (its index part may leave the lookups to it; for merging). */
export async function loadWholeSegment(db: CorporaDatabase, entry: SegmentEntry): Promise<CorpusData> {
  const refresh = refreshPartOf(entry.parts);
  return assembleStoredSegment(await readParts(db, entry.id, [INDEX_PART, ...(refresh ? [refresh] : []), ...wholeSegmentParts(entry.parts)]));
}

/** Feed bookkeeping is stored with a feeds segment, not part of the corpus (./feed-segments.ts). */
export const FEED_ARTICLES_PART = 'feed-articles';

/** `lookups`: the refresh parts read so far (reconcile reads every segment's first), which index parts may leave their lookups to. */
export async function openStoredCorpus(db: CorporaDatabase, bundled: Corpus, cache: SegmentCache = new Map(), lookups: LookupCache = new Map()): Promise<OpenedCorpus> {
  const manifest = await readManifest(db);
  const { opened, unreadable } = await openLiveSegments(
    manifest,
    async (entry): Promise<Segment> => {
      const segment = await loadSegment(db, entry, cache, lookups);
      const removed = removedFrom(manifest, entry.id);
      // Opening counts removed articles out of the document frequencies: it reads their index rows.
      if (removed?.size) await segment.indexPieces?.loadRowsOfIds(removed);
      return { ...segment, removed };
    },
    cache,
  );
  const segments: Segment[] = [{ id: BUNDLED_SEGMENT_ID, data: bundled.data }, ...opened];
  if (opened.length === 0) return { corpus: bundled, manifest, segments, unreadable };
  const corpus = openSegmentedCorpus(segments, { name: storedCorpusName(bundled.name, manifest, opened.map((s) => ({ id: s.id, name: s.data.meta.name }))) });
  return { corpus, manifest, segments, unreadable };
}
