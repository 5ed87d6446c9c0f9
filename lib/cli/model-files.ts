// The sentence model's files read from disk (Node: the command line, evaluations, benchmarks,
// tests). A start reads the two files the engine needs, model.safetensors and vocab.txt, and
// hands them to the same constructor the extension does (utils/model/sentence-model.ts). The
// vendored files are checked against the SHA-256 sums beside them, and vocab.txt against the
// tokenizer.json it is derived from, once, by the tests and the extension's build
// (checkModelFiles): hashing 4.4 MB at every start cost about 10 ms of each cold start.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSentenceModel, SentenceModel, useSentenceModel, type ModelFiles } from '../meaning/index.ts';
import { vocabularyText } from '../meaning/wordpiece.ts';
import { REPO_ROOT } from './inputs.ts';
import { InputError } from './io.ts';

export const MODEL_DIR = join(REPO_ROOT, 'models', 'potion-base-4M-int8');
/** The vendored files, each listed in the folder's SHA256SUMS. */
export const VENDORED_FILES = ['model.safetensors', 'tokenizer.json', 'config.json'] as const;
/** The files the engine reads (and the extension ships): the embeddings and the vocabulary derived from tokenizer.json. */
export const MODEL_FILES = ['model.safetensors', 'vocab.txt'] as const;

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
 * Checks the vendored files against SHA256SUMS and vocab.txt against tokenizer.json's vocabulary:
 * a damaged or swapped file stops the build or the test with the file's name rather than giving
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
  const tokenizer = JSON.parse(read(join(dir, 'tokenizer.json')).toString('utf8')) as unknown;
  if (read(join(dir, 'vocab.txt')).toString('utf8') !== vocabularyText(tokenizer)) {
    throw new InputError(`${join(dir, 'vocab.txt')}: not tokenizer.json's vocabulary; write it again with npx tsx scripts/model-vocab.ts`);
  }
}

/** Reads the files the engine needs (unchecked: checkModelFiles is the tests' and the build's). */
export function readModelFiles(dir = MODEL_DIR): ModelFiles {
  const embeddings = read(join(dir, 'model.safetensors'));
  return {
    embeddings: new Uint8Array(embeddings.buffer, embeddings.byteOffset, embeddings.byteLength),
    vocabulary: read(join(dir, 'vocab.txt')).toString('utf8'),
  };
}

/** The vendored model, read. */
export function loadModelFiles(dir = MODEL_DIR): SentenceModel {
  return new SentenceModel(readModelFiles(dir));
}

/** Makes the vendored model the engine's, read on first use (unless a model was set already). */
export function useModelFiles(dir = MODEL_DIR): void {
  if (!hasSentenceModel()) useSentenceModel(() => loadModelFiles(dir));
}
