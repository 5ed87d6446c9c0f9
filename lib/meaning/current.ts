// The sentence model the engine uses. Like the WordNet sense table it is a fixed part of the
// engine, but at 4.4 MB it is not compiled into the code: each platform reads the model's files
// its own way (Node from models/, the extension from its package: lib/cli/model-files.ts,
// entrypoints/background/sentence-model.ts) and hands it over here once, before analysis.
import type { SentenceModel } from './model.ts';

let model: SentenceModel | null = null;
let loader: (() => SentenceModel) | null = null;

/** Sets the model, or a function that loads it on first use (Node reads it only when needed). */
export function useSentenceModel(source: SentenceModel | (() => SentenceModel)): void {
  if (typeof source === 'function') {
    loader = source;
    model = null;
  } else {
    model = source;
    loader = null;
  }
}

/** Whether a model (or its loader) was set. */
export function hasSentenceModel(): boolean {
  return model !== null || loader !== null;
}

/** The model set by useSentenceModel; an error saying so when none was. */
export function sentenceModel(): SentenceModel {
  if (model === null && loader !== null) {
    model = loader();
    loader = null;
  }
  if (model === null) {
    throw new Error('no sentence model loaded: call useSentenceModel() first (in Node, with loadModelFiles() from lib/cli/model-files.ts)');
  }
  return model;
}
