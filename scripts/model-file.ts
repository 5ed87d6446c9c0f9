// Writes models/potion-base-4M-int8/parallax-model.bin, the form of the sentence model the engine
// and the extension read (lib/meaning/model-file.ts), from the vendored model.safetensors and
// tokenizer.json. Run it after replacing the vendored model or changing MEANING_DIMS;
// lib/meaning/model.test.ts and the extension's build check that the file is this script's output.
//
//   npx tsx scripts/model-file.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_DIR, MODEL_FILE, modelFileFromVendored } from '../lib/cli/model-files.ts';

const bytes = modelFileFromVendored();
writeFileSync(join(MODEL_DIR, MODEL_FILE), bytes);
console.log(`${join(MODEL_DIR, MODEL_FILE)}: ${bytes.length} bytes`);
