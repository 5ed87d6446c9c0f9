// The sentence model's files read from disk (Node: the command line, evaluations, benchmarks,
// tests). A start reads the one file the engine needs, parallax-model.bin (lib/meaning/model-file.ts),
// and hands it to the same constructor the extension does (utils/model/sentence-model.ts). The
// vendored files are checked against the SHA-256 sums beside them, and parallax-model.bin against
// what they give, once, by the tests and the extension's build (checkModelFiles): hashing 4.4 MB
// at every start cost about 10 ms of each cold start.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSentenceModel, SentenceModel, useSentenceModel, type ModelFiles } from '../meaning/index.ts';
import { writeModelFile } from '../meaning/model-file.ts';
import { readInt8Tensor } from '../meaning/safetensors.ts';
import { MEANING_DIMS } from '../meaning/vectors.ts';
import { vocabularyTokens } from '../meaning/wordpiece.ts';
import { REPO_ROOT } from './inputs.ts';
import { InputError } from './io.ts';

export const MODEL_DIR = join(REPO_ROOT, 'models', 'potion-base-4M-int8');
/** The vendored files, each listed in the folder's SHA256SUMS. */
export const VENDORED_FILES = ['model.safetensors', 'tokenizer.json', 'config.json'] as const;
/** The file the engine reads (and the extension ships), derived from the vendored ones (modelFileFromVendored). */
export const MODEL_FILE = 'parallax-model.bin';

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError(`${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** Expected SHA-256 of each file, from the folder's SHA256SUMS. */
export function modelChecksums(dir = MODEL_DIR): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of read(join(dir, 'SHA256SUMS')).toString('utf8').split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(\S+)$/.exec(line.trim());
    if (m) sums.set(m[2]!, m[1]!);
  }
  return sums;
}

/**
 * parallax-model.bin as the vendored files give it: the embedding rows cut to the MEANING_DIMS
 * columns the engine reads, and tokenizer.json's vocabulary (scripts/model-file.ts writes it).
 */
export function modelFileFromVendored(dir = MODEL_DIR): Uint8Array {
  const embeddings = readInt8Tensor(read(join(dir, 'model.safetensors')), 'embeddings');
  const tokens = vocabularyTokens(JSON.parse(read(join(dir, 'tokenizer.json')).toString('utf8')) as unknown);
  if (tokens.length !== embeddings.rows) throw new InputError(`${join(dir, 'tokenizer.json')} has ${tokens.length} tokens but the embeddings have ${embeddings.rows} rows`);
  const values = new Int8Array(embeddings.rows * MEANING_DIMS);
  for (let row = 0; row < embeddings.rows; row++) values.set(embeddings.values.subarray(row * embeddings.columns, row * embeddings.columns + MEANING_DIMS), row * MEANING_DIMS);
  return writeModelFile(values, MEANING_DIMS, tokens);
}

/**
 * Checks the vendored files against SHA256SUMS and parallax-model.bin against what they give: a
 * damaged or swapped file stops the build or the test with the file's name rather than giving
 * quietly different scores.
 */
export function checkModelFiles(dir = MODEL_DIR): void {
  const sums = modelChecksums(dir);
  for (const name of VENDORED_FILES) {
    const expected = sums.get(name);
    if (expected === undefined) throw new InputError(`${join(dir, 'SHA256SUMS')}: no checksum for ${name}`);
    const actual = createHash('sha256').update(read(join(dir, name))).digest('hex');
    if (actual !== expected) throw new InputError(`${join(dir, name)}: checksum mismatch (SHA-256 ${actual}, expected ${expected}): the model file is damaged or not the vendored one`);
  }
  if (!read(join(dir, MODEL_FILE)).equals(modelFileFromVendored(dir))) {
    throw new InputError(`${join(dir, MODEL_FILE)}: not what model.safetensors and tokenizer.json give; write it again with npx tsx scripts/model-file.ts`);
  }
}

/** Reads the file the engine needs (unchecked: checkModelFiles is the tests' and the build's). */
export function readModelFiles(dir = MODEL_DIR): ModelFiles {
  const model = read(join(dir, MODEL_FILE));
  return { model: new Uint8Array(model.buffer, model.byteOffset, model.byteLength) };
}

/** The vendored model, read. */
export function loadModelFiles(dir = MODEL_DIR): SentenceModel {
  return new SentenceModel(readModelFiles(dir));
}

/** Makes the vendored model the engine's, read on first use (unless a model was set already). */
export function useModelFiles(dir = MODEL_DIR): void {
  if (!hasSentenceModel()) useSentenceModel(() => loadModelFiles(dir));
}
