// Test helper: the seed corpus, read from corpus/seeds/ through its manifest (Node only).
import { readFileSync } from 'node:fs';
import { recordsFromManifest, type CorpusRecord } from './schema.ts';

const seedDir = new URL('../../corpus/seeds/', import.meta.url);

export function seedRecords(): CorpusRecord[] {
  const manifest: unknown = JSON.parse(readFileSync(new URL('manifest.json', seedDir), 'utf8'));
  return recordsFromManifest(manifest, (file) => readFileSync(new URL(file, seedDir), 'utf8'));
}

export const SEED_IDS = {
  nytNormalized: '000_0812b1be2a60d229',
  nytReadable: '001_4938277a76e1a9f3',
  nbc: '002_61e61ccaf47142ac',
  unverified: '003_993b0c92ecd09660',
  newYorker: '004_0528f1ea5f2947bd',
} as const;
