// The sentence model's files read from disk (Node: the command line, evaluations, benchmarks,
// tests), checked against the SHA-256 sums vendored beside them: a damaged or swapped model file
// stops the load with the file's name rather than giving quietly different scores.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSentenceModel, SentenceModel, useSentenceModel, type ModelFiles } from '../meaning/index.ts';
import { REPO_ROOT } from './inputs.ts';
import { InputError } from './io.ts';

export const MODEL_DIR = join(REPO_ROOT, 'models', 'potion-base-4M-int8');
/** The files the engine reads; both are listed in the folder's SHA256SUMS. */
export const MODEL_FILES = ['model.safetensors', 'tokenizer.json'] as const;

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

/** Reads and checks the model's files. */
export function readModelFiles(dir = MODEL_DIR): ModelFiles {
  const sums = modelChecksums(dir);
  const bytes = new Map<string, Buffer>();
  for (const name of MODEL_FILES) {
    const content = read(join(dir, name));
    const expected = sums.get(name);
    if (expected === undefined) throw new InputError(`${join(dir, 'SHA256SUMS')}: no checksum for ${name}`);
    const actual = createHash('sha256').update(content).digest('hex');
    if (actual !== expected) throw new InputError(`${join(dir, name)}: checksum mismatch (SHA-256 ${actual}, expected ${expected}): the model file is damaged or not the vendored one`);
    bytes.set(name, content);
  }
  const embeddings = bytes.get('model.safetensors')!;
  return {
    embeddings: new Uint8Array(embeddings.buffer, embeddings.byteOffset, embeddings.byteLength),
    tokenizer: JSON.parse(bytes.get('tokenizer.json')!.toString('utf8')) as unknown,
  };
}

/** The vendored model, read and checked. */
export function loadModelFiles(dir = MODEL_DIR): SentenceModel {
  return new SentenceModel(readModelFiles(dir));
}

/** Makes the vendored model the engine's, read on first use (unless a model was set already). */
export function useModelFiles(dir = MODEL_DIR): void {
  if (!hasSentenceModel()) useSentenceModel(() => loadModelFiles(dir));
}
