// Writes public/corpus.bin, the corpus the extension bundles: the seeds in corpus/seeds/ by
// default, or the JSONL files listed in PARALLAX_CORPUS (comma-separated paths).
// Bad input stops the build with the file, line and field, exit code 1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeCorpus } from '../lib/corpus/format.ts';
import { CorpusInputError } from '../lib/corpus/schema.ts';
import { buildFromInputs, bundleInputs, REPO_ROOT } from '../lib/cli/inputs.ts';
import { InputError } from '../lib/cli/io.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';

// The sentence model (lib/meaning), read from models/ when first needed.
useModelFiles();

const { inputs, name } = bundleInputs();
const out = join(REPO_ROOT, 'public', 'corpus.bin');

try {
  const { data } = buildFromInputs(inputs, { name });
  const bytes = serializeCorpus(data);
  mkdirSync(join(REPO_ROOT, 'public'), { recursive: true });
  writeFileSync(out, bytes);
  console.log(`bundled corpus: ${data.meta.name}, ${data.meta.articleCount} articles, ${(bytes.length / 1024).toFixed(1)} kB -> public/corpus.bin`);
} catch (error) {
  if (error instanceof CorpusInputError || error instanceof InputError) {
    console.error(`bundle-corpus: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
