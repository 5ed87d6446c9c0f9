// The compiled corpus artifact: one binary file.
//   bytes 0..3   magic "PLXC"
//   bytes 4..7   format version (u32, little-endian)
//   bytes 8..11  checksum of bytes 16..end (seeded 32-bit hash, lib/fingerprint/hash.ts)
//   bytes 12..15 length of the header JSON
//   header JSON  { meta, sections: [{ name, type, offset, length }] }, padded to 4 bytes
//   sections     typed arrays (int8 meaning vectors among them), each 4-byte aligned, little-endian
// Loading wraps sections as typed-array views on the artifact's buffer: no copying, no parsing.
import { hashBytes } from '../fingerprint/hash.ts';
import { FORMAT_VERSION, type CorpusData, type CorpusMeta, type StringTable } from './data.ts';
import { PART_LOOKUPS } from './part-lookups.ts';

const MAGIC = 0x43584c50; // "PLXC" read as little-endian u32
const CHECKSUM_SEED = 0x9a11a7;

type ArrayKind = 'u8' | 'i8' | 'u32' | 'i32' | 'f32';
export type TypedArray = Uint8Array | Int8Array | Uint32Array | Int32Array | Float32Array;

interface SectionEntry {
  name: string;
  type: ArrayKind;
  offset: number;
  length: number;
}

/** The artifact cannot be read: wrong file, truncated, corrupted, or built by another version. */
export class CorpusFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusFormatError';
  }
}

const TABLES = ['ids', 'titles', 'urls', 'texts', 'terms', 'versionLinkIds'] as const;
const ARRAYS = [
  'outletIndex', 'publishedDay', 'sentenceStart', 'sentenceOffsets', 'termHashes', 'termDf', 'termBackground', 'docLength',
  'docTermStart', 'docTerms', 'docTermTf', 'factStart', 'facts', 'headlineStart', 'headlineTerms', 'leadStart', 'leadTerms', 'signatures', 'shingleCounts', 'lshKeys',
  'lshArticles', 'primaryVersion', 'versionRank', 'versionPairs', 'versionLinkArticles', 'passageHashes', 'passageSentences', 'sentenceMeaning',
] as const;
/** Sections only a segment's index part has (./part-lookups.ts); a file without them is read as before. */
const OPTIONAL_ARRAYS = PART_LOOKUPS;

function kindOf(array: TypedArray): ArrayKind {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Int8Array) return 'i8';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Float32Array) return 'f32';
  return 'u32';
}

function sectionsOf(data: CorpusData): [string, TypedArray][] {
  const out: [string, TypedArray][] = [];
  for (const t of TABLES) {
    const table: StringTable = data[t];
    out.push([`${t}.offsets`, table.offsets], [`${t}.bytes`, table.bytes]);
  }
  for (const a of ARRAYS) out.push([a, data[a]]);
  for (const a of OPTIONAL_ARRAYS) {
    const array = data[a];
    if (array) out.push([a, array]);
  }
  return out;
}

const align4 = (n: number) => (n + 3) & ~3;

/** Sections (named typed arrays) and a JSON header into one file of the layout above. */
export function serializeSections(meta: unknown, sections: readonly (readonly [string, TypedArray])[]): Uint8Array {
  const entries: SectionEntry[] = [];
  let offset = 0;
  for (const [name, array] of sections) {
    entries.push({ name, type: kindOf(array), offset, length: array.length });
    offset = align4(offset + array.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ meta, sections: entries }));
  const bodyStart = 16 + align4(header.length);
  const bytes = new Uint8Array(bodyStart + offset);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(12, header.length, true);
  bytes.set(header, 16);
  sections.forEach(([, array], i) => {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), bodyStart + entries[i]!.offset);
  });
  view.setUint32(8, hashBytes(bytes.subarray(16), CHECKSUM_SEED), true);
  return bytes;
}

export function serializeCorpus(data: CorpusData): Uint8Array {
  return serializeSections(data.meta, sectionsOf(data));
}

const CONSTRUCTORS = { u8: Uint8Array, i8: Int8Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array } as const;
const WIDTH = { u8: 1, i8: 1, u32: 4, i32: 4, f32: 4 } as const;

/** A file of sections: its header's meta, and each section by name (views on the file's memory). */
export interface SectionFile {
  meta: unknown;
  get<T extends TypedArray>(name: string): T;
  has(name: string): boolean;
  table(name: string): StringTable;
}

/** Decodes every header: one decoder, not one made per file read (see Sections). */
const headerText = new TextDecoder();

/**
 * A read file's sections by name: one object per file, its methods shared. A warm analysis reads
 * some 120 parts a page at 40,000 articles; a decoder and three closures made for each were some
 * 40% of readSections' time in profiles of warm pages.
 */
class Sections implements SectionFile {
  constructor(
    readonly meta: unknown,
    private readonly arrays: Map<string, TypedArray>,
  ) {}

  get<T extends TypedArray>(name: string): T {
    const array = this.arrays.get(name);
    if (!array) throw new CorpusFormatError(`corpus section "${name}" is missing`);
    return array as T;
  }

  has(name: string): boolean {
    return this.arrays.has(name);
  }

  table(name: string): StringTable {
    return { offsets: this.get(`${name}.offsets`), bytes: this.get(`${name}.bytes`) };
  }
}

/**
 * Reads a file of sections. Views share the file's memory, so the bytes must not be modified
 * afterwards. `verify: false` skips the checksum (for callers that verified the bytes already).
 */
export function readSections(input: Uint8Array | ArrayBuffer, options: { verify?: boolean } = {}): SectionFile {
  let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice(); // typed-array views need 4-byte alignment
  if (bytes.length < 16) throw new CorpusFormatError(`not a Parallax corpus: ${bytes.length} bytes is too short`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new CorpusFormatError('not a Parallax corpus (the file does not start with "PLXC")');
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) {
    throw new CorpusFormatError(`corpus format version ${version} is not supported (this engine reads version ${FORMAT_VERSION}); rebuild it with "parallax corpus build"`);
  }
  if (options.verify !== false) {
    const expected = view.getUint32(8, true);
    const actual = hashBytes(bytes.subarray(16), CHECKSUM_SEED);
    if (expected !== actual) throw new CorpusFormatError('corpus checksum mismatch: the file is truncated or corrupted');
  }
  const headerLength = view.getUint32(12, true);
  if (16 + headerLength > bytes.length) throw new CorpusFormatError('corpus header runs past the end of the file');
  let header: { meta: unknown; sections: SectionEntry[] };
  try {
    header = JSON.parse(headerText.decode(bytes.subarray(16, 16 + headerLength)));
  } catch {
    throw new CorpusFormatError('corpus header is not valid JSON');
  }
  const bodyStart = bytes.byteOffset + 16 + align4(headerLength);
  const end = bytes.byteOffset + bytes.length;
  const arrays = new Map<string, TypedArray>();
  for (const s of header.sections) {
    const Ctor = CONSTRUCTORS[s.type];
    if (!Ctor || bodyStart + s.offset + s.length * WIDTH[s.type] > end) throw new CorpusFormatError(`corpus section "${s.name}" is damaged`);
    arrays.set(s.name, new Ctor(bytes.buffer as ArrayBuffer, bodyStart + s.offset, s.length));
  }
  return new Sections(header.meta, arrays);
}

/** Reads an artifact (see readSections for `verify` and memory). */
export function deserializeCorpus(input: Uint8Array | ArrayBuffer, options: { verify?: boolean } = {}): CorpusData {
  const file = readSections(input, options);
  const optional: Partial<Pick<CorpusData, (typeof OPTIONAL_ARRAYS)[number]>> = {};
  for (const a of OPTIONAL_ARRAYS) if (file.has(a)) optional[a] = file.get<Uint32Array>(a);
  return {
    ...optional,
    meta: file.meta as CorpusMeta,
    ids: file.table('ids'),
    titles: file.table('titles'),
    urls: file.table('urls'),
    texts: file.table('texts'),
    terms: file.table('terms'),
    versionLinkIds: file.table('versionLinkIds'),
    outletIndex: file.get('outletIndex'),
    publishedDay: file.get('publishedDay'),
    sentenceStart: file.get('sentenceStart'),
    sentenceOffsets: file.get('sentenceOffsets'),
    termHashes: file.get('termHashes'),
    termDf: file.get('termDf'),
    termBackground: file.get('termBackground'),
    docLength: file.get('docLength'),
    docTermStart: file.get('docTermStart'),
    docTerms: file.get('docTerms'),
    docTermTf: file.get('docTermTf'),
    factStart: file.get('factStart'),
    facts: file.get('facts'),
    headlineStart: file.get('headlineStart'),
    headlineTerms: file.get('headlineTerms'),
    leadStart: file.get('leadStart'),
    leadTerms: file.get('leadTerms'),
    signatures: file.get('signatures'),
    shingleCounts: file.get('shingleCounts'),
    lshKeys: file.get('lshKeys'),
    lshArticles: file.get('lshArticles'),
    primaryVersion: file.get('primaryVersion'),
    versionRank: file.get('versionRank'),
    versionPairs: file.get('versionPairs'),
    versionLinkArticles: file.get('versionLinkArticles'),
    passageHashes: file.get('passageHashes'),
    passageSentences: file.get('passageSentences'),
    sentenceMeaning: file.get('sentenceMeaning'),
  };
}
