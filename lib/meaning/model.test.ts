import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadModelFiles, MODEL_DIR, MODEL_FILES, modelChecksums, readModelFiles } from '../cli/model-files.ts';
import { MEANING_DIMS, meaningCosine, ModelFormatError, SentenceModel } from './index.ts';
import { readInt8Tensor } from './safetensors.ts';

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the vendored sentence model', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the one its SHA256SUMS lists, byte for byte, licence and provenance beside it', () => {
    const sums = modelChecksums();
    for (const name of [...MODEL_FILES, 'config.json']) expect(sha256(join(MODEL_DIR, name)), name).toBe(sums.get(name));
    expect(readdirSync(MODEL_DIR)).toEqual(expect.arrayContaining(['LICENSE', 'PROVENANCE.md', 'SHA256SUMS']));
    expect(readFileSync(join(MODEL_DIR, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
  });

  it('a damaged model file stops the load with its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-model-'));
    cpSync(MODEL_DIR, dir, { recursive: true });
    const tokenizer = join(dir, 'tokenizer.json');
    writeFileSync(tokenizer, readFileSync(tokenizer, 'utf8').replace('"[UNK]"', '"[UNKNOWN]"'));
    expect(() => readModelFiles(dir)).toThrow(/tokenizer\.json: checksum mismatch/);
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

  it('tokenizes exactly as the tokenizer package encodes, special tokens aside', () => {
    const files = readModelFiles();
    const model = new SentenceModel(files);
    const reference = new Tokenizer(files.tokenizer as object, {});
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
    expect(() => new SentenceModel({ ...files, embeddings: new Uint8Array(4) })).toThrow(ModelFormatError);
    expect(() => new SentenceModel({ ...files, tokenizer: 'not json' })).toThrow(/not a JSON object/);
    const header = new TextEncoder().encode(JSON.stringify({ embeddings: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] } }));
    const bytes = new Uint8Array(8 + header.length + 16);
    new DataView(bytes.buffer).setBigUint64(0, BigInt(header.length), true);
    bytes.set(header, 8);
    expect(() => readInt8Tensor(bytes, 'embeddings')).toThrow(/not an int8 matrix/);
    expect(() => readInt8Tensor(bytes, 'other')).toThrow(/no tensor "other"/);
  });
});
