// Writing a compiled segment: its parts first, then the manifest entry that a switch adds.
import type { CorpusData } from '@/lib/corpus';
import type { CorporaDatabase } from './db';
import type { FeedSummary, SegmentEntry, SegmentKind } from './manifest';
import { listParts, SEGMENT_FORMAT, segmentParts } from './segment-api';
import { writeUnlistedParts, type SegmentPart } from './store';

export function newSegmentId(now = Date.now()): string {
  return `seg-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Writes the segment's parts (and `extra` ones, such as feed bookkeeping) and returns the entry
 * for the manifest. Nothing reads the parts until a switch puts the entry in the manifest.
 */
export async function writeSegment(
  db: CorporaDatabase,
  segment: { id: string; kind: SegmentKind; source: string; data: CorpusData; extra?: SegmentPart[]; feeds?: FeedSummary },
  now = new Date(),
): Promise<SegmentEntry> {
  const parts = [...segmentParts(segment.data, { lazyLookups: segment.kind === 'feeds' }), ...(segment.extra ?? [])];
  await writeUnlistedParts(db, segment.id, parts, now.getTime());
  const { meta } = segment.data;
  return {
    id: segment.id,
    kind: segment.kind,
    source: segment.source,
    created: now.toISOString(),
    articles: meta.articleCount,
    outlets: [...meta.outlets],
    firstPublished: meta.summary.firstPublished,
    lastPublished: meta.summary.lastPublished,
    bytes: parts.reduce((sum, p) => sum + p.bytes.byteLength, 0),
    parts: listParts(parts.map((p) => p.name)),
    format: SEGMENT_FORMAT,
    ...(segment.feeds ? { feeds: segment.feeds } : {}),
  };
}
