import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkModelFiles, loadModelFiles, MODEL_DIR, MODEL_FILE, modelChecksums, readModelFiles, VENDORED_FILES } from '../cli/model-files.ts';
import { MEANING_DIMS, meaningCosine, ModelFormatError, quantize, SentenceModel } from './index.ts';
import { readInt8Tensor } from './safetensors.ts';
import { writeModelFile } from './model-file.ts';
import { TOKENIZER_SETTINGS, vocabularyTokens } from './wordpiece.ts';

const SEEDS = join(MODEL_DIR, '..', '..', 'corpus', 'seeds');
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the vendored sentence model', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the one its SHA256SUMS lists, byte for byte, licence and provenance beside it', () => {
    const sums = modelChecksums();
    for (const name of VENDORED_FILES) expect(sha256(join(MODEL_DIR, name)), name).toBe(sums.get(name));
    expect(() => checkModelFiles()).not.toThrow();
    expect(readdirSync(MODEL_DIR)).toEqual(expect.arrayContaining(['LICENSE', 'PROVENANCE.md', 'SHA256SUMS']));
    expect(readFileSync(join(MODEL_DIR, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
  });

  it('a damaged model file stops the check (tests, the build) with its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-model-'));
    cpSync(MODEL_DIR, dir, { recursive: true });
    const tokenizer = join(dir, 'tokenizer.json');
    writeFileSync(tokenizer, readFileSync(tokenizer, 'utf8').replace('"[UNK]"', '"[UNKNOWN]"'));
    expect(() => checkModelFiles(dir)).toThrow(/tokenizer\.json: checksum mismatch/);
  });

  it("parallax-model.bin is what the vendored files give; tokenizer.json's other settings are the tokenizer's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-model-'));
    cpSync(MODEL_DIR, dir, { recursive: true });
    const file = join(dir, MODEL_FILE);
    const bytes = readFileSync(file);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(file, bytes);
    expect(() => checkModelFiles(dir)).toThrow(/parallax-model\.bin: not what model\.safetensors and tokenizer\.json give/);
    const json = JSON.parse(readFileSync(join(MODEL_DIR, 'tokenizer.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(json.normalizer).toEqual(TOKENIZER_SETTINGS.normalizer);
    expect(json.pre_tokenizer).toEqual(TOKENIZER_SETTINGS.preTokenizer);
    const { vocab: _vocab, ...model } = json.model!;
    expect(model).toEqual(TOKENIZER_SETTINGS.model);
  });

  it('loads and encodes offline: nothing is fetched', () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetch);
    const model = loadModelFiles();
    const vector = model.encode('Russia expelled 60 American diplomats.');
    expect(vector).toHaveLength(MEANING_DIMS);
    expect(vector.some((v) => v !== 0)).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('tokenizes exactly as the tokenizer package encodes from tokenizer.json, special tokens aside', () => {
    const model = loadModelFiles();
    const reference = new Tokenizer(JSON.parse(readFileSync(join(MODEL_DIR, 'tokenizer.json'), 'utf8')) as object, {});
    for (const text of [
      'The U.S. expelled 60 Russian diplomats, Kennebunkport’s mayor said.',
      'Péskov: “Ushakov wasn’t correct” — 1,000 people at 3:30 p.m.',
      'Kremlin spokesman Dmitry Peskov declined to comment on the report.',
      // Plain text (ASCII and general punctuation) skips the normalizer's character passes.
      'IT’S “OFFICIAL” – the U.S.A. said… • ‘No’ — <b>&amp; 100% ~`^|\\{}',
      'Tabs\tand\nnew lines, an NBSP\u00a0here, a zero\u200bwidth space, CJK 東京 and Café go the long way.',
    ]) {
      expect(model.tokenIds(text)).toEqual(reference.encode(text, { add_special_tokens: false }).ids);
      // Remembered word ids give the same answer the second time.
      expect(model.tokenIds(text)).toEqual(reference.encode(text, { add_special_tokens: false }).ids);
    }
  });

  it('gives the vectors the tokenizer package gives from tokenizer.json: every vocabulary word, the seed articles, odd characters', () => {
    const model = loadModelFiles();
    const reference = new Tokenizer(JSON.parse(readFileSync(join(MODEL_DIR, 'tokenizer.json'), 'utf8')) as object, {});
    // The vendored embeddings, all their columns: the model file holds the first MEANING_DIMS.
    const { values, columns } = readInt8Tensor(readFileSync(join(MODEL_DIR, 'model.safetensors')), 'embeddings');
    // The package's own normalizer, pre-tokenizer and WordPiece, as SentenceModel used them before
    // (special tokens such as "[PAD]" in a text are words like any other, not split out by encode).
    const { normalizer, pre_tokenizer: preTokenizer, model: wordPiece } = reference;
    const referenceIds = (text: string) => wordPiece!(preTokenizer!(normalizer!(text))).map((token) => wordPiece!.tokens_to_ids.get(token)!);
    const referenceVector = (text: string) => {
      const sum = new Float64Array(MEANING_DIMS);
      let count = 0;
      for (const id of referenceIds(text)) {
        if (id === wordPiece!.unk_token_id) continue;
        for (let d = 0; d < MEANING_DIMS; d++) sum[d]! += values[id * columns + d]!;
        count++;
      }
      return count === 0 ? new Int8Array(MEANING_DIMS) : quantize(sum);
    };
    const words = vocabularyTokens(JSON.parse(readFileSync(join(MODEL_DIR, 'tokenizer.json'), 'utf8')));
    // Every token alone, as a continuation glued to a word, capitalised and accented, 200 tokens a text.
    const variants = words.map((w) => `${w} x${w.replace(/^##/, '')} ${w.toUpperCase()} ${w.replace(/e/g, 'é')}`);
    const texts = [
      ...Array.from({ length: Math.ceil(variants.length / 200) }, (_, i) => variants.slice(i * 200, i * 200 + 200).join(' ')),
      ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).flatMap((f) => readFileSync(join(SEEDS, f), 'utf8').split('\n')),
      `a ${'long'.repeat(25)} word of 100 letters and ${'longer'.repeat(17)} of 102`,
      'emoji 🙂🙂 and a lone \ud83d surrogate, Ωμέγα, ﬁ ligature, Straße, İstanbul, ½ and ①',
    ];
    expect(texts.map((text) => model.tokenIds(text))).toEqual(texts.map(referenceIds));
    expect(texts.map((text) => model.encode(text))).toEqual(texts.map(referenceVector));
  }, 30_000);

  it('a fact told in other words is close; an unrelated one is not', () => {
    const model = loadModelFiles();
    const fact = model.encode('The president was taken to hospital on Friday.');
    const reworded = model.encode('On Friday the head of state was admitted to a hospital.');
    const other = model.encode('The president was taken to the summit on Friday.');
    const unrelated = model.encode('Oil prices fell sharply in Asian trading.');
    expect(meaningCosine(fact, reworded)).toBeGreaterThan(meaningCosine(fact, unrelated));
    expect(meaningCosine(fact, reworded)).toBeGreaterThan(0.6);
    expect(meaningCosine(fact, other)).toBeGreaterThan(meaningCosine(fact, unrelated));
  });

  it('a sentence without known tokens has the zero vector, whose cosine is 0', () => {
    const model = loadModelFiles();
    const empty = model.encode('');
    expect([...empty].every((v) => v === 0)).toBe(true);
    expect(meaningCosine(empty, model.encode('Anything at all.'))).toBe(0);
  });

  it('rejects files that are not the model with a clear error', () => {
    const files = readModelFiles();
    expect(() => new SentenceModel({ model: new Uint8Array(4) })).toThrow(ModelFormatError);
    expect(() => new SentenceModel({ model: files.model.subarray(0, files.model.length - 1) })).toThrow(/truncated or damaged/);
    expect(() => new SentenceModel({ model: readFileSync(join(MODEL_DIR, 'model.safetensors')) })).toThrow(/not a Parallax model file/);
    expect(() => new SentenceModel({ model: writeModelFile(new Int8Array(2 * MEANING_DIMS), MEANING_DIMS, ['the', 'of']) })).toThrow(/vocabulary has no \[UNK\] token/);
    expect(() => new SentenceModel({ model: writeModelFile(new Int8Array(2 * 8), 8, ['[UNK]', 'of']) })).toThrow(/8 dimensions, fewer than 64/);
    const header = new TextEncoder().encode(JSON.stringify({ embeddings: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] } }));
    const bytes = new Uint8Array(8 + header.length + 16);
    new DataView(bytes.buffer).setBigUint64(0, BigInt(header.length), true);
    bytes.set(header, 8);
    expect(() => readInt8Tensor(bytes, 'embeddings')).toThrow(/not an int8 matrix/);
    expect(() => readInt8Tensor(bytes, 'other')).toThrow(/no tensor "other"/);
  });
});
