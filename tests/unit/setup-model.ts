// Unit tests run the engine as the command line does: with the vendored sentence model
// (models/). It is read here, before the file's tests start (about 0.2 s), rather than by the
// first test that compiles or analyzes: that test would otherwise carry the load in its own
// time budget, and only on its first run.
import { loadModelFiles } from '../../lib/cli/model-files.ts';
import { useSentenceModel } from '../../lib/meaning/index.ts';

useSentenceModel(loadModelFiles());
