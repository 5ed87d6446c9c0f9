// The engine's segment API (lib/corpus/segments.ts) as storage uses it, in one place: compiling
// new articles into a segment, opening several segments as one corpus, merging segments, and a
// segment's parts. Storage code imports these from here, so how a segment is laid out in parts
// (one part now; an index part and article blocks read on demand later) changes in this file only.
import { compileSegmentInSlices, deserializeCorpus, FORMAT_VERSION, mergeSegments as mergeEngineSegments, openSegmentedCorpus as openEngineCorpus, serializeCorpus, type Corpus, type CorpusData, type CorpusRecord, type Segment } from '@/lib/corpus';
import { readString } from '@/lib/corpus/data';
import type { CompileProgressOptions } from '@/lib/import/combine';
import { MODEL_NAME } from '@/lib/meaning';
import type { SegmentPart } from './store';

export type { Segment };

/** What a segment must have been compiled with to be opened by this version of the extension. */
export const SEGMENT_FORMAT = `${FORMAT_VERSION}:${MODEL_NAME}`;

/** New articles into one segment joining `context` (its ids are refused, versions link to it), pausing between slices. */
export function compileSegment(
  records: readonly CorpusRecord[],
  options: { id: string; name?: string; sources?: string[]; context?: Corpus | null } & CompileProgressOptions,
): Promise<CorpusData> {
  return compileSegmentInSlices(records, options);
}

/** Every segment searched as one corpus: the same answers as one compile of the live articles in segment order. */
export function openSegmentedCorpus(segments: readonly Segment[], options: { name?: string } = {}): Corpus {
  return openEngineCorpus(segments, options);
}

/** Several segments, tombstoned articles dropped, into one, without tokenising or running the model again. */
export function mergeSegments(segments: readonly Segment[], options: { id: string; name?: string }): CorpusData {
  return mergeEngineSegments(segments, options);
}

/** A segment as the parts it is stored in. */
export function segmentParts(data: CorpusData): SegmentPart[] {
  return [{ name: 'corpus', bytes: serializeCorpus(data) }];
}


export function segmentFromParts(parts: ReadonlyMap<string, Uint8Array>): CorpusData {
  const bytes = parts.get('corpus');
  if (!bytes) throw new Error('the segment has no corpus part');
  return deserializeCorpus(bytes);
}

/** Ids of a segment's articles, in order. */
export function segmentArticleIds(data: CorpusData): string[] {
  return Array.from({ length: data.meta.articleCount }, (_, i) => readString(data.ids, i));
}

/** URLs of a segment's articles, in order ("" where an article has none). */
export function segmentArticleUrls(data: CorpusData): string[] {
  return Array.from({ length: data.meta.articleCount }, (_, i) => readString(data.urls, i));
}
