// The engine's segment API as storage uses it, in one place: compiling new articles into a
// segment, opening several segments as one corpus, merging segments, and a segment's parts.
// lib/corpus/segments.ts is being built alongside this module; until it lands, the functions
// below give the same answers by compiling every live record together (correct, but a full
// compile), and this file is the only one that changes when it does.
import { CompiledCorpus, compileCorpus, deserializeCorpus, FORMAT_VERSION, serializeCorpus, type Corpus, type CorpusData, type CorpusRecord } from '@/lib/corpus';
import { readString } from '@/lib/corpus/data';
import { corpusRecords, type CompileProgressOptions } from '@/lib/import/combine';
import { MODEL_NAME } from '@/lib/meaning';
import type { SegmentPart } from './store';

/** A stored segment with the articles removed from it since it was compiled. */
export interface Segment {
  id: string;
  data: CorpusData;
  removed?: ReadonlySet<string>;
}

/** What a segment must have been compiled with to be opened by this version of the extension. */
export const SEGMENT_FORMAT = `${FORMAT_VERSION}:${MODEL_NAME}`;

const defaultPause = () => new Promise<void>((done) => setTimeout(done, 0));

/** New articles into one segment; `context` is the corpus they join. Pauses between slices like compileCombined. */
export async function compileSegment(
  records: readonly CorpusRecord[],
  options: { id: string; name?: string; sources?: string[]; context?: Corpus | null } & CompileProgressOptions,
): Promise<CorpusData> {
  const { onProgress, pause = defaultPause, signal } = options;
  onProgress?.(0, records.length);
  await pause();
  signal?.throwIfAborted();
  const data = compileCorpus(records, { name: options.name ?? options.id, sources: options.sources ?? [] });
  onProgress?.(records.length, records.length);
  return data;
}

function liveRecords(segments: readonly Segment[]): CorpusRecord[] {
  return segments.flatMap((s) => corpusRecords(new CompiledCorpus(s.data)).filter((r) => !s.removed?.has(r.id)));
}

/** Every segment searched as one corpus. */
export function openSegmentedCorpus(segments: readonly Segment[], options: { name?: string } = {}): Corpus {
  const only = segments.length === 1 ? segments[0]! : null;
  if (only && !only.removed?.size) return new CompiledCorpus(only.data);
  return new CompiledCorpus(compileCorpus(liveRecords(segments), { name: options.name ?? segments.map((s) => s.data.meta.name).join(' + ') }));
}

/** Several segments, tombstoned articles dropped, into one. */
export function mergeSegments(segments: readonly Segment[], options: { id: string; name?: string }): CorpusData {
  return compileCorpus(liveRecords(segments), { name: options.name ?? options.id });
}

/** A segment as the parts it is stored in. */
export function segmentParts(data: CorpusData): SegmentPart[] {
  return [{ name: 'corpus', bytes: serializeCorpus(data) }];
}

export const SEGMENT_PART_NAMES: readonly string[] = ['corpus'];

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
