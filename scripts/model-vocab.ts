// Writes models/potion-base-4M-int8/vocab.txt: the vendored tokenizer.json's WordPiece tokens in
// id order, one a line, the form the engine and the extension read (lib/meaning/wordpiece.ts).
// Run it after replacing the vendored model; lib/meaning/model.test.ts and the extension's build
// check that vocab.txt is this file's output.
//
//   npx tsx scripts/model-vocab.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_DIR } from '../lib/cli/model-files.ts';
import { vocabularyText } from '../lib/meaning/wordpiece.ts';

const text = vocabularyText(JSON.parse(readFileSync(join(MODEL_DIR, 'tokenizer.json'), 'utf8')));
writeFileSync(join(MODEL_DIR, 'vocab.txt'), text);
console.log(`${join(MODEL_DIR, 'vocab.txt')}: ${text.split('\n').length - 1} tokens`);
