// The stored corpus opened for searching: the bundled corpus first, then every live segment in
// manifest order, with its tombstones. Segments already loaded are kept in a cache keyed by
// segment id (a segment's stored data never changes once written), so reopening after a refresh
// reads only the new segment.
import type { Corpus, CorpusData } from '@/lib/corpus';
import { combinedName } from '@/lib/import/combine';
import { FEEDS_CORPUS_NAME } from '@/lib/feeds/sources';
import type { CorporaDatabase } from './db';
import { removedFrom, type Manifest, type SegmentEntry } from './manifest';
import { openSegmentedCorpus, SEGMENT_FORMAT, segmentFromParts, type Segment } from './segment-api';
import { readManifest, readParts } from './store';

export type SegmentCache = Map<string, CorpusData>;

export interface OpenedCorpus {
  corpus: Corpus;
  manifest: Manifest;
  /** The live segments read, bundled corpus first (id "bundled"). */
  segments: Segment[];
  /** Live segments that could not be read: another corpus format, or damaged parts. */
  unreadable: SegmentEntry[];
}

export const BUNDLED_SEGMENT_ID = 'bundled';

export async function loadSegment(db: CorporaDatabase, entry: SegmentEntry, cache: SegmentCache): Promise<CorpusData> {
  const cached = cache.get(entry.id);
  if (cached) return cached;
  const data = segmentFromParts(await readParts(db, entry.id, entry.parts.filter((p) => p !== FEED_ARTICLES_PART)));
  cache.set(entry.id, data);
  return data;
}

/** Feed bookkeeping is stored with a feeds segment, not part of the corpus (./feed-segments.ts). */
export const FEED_ARTICLES_PART = 'feed-articles';

export async function openStoredCorpus(db: CorporaDatabase, bundled: Corpus, cache: SegmentCache = new Map()): Promise<OpenedCorpus> {
  const manifest = await readManifest(db);
  const segments: Segment[] = [{ id: BUNDLED_SEGMENT_ID, data: bundled.data }];
  const unreadable: SegmentEntry[] = [];
  for (const entry of manifest.segments) {
    if (entry.format !== SEGMENT_FORMAT) {
      unreadable.push(entry);
      continue;
    }
    try {
      segments.push({ id: entry.id, data: await loadSegment(db, entry, cache), removed: removedFrom(manifest, entry.id) });
    } catch {
      unreadable.push(entry);
    }
  }
  const live = new Set(manifest.segments.map((s) => s.id));
  for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
  if (segments.length === 1) return { corpus: bundled, manifest, segments, unreadable };
  const names = [...new Set(segments.slice(1).map((s) => (manifest.segments.find((e) => e.id === s.id)?.kind === 'feeds' ? FEEDS_CORPUS_NAME : s.data.meta.name)))];
  const corpus = openSegmentedCorpus(segments, { name: combinedName(bundled.name, names.map((name) => ({ name }))) });
  return { corpus, manifest, segments, unreadable };
}
