// The sentence model's files as the extension package carries them (model/ in the output), for
// the WXT build hook in wxt.config.ts. The vendored files are checked against their SHA256SUMS,
// and parallax-model.bin against what they give, first: a damaged model never ships (and the
// extension need not hash it at every start).
import { join } from 'node:path';
import { checkModelFiles, MODEL_DIR, MODEL_FILE } from '../lib/cli/model-files';

/** Where the extension finds the model: paths inside the package (entrypoints/background/sentence-model.ts). */
export const MODEL_PACKAGE_DIR = 'model';

export function MODEL_PACKAGE_FILES(): { absoluteSrc: string; relativeDest: string }[] {
  checkModelFiles(MODEL_DIR);
  return [{ absoluteSrc: join(MODEL_DIR, MODEL_FILE), relativeDest: `${MODEL_PACKAGE_DIR}/${MODEL_FILE}` }];
}
