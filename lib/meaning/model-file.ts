// The sentence model as the engine reads it: one file (parallax-model.bin, derived from the
// vendored model.safetensors and tokenizer.json by scripts/model-file.ts) holding the embedding
// rows cut to the MEANING_DIMS columns encode sums, and the WordPiece vocabulary with a hash
// table over it made when the file was written. Nothing is parsed or built when it is read, only
// views on its bytes: reading tokenizer.json, then splitting a vocabulary and filling a map of its
// 29,528 tokens, were most of a cold start's model load.
//
// Layout, little-endian: "PLXM", version, rows, columns, slot count (a power of two), text length
// in UTF-8 bytes (six u32); the int8 rows (rows x columns, padded to 4 bytes); token offsets into
// the text (rows + 1 i32, in UTF-16 units of the decoded text); the slots (i32, token id + 1, 0
// empty; FNV-1a of the token's UTF-16 units, probed linearly); the text (the tokens in id order,
// each followed by "\n").
import { ModelFormatError } from './safetensors.ts';
import { TOKENIZER_SETTINGS } from './wordpiece.ts';

const MAGIC = 0x4d584c50; // "PLXM"
const VERSION = 1;
const HEADER_BYTES = 24;
/** The WordPiece continuation prefix ('##'), hashed as the start of every continuation token. */
const CONTINUATION = TOKENIZER_SETTINGS.model.continuing_subword_prefix;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashRange(text: string, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

const CONTINUATION_SEED = hashRange(CONTINUATION, 0, CONTINUATION.length, FNV_OFFSET);

/** The vocabulary of a model file: token ids found by the file's hash table. */
export class HashedVocabulary {
  constructor(
    private readonly text: string,
    private readonly offsets: Int32Array,
    private readonly slots: Int32Array,
  ) {}

  get size(): number {
    return this.offsets.length - 1;
  }

  /** The token with this id. */
  token(id: number): string {
    return this.text.slice(this.offsets[id]!, this.offsets[id + 1]! - 1);
  }

  /** Id of `word.slice(from, to)`, or of '##' and it when `continuation`; -1 when the vocabulary lacks it. */
  find(word: string, from: number, to: number, continuation: boolean): number {
    const length = to - from + (continuation ? CONTINUATION.length : 0);
    const mask = this.slots.length - 1;
    for (let slot = hashRange(word, from, to, continuation ? CONTINUATION_SEED : FNV_OFFSET) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const id = entry - 1;
      const start = this.offsets[id]!;
      if (this.offsets[id + 1]! - 1 - start !== length) continue;
      let at = start;
      if (continuation) {
        if (!this.text.startsWith(CONTINUATION, at)) continue;
        at += CONTINUATION.length;
      }
      let same = true;
      for (let i = from; i < to && same; i++) same = this.text.charCodeAt(at + i - from) === word.charCodeAt(i);
      if (same) return id;
    }
  }
}

export interface ModelFile {
  rows: number;
  columns: number;
  /** Row-major int8 values, a view on the file's bytes. */
  values: Int8Array;
  vocabulary: HashedVocabulary;
}

/** Writes the model file: `values` rows x columns (row-major), `tokens` in id order. */
export function writeModelFile(values: Int8Array, columns: number, tokens: readonly string[]): Uint8Array {
  const rows = tokens.length;
  if (values.length !== rows * columns) throw new ModelFormatError(`${values.length} values are not ${rows} rows of ${columns}`);
  if (tokens.some((t) => t.includes('\n'))) throw new ModelFormatError('a token holds a line break');
  const text = tokens.map((t) => `${t}\n`).join('');
  const offsets = new Int32Array(rows + 1);
  for (let id = 0, at = 0; id <= rows; id++) {
    offsets[id] = at;
    if (id < rows) at += tokens[id]!.length + 1;
  }
  let slotCount = 1;
  while (slotCount < rows * 2) slotCount *= 2;
  const slots = new Int32Array(slotCount);
  tokens.forEach((token, id) => {
    let slot = hashRange(token, 0, token.length, FNV_OFFSET) & (slotCount - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (slotCount - 1);
    slots[slot] = id + 1;
  });
  const textBytes = new TextEncoder().encode(text);
  const valuesBytes = Math.ceil(values.length / 4) * 4;
  const out = new Uint8Array(HEADER_BYTES + valuesBytes + offsets.byteLength + slots.byteLength + textBytes.length);
  const view = new DataView(out.buffer);
  [MAGIC, VERSION, rows, columns, slotCount, textBytes.length].forEach((n, i) => view.setUint32(i * 4, n, true));
  let at = HEADER_BYTES;
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.length), at);
  at += valuesBytes;
  out.set(new Uint8Array(offsets.buffer), at);
  at += offsets.byteLength;
  out.set(new Uint8Array(slots.buffer), at);
  at += slots.byteLength;
  out.set(textBytes, at);
  return out;
}

/** Reads a model file: views on its bytes, the vocabulary's text decoded. */
export function readModelFile(input: Uint8Array): ModelFile {
  // Typed-array views need 4-byte alignment; a fetched or read file starts at offset 0.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.length < HEADER_BYTES) throw new ModelFormatError(`not a Parallax model file: ${bytes.length} bytes is too short`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [magic, version, rows, columns, slotCount, textLength] = [0, 1, 2, 3, 4, 5].map((i) => view.getUint32(i * 4, true)) as [number, number, number, number, number, number];
  if (magic !== MAGIC) throw new ModelFormatError('not a Parallax model file (it does not start with "PLXM")');
  if (version !== VERSION) throw new ModelFormatError(`model file version ${version} is not supported (this engine reads version ${VERSION}); write it again with npx tsx scripts/model-file.ts`);
  if (slotCount === 0 || (slotCount & (slotCount - 1)) !== 0 || slotCount <= rows) throw new ModelFormatError('the model file is damaged (its hash table)');
  const valuesStart = bytes.byteOffset + HEADER_BYTES;
  const offsetsStart = valuesStart + Math.ceil((rows * columns) / 4) * 4;
  const slotsStart = offsetsStart + (rows + 1) * 4;
  const textStart = slotsStart + slotCount * 4;
  if (textStart + textLength !== bytes.byteOffset + bytes.length) throw new ModelFormatError('the model file is truncated or damaged');
  const text = new TextDecoder().decode(bytes.subarray(textStart - bytes.byteOffset));
  const offsets = new Int32Array(bytes.buffer, offsetsStart, rows + 1);
  if (offsets[rows] !== text.length) throw new ModelFormatError('the model file is damaged (its vocabulary)');
  return {
    rows,
    columns,
    values: new Int8Array(bytes.buffer, valuesStart, rows * columns),
    vocabulary: new HashedVocabulary(text, offsets, new Int32Array(bytes.buffer, slotsStart, slotCount)),
  };
}
