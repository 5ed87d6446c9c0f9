// The sentence model's files as the extension package carries them (model/ in the output), for
// the WXT build hook in wxt.config.ts. The vendored files are checked against their SHA256SUMS
// first: a damaged model never ships.
import { join } from 'node:path';
import { MODEL_DIR, MODEL_FILES, readModelFiles } from '../lib/cli/model-files';

/** Where the extension finds the model: paths inside the package (entrypoints/background/sentence-model.ts). */
export const MODEL_PACKAGE_DIR = 'model';

export function MODEL_PACKAGE_FILES(): { absoluteSrc: string; relativeDest: string }[] {
  readModelFiles(MODEL_DIR);
  return MODEL_FILES.map((name) => ({ absoluteSrc: join(MODEL_DIR, name), relativeDest: `${MODEL_PACKAGE_DIR}/${name}` }));
}
