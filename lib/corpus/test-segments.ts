// Test helpers: records split into segments the way a growing corpus makes them, BASIL from
// ../shared, and a record as the page a user reads (Node only).
import { existsSync, readFileSync } from 'node:fs';
import type { ArticleInput } from '../result.ts';
import { CompiledCorpus } from './corpus.ts';
import { parseCorpusFile, type CorpusRecord } from './schema.ts';
import type { IndexPieceKind } from './index-pieces.ts';
import { segmentFromParts, serializeSegmentParts, type SegmentParts } from './parts.ts';
import { compileSegment, openSegmentedCorpus, type Segment } from './segments.ts';
import { seedRecords } from './test-seeds.ts';

/**
 * Segments of `records` cut at `cuts` (record positions), each compiled with the segments before
 * it as its context; `removedBefore` ids are removed before the segment at that position is
 * compiled (its context no longer holds them), `removedAfter` once all are compiled.
 */
export function buildSegments(records: CorpusRecord[], cuts: number[], removedBefore: Map<number, string[]>, removedAfter: string[]): Segment[] {
  const bounds = [0, ...cuts, records.length];
  const segments: { id: string; data: Segment['data']; removed: Set<string> }[] = [];
  const remove = (id: string) => {
    const holder = segments.find((s) => new CompiledCorpus(s.data).indexOf(id) !== -1);
    if (!holder) throw new Error(`no segment holds ${id}`);
    holder.removed.add(id);
  };
  for (let k = 0; k + 1 < bounds.length; k++) {
    for (const id of removedBefore.get(k) ?? []) remove(id);
    const context = k === 0 ? null : openSegmentedCorpus(segments, { name: 'context' });
    const data = compileSegment(records.slice(bounds[k], bounds[k + 1]), { id: `segment-${k}`, context });
    segments.push({ id: `segment-${k}`, data, removed: new Set() });
  }
  for (const id of removedAfter) remove(id);
  return segments;
}

export const asPage = (r: CorpusRecord): ArticleInput => ({
  text: r.text,
  ...(r.title ? { title: r.title } : {}),
  ...(r.outlet ? { outlet: r.outlet } : {}),
  ...(r.url ? { url: r.url } : {}),
  ...(r.published ? { published: r.published } : {}),
});


export const basilPath = new URL('../../../shared/datasets/basil/stories.jsonl', import.meta.url);

/** BASIL's records (four share the id "empty": they get their line number). */
export function basilRecords(): CorpusRecord[] {
  if (!existsSync(basilPath)) return [];
  const seen = new Set<string>();
  const lines = readFileSync(basilPath, 'utf8')
    .split('\n')
    .map((line, i) => {
      if (!line.trim()) return line;
      const record = JSON.parse(line) as { id: string };
      if (seen.has(record.id)) record.id = `${record.id}@line${i + 1}`;
      seen.add(record.id);
      return JSON.stringify(record);
    })
    .join('\n');
  return parseCorpusFile(lines, 'basil').records;
}

/**
 * The seeds in two segments: one compile of them, their stored parts, and the segments opened
 * from their parts as `layout` rewrites them; `onRead` sees each read of index pieces first.
 */
export function seedsInTwoSegments() {
  const seeds = seedRecords();
  const segments = buildSegments(seeds, [3], new Map(), []);
  const reference = openSegmentedCorpus(segments, { name: 'seeds' });
  const stored = segments.map((s) => serializeSegmentParts(s.data));
  const open = (layout: (parts: SegmentParts) => SegmentParts, onRead: (kind: IndexPieceKind, pieces: readonly number[]) => void = () => undefined) =>
    openSegmentedCorpus(
      segments.map((s, k) => {
        const parts = layout(stored[k]!);
        return segmentFromParts(s.id, parts.index, (block) => Promise.resolve(parts.blocks[block]!), undefined, (kind, asked) => {
          onRead(kind, asked);
          return Promise.resolve(asked.map((i) => parts[kind]![i]!));
        });
      }),
      { name: 'seeds' },
    );
  return { seeds, reference, stored, open };
}
