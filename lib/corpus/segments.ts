// A corpus that grows: new articles compile into a new segment that joins the corpus (its ids
// must be new; versions link across segments), queries search every segment as one corpus,
// articles are removed by tombstones (ids listed on their segment), and segments merge without
// tokenizing or running the model again. Whatever the split, the answers are those of one
// compile of the live articles in segment order (segments.test.ts).
import { CorpusBuilder, type CompileOptions } from './compile.ts';
import type { CorpusData } from './data.ts';
import { mergeSegments } from './merge.ts';
import type { CorpusRecord } from './schema.ts';
import { SegmentedCorpus, type Segment } from './segmented-corpus.ts';

export { mergeSegments } from './merge.ts';
export { SegmentedCorpus, type Segment } from './segmented-corpus.ts';
export { ARTICLE_BLOCK_SIZE, ArticlesNotLoadedError, assembleSegment, segmentFromParts, serializeSegmentParts, type LoadArticleBlock, type SegmentParts } from './parts.ts';

export interface SegmentOptions extends CompileOptions {
  /** The segment's id (its name when no name is given). */
  id: string;
}

/** New articles into one segment; `context` is the corpus they join (ids already in it are refused). */
export function compileSegment(records: Iterable<CorpusRecord>, options: SegmentOptions): CorpusData {
  const builder = new CorpusBuilder({ ...options, name: options.name ?? options.id });
  for (const record of records) builder.add(record);
  return builder.build();
}

export interface SlicedCompileOptions extends SegmentOptions {
  /** Longest stretch of compiling between two pauses, in milliseconds (default 30). */
  sliceMs?: number;
  onProgress?: (done: number, total: number) => void;
  /** Waits between slices (default: a zero timeout). */
  pause?: () => Promise<void>;
  signal?: AbortSignal;
}

/**
 * `compileSegment` in slices: articles take a few milliseconds each on a slow machine, so it
 * pauses (and reports progress) by elapsed time, keeping an extension page or worker responsive.
 */
export async function compileSegmentInSlices(records: readonly CorpusRecord[], options: SlicedCompileOptions): Promise<CorpusData> {
  const { sliceMs = 30, onProgress, pause = () => new Promise<void>((done) => setTimeout(done, 0)), signal, ...compile } = options;
  const builder = new CorpusBuilder({ ...compile, name: compile.name ?? compile.id });
  // A context read lazily reads what the ids' check and the versions' comparisons will touch first.
  await compile.context?.prepare?.({ ids: records.map((r) => r.id) });
  let sliceStart = Date.now();
  for (let i = 0; i < records.length; i++) {
    builder.add(records[i]!);
    if (Date.now() - sliceStart >= sliceMs && i + 1 < records.length) {
      onProgress?.(i + 1, records.length);
      await pause();
      signal?.throwIfAborted();
      sliceStart = Date.now();
    }
  }
  onProgress?.(records.length, records.length);
  await compile.context?.prepare?.({ fingerprints: builder.fingerprints() });
  return builder.build();
}

/** Searches every segment; gives the same results as one compile of all live records in segment order. */
export function openSegmentedCorpus(segments: readonly Segment[], options: { name?: string } = {}): SegmentedCorpus {
  return new SegmentedCorpus(segments, { name: options.name, merge: (all, name) => mergeSegments(all, { name }) });
}
