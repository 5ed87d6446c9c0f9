// Unit tests run the engine as the command line does: with the vendored sentence model
// (models/), read when a test first needs it.
import { useModelFiles } from '../../lib/cli/model-files.ts';

useModelFiles();
