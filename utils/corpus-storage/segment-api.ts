// The engine's segment API (lib/corpus/segments.ts) as storage uses it, in one place: compiling
// new articles into a segment, opening several segments as one corpus, merging segments, and a
// segment's parts (an index part and article blocks read on demand). Storage code imports these
// from here, so how a segment is laid out in parts changes in this file only.
import { assembleSegment, compileSegmentInSlices, FORMAT_VERSION, lookupsOf, mergeSegments as mergeEngineSegments, openSegmentedCorpus as openEngineCorpus, readLookups, segmentFromParts, serializeLookups, serializeSegmentParts, type Corpus, type CorpusContext, type CorpusData, type CorpusRecord, type Segment, type SegmentLookups } from '@/lib/corpus';
import { readString } from '@/lib/corpus/data';
import type { CompileProgressOptions } from '@/lib/import/combine';
import { MODEL_NAME } from '@/lib/meaning';
import type { IndexPieceKind } from '@/lib/corpus/index-pieces';
import { readKnownPage, readKnownPart, readKnownSketches, serializeKnownParts, type KnownPage, type KnownPart } from '@/lib/corpus/known-parts';
import type { SegmentPart } from './store';
import type { ApartLookups } from '@/lib/corpus/apart-lookups';
import { joinLshPages, type ReadLshPages } from '@/lib/corpus/lsh-pages';
import type { LshBuckets } from '@/lib/fingerprint';

export type { Segment, SegmentLookups };

/**
 * What a segment must have been compiled with, and how stored, to be opened by this version of the
 * extension. The lookup part (LOOKUP_PART) is not in it: segments stored before it had one stay
 * readable (reconcile adds the part).
 */
export const SEGMENT_FORMAT = `${FORMAT_VERSION}:${MODEL_NAME}:index+blocks`;

/** New articles into one segment joining `context` (its ids are refused, versions link to it), pausing between slices. */
export function compileSegment(
  records: readonly CorpusRecord[],
  options: { id: string; name?: string; sources?: string[]; context?: CorpusContext | null } & CompileProgressOptions,
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

export const INDEX_PART = 'index';
/** What a feed refresh reads of a segment (lib/corpus/segment-lookups.ts): ids, URLs, outlets, fingerprints, LSH buckets. */
export const LOOKUP_PART = 'lookups';
/** What every feed refresh reads of a feeds segment (lib/corpus/known-parts.ts); its ids, URLs and signatures are in known pages (`known-k`), read on demand. */
export const KNOWN_PART = 'known';
/** A feeds segment's MinHash sketches (lib/corpus/known-parts.ts), read when a refresh's near-duplicate check has candidates in it. */
export const SKETCHES_PART = 'sketches';
const knownPagePart = (k: number) => `known-${k}`;
/** A feeds segment's LSH pages (lib/corpus/lsh-pages.ts), read for the buckets a search looks in. */
export const LSH_PAGE_PREFIX = 'lsh-';
const lshPagePart = (k: number) => `${LSH_PAGE_PREFIX}${k}`;
const blockPart = (k: number) => `block-${k}`;
/** Index rows, postings pages and passage pages (lib/corpus/index-pieces.ts): `rows-k`, `postings-k`, `passages-k`. */
const piecePart = (kind: IndexPieceKind, k: number) => `${kind}-${k}`;

/**
 * What a feed refresh reads of a segment. A feeds segment, which every refresh checks, has a
 * known part and known pages (read on demand: a refresh reads about 45% of its lookups); an
 * import keeps one lookup part, since matching a feed item's URL with imported articles (whose
 * URLs are stored as given) reads every URL.
 */
function refreshParts(data: CorpusData, lazy: boolean): SegmentPart[] {
  if (!lazy) return [lookupPart(data)];
  const { known, sketches, pages, lsh } = serializeKnownParts(lookupsOf(data));
  return [{ name: KNOWN_PART, bytes: known }, { name: SKETCHES_PART, bytes: sketches }, ...pages.map((bytes, k) => ({ name: knownPagePart(k), bytes })), ...lsh.map((bytes, k) => ({ name: lshPagePart(k), bytes }))];
}

/**
 * A segment as the parts it is stored in: an index part (what story matching reads), the parts
 * a feed refresh reads (`refreshParts`) and article blocks (texts, sentences, meaning of a few
 * consecutive articles), read when an analysis needs them.
 */
export function segmentParts(data: CorpusData, options: { lazyLookups?: boolean } = {}): SegmentPart[] {
  // The refresh parts below hold the lookups: the index part leaves them out (lib/corpus/apart-lookups.ts).
  const { index, blocks, rows = [], postings = [], passages = [] } = serializeSegmentParts(data, { lookupsApart: true });
  return [
    { name: INDEX_PART, bytes: index },
    ...refreshParts(data, options.lazyLookups ?? false),
    ...blocks.map((bytes, k) => ({ name: blockPart(k), bytes })),
    ...rows.map((bytes, k) => ({ name: piecePart('rows', k), bytes })),
    ...postings.map((bytes, k) => ({ name: piecePart('postings', k), bytes })),
    ...passages.map((bytes, k) => ({ name: piecePart('passages', k), bytes })),
  ];
}

/** A segment's lookups from its lookup part. */
export const openStoredLookups = (bytes: Uint8Array): SegmentLookups => readLookups(bytes);

/** A feeds segment's known part. */
export const openStoredKnown = (bytes: Uint8Array): KnownPart => readKnownPart(bytes);

/** A feeds segment's sketches, for its known part. */
export const openStoredSketches = (bytes: Uint8Array, known: KnownPart): Uint8Array => readKnownSketches(bytes, known.articleCount);

/** A reader of a feeds segment's known pages by number, from a reader of its parts by name. */
export const knownPageReader =
  (readParts: (names: string[]) => Promise<Uint8Array[]>) =>
  async (pages: number[]): Promise<KnownPage[]> =>
    (await readParts(pages.map(knownPagePart))).map(readKnownPage);

/** A reader of a feeds segment's LSH pages by number, from a reader of its parts by name. */
export const lshPageReader =
  (readParts: (names: string[]) => Promise<Uint8Array[]>): ReadLshPages =>
  (pages: number[]) =>
    readParts(pages.map(lshPagePart));

/** A segment's lookups from its data (whole, or its index part): for segments stored before lookup parts, and segments opened already. */
export const lookupsOfSegment = (data: CorpusData): SegmentLookups => lookupsOf(data);

/** A segment's lookup part, made from its data. */
export const lookupPart = (data: CorpusData): SegmentPart => lookupPartOf(lookupsOf(data));

/** A segment's lookup part, made from its lookups. */
export const lookupPartOf = (lookups: SegmentLookups): SegmentPart => ({ name: LOOKUP_PART, bytes: serializeLookups(lookups) });

/** Names of a stored segment's parts of one kind (`block-`, `rows-`, `postings-`, `passages-`), in order. */
const numberedParts = (parts: readonly string[], prefix: string): string[] =>
  partNames(parts)
    .filter((p) => p.startsWith(prefix))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));

const RUN = /^(.+-)(\d+)\.\.(\d+)$/;
const NUMBERED = /^(.+-)(\d+)$/;

/**
 * A segment's part names as its manifest entry lists them: a run of numbered parts (`block-0`
 * … `block-5218`) as one name, `block-0..5218`. The manifest is read several times by every
 * refresh, and listing each part of a large segment made it grow with the corpus (300 kB at
 * 100,000 articles).
 */
export function listParts(names: readonly string[]): string[] {
  const listed: string[] = [];
  let run: { prefix: string; from: number; to: number } | null = null;
  const close = () => {
    if (run) listed.push(run.from === run.to ? `${run.prefix}${run.from}` : `${run.prefix}${run.from}..${run.to}`);
    run = null;
  };
  for (const name of names) {
    const numbered = NUMBERED.exec(name);
    if (!numbered) {
      close();
      listed.push(name);
      continue;
    }
    const [, prefix, k] = numbered as unknown as [string, string, string];
    if (run && run.prefix === prefix && run.to + 1 === Number(k)) run.to++;
    else {
      close();
      run = { prefix, from: Number(k), to: Number(k) };
    }
  }
  close();
  return listed;
}

/** The part names a manifest entry lists, runs written out (entries of earlier versions list every name). */
export function partNames(listed: readonly string[]): string[] {
  return listed.flatMap((name) => {
    const run = RUN.exec(name);
    if (!run) return [name];
    const from = Number(run[2]);
    return Array.from({ length: Number(run[3]) - from + 1 }, (_, i) => `${run[1]}${from + i}`);
  });
}

/** Names of a stored segment's article blocks and index pieces: with its index part, the whole segment (assembleStoredSegment). */
export const wholeSegmentParts = (parts: readonly string[]): string[] => ['block-', 'rows-', 'postings-', 'passages-', LSH_PAGE_PREFIX].flatMap((prefix) => numberedParts(parts, prefix));

/** Whether a stored segment has the parts a refresh reads (a lookup part, or a known part), not only its index part. */
export const hasRefreshParts = (parts: readonly string[]): boolean => parts.includes(LOOKUP_PART) || parts.includes(KNOWN_PART);

/**
 * A segment opened from its index part; `loadBlock(name)` reads an article block, `loadPieces(names)`
 * index pieces (in one batch), when an analysis first needs them. An index part that leaves its
 * lookups to the refresh parts (`indexPartKeepsLookupsApart`) is opened with them (`lookups`).
 */
export function openStoredSegment(id: string, index: Uint8Array, loadBlock: (name: string) => Promise<Uint8Array>, loadPieces: (names: string[]) => Promise<Uint8Array[]>, lookups?: ApartLookups): Segment {
  return segmentFromParts(id, index, (k) => loadBlock(blockPart(k)), undefined, (kind, pieces) => loadPieces(pieces.map((k) => piecePart(kind, k))), lookups);
}

/** The refresh part of a stored segment (known part, or lookup part) among its part names; null for a segment stored with neither. */
export const refreshPartOf = (parts: readonly string[]): string | null => (parts.includes(KNOWN_PART) ? KNOWN_PART : parts.includes(LOOKUP_PART) ? LOOKUP_PART : null);

/** Lookups are all in the index part: opened for them, it reads no article block or index piece. */
const noReads = (): Promise<never> => Promise.reject(new Error('no article blocks or index pieces are read for lookups'));

/** A segment's index part opened for the lookups it holds (a segment stored before lookup parts): its data, no block or piece read. */
export const indexPartForLookups = (id: string, index: Uint8Array): CorpusData => openStoredSegment(id, index, noReads, noReads).data;

/** The whole segment from its index part, every block and index piece, and its refresh part if its index part left the lookups to it (merging re-lays out whole data). */
export function assembleStoredSegment(parts: ReadonlyMap<string, Uint8Array>): CorpusData {
  const index = parts.get(INDEX_PART);
  if (!index) throw new Error('the segment has no index part');
  const names = [...parts.keys()];
  const read = (prefix: string) => numberedParts(names, prefix).map((name) => parts.get(name)!);
  const known = parts.get(KNOWN_PART);
  const lookupPart = parts.get(LOOKUP_PART);
  const knownPart = known ? openStoredKnown(known) : undefined;
  // LSH pages joined into the buckets (the whole segment is laid out anew from them).
  const lookups = knownPart?.lshPages ? { ...knownPart, ...lshArrays(joinLshPages(knownPart.lshPages, read(LSH_PAGE_PREFIX), knownPart.name)) } : (knownPart ?? (lookupPart ? openStoredLookups(lookupPart) : undefined));
  return assembleSegment({ index, blocks: read('block-'), rows: read('rows-'), postings: read('postings-'), passages: read('passages-'), ...(lookups ? { lookups } : {}) });
}

const lshArrays = (buckets: LshBuckets): Pick<SegmentLookups, 'lshKeys' | 'lshArticles'> => ({ lshKeys: buckets.keys, lshArticles: buckets.articles });

/** Ids of a segment's articles, in order. */
export function segmentArticleIds(data: CorpusData): string[] {
  return Array.from({ length: data.meta.articleCount }, (_, i) => readString(data.ids, i));
}

