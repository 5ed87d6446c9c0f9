// The sentence model (lib/meaning) in the extension: read from the extension's own package
// (model/parallax-model.bin, copied there by the build from models/potion-base-4M-int8), never from the network,
// and handed to the engine once per background or worker. A failed load is not kept, so the
// next request retries.
import { SentenceModel, useSentenceModel } from '@/lib/meaning';

export const MODEL_PATH = '/model/parallax-model.bin';

async function read(path: string): Promise<Response> {
  // The extension's own origin: the background, its pages and their workers all have it.
  const response = await fetch(new URL(path, globalThis.location.origin));
  if (!response.ok) throw new Error(`the sentence model could not be read (${path}: ${response.status})`);
  return response;
}

export async function fetchSentenceModel(): Promise<SentenceModel> {
  // The same constructor as in Node (lib/cli/model-files.ts), from the same file.
  return new SentenceModel({ model: new Uint8Array(await (await read(MODEL_PATH)).arrayBuffer()) });
}

let loading: Promise<void> | null = null;

/** Loads the model into the engine unless it is loaded already. */
export function ensureSentenceModel(load: () => Promise<SentenceModel> = fetchSentenceModel): Promise<void> {
  loading ??= load().then(
    (model) => useSentenceModel(model),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
