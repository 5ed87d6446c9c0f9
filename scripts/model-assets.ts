// The sentence model's files as the extension package carries them (model/ in the output), for
// the WXT build hook in wxt.config.ts. The vendored files are checked against their SHA256SUMS,
// and vocab.txt against tokenizer.json, first: a damaged model never ships (and the extension
// need not hash it at every start).
import { join } from 'node:path';
import { checkModelFiles, MODEL_DIR, MODEL_FILES } from '../lib/cli/model-files';

/** Where the extension finds the model: paths inside the package (entrypoints/background/sentence-model.ts). */
export const MODEL_PACKAGE_DIR = 'model';

export function MODEL_PACKAGE_FILES(): { absoluteSrc: string; relativeDest: string }[] {
  checkModelFiles(MODEL_DIR);
  return MODEL_FILES.map((name) => ({ absoluteSrc: join(MODEL_DIR, name), relativeDest: `${MODEL_PACKAGE_DIR}/${name}` }));
}
