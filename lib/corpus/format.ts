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
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength)));
  } catch {
    throw new CorpusFormatError('corpus header is not valid JSON');
  }
  const bodyStart = bytes.byteOffset + 16 + align4(headerLength);
  const arrays = new Map<string, TypedArray>();
  for (const s of header.sections) {
    const Ctor = CONSTRUCTORS[s.type];
    if (!Ctor || bodyStart + s.offset + s.length * WIDTH[s.type] > bytes.byteOffset + bytes.length) {
      throw new CorpusFormatError(`corpus section "${s.name}" is damaged`);
    }
    arrays.set(s.name, new Ctor(bytes.buffer as ArrayBuffer, bodyStart + s.offset, s.length));
  }
  const get = <T extends TypedArray>(name: string): T => {
    const array = arrays.get(name);
    if (!array) throw new CorpusFormatError(`corpus section "${name}" is missing`);
    return array as T;
  };
  const table = (name: string): StringTable => ({ offsets: get(`${name}.offsets`), bytes: get(`${name}.bytes`) });
  return { meta: header.meta, get, has: (name) => arrays.has(name), table };
}

/** Reads an artifact (see readSections for `verify` and memory). */
export function deserializeCorpus(input: Uint8Array | ArrayBuffer, options: { verify?: boolean } = {}): CorpusData {
  const { meta, get, has, table } = readSections(input, options);
  const optional: Partial<Pick<CorpusData, (typeof OPTIONAL_ARRAYS)[number]>> = {};
  for (const a of OPTIONAL_ARRAYS) if (has(a)) optional[a] = get<Uint32Array>(a);
  return {
    ...optional,
    meta: meta as CorpusMeta,
    ids: table('ids'),
    titles: table('titles'),
    urls: table('urls'),
    texts: table('texts'),
    terms: table('terms'),
    versionLinkIds: table('versionLinkIds'),
    outletIndex: get('outletIndex'),
    publishedDay: get('publishedDay'),
    sentenceStart: get('sentenceStart'),
    sentenceOffsets: get('sentenceOffsets'),
    termHashes: get('termHashes'),
    termDf: get('termDf'),
    termBackground: get('termBackground'),
    docLength: get('docLength'),
    docTermStart: get('docTermStart'),
    docTerms: get('docTerms'),
    docTermTf: get('docTermTf'),
    factStart: get('factStart'),
    facts: get('facts'),
    headlineStart: get('headlineStart'),
    headlineTerms: get('headlineTerms'),
    leadStart: get('leadStart'),
    leadTerms: get('leadTerms'),
    signatures: get('signatures'),
    shingleCounts: get('shingleCounts'),
    lshKeys: get('lshKeys'),
    lshArticles: get('lshArticles'),
    primaryVersion: get('primaryVersion'),
    versionRank: get('versionRank'),
    versionPairs: get('versionPairs'),
    versionLinkArticles: get('versionLinkArticles'),
    passageHashes: get('passageHashes'),
    passageSentences: get('passageSentences'),
    sentenceMeaning: get('sentenceMeaning'),
  };
}
