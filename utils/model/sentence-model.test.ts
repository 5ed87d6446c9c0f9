import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MODEL_DIR } from '@/lib/cli/model-files';
import { MEANING_DIMS } from '@/lib/meaning';
import { ensureSentenceModel, fetchSentenceModel, MODEL_PATH } from './sentence-model';

const ORIGIN = 'chrome-extension://parallax-test';

describe('the sentence model in the extension', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is read from the extension's own package, nowhere else", async () => {
    vi.stubGlobal('location', { origin: ORIGIN });
    const fetch = vi.fn((url: URL) => {
      const path = url.pathname.replace(/^\/model\//, '');
      return Promise.resolve(new Response(readFileSync(join(MODEL_DIR, path))));
    });
    vi.stubGlobal('fetch', fetch);
    const model = await fetchSentenceModel();
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([`${ORIGIN}${MODEL_PATH}`]);
    expect(model.encode('The Kremlin denied the report.')).toHaveLength(MEANING_DIMS);
  });

  it('a missing model file is a clear error, and the next request tries again', async () => {
    vi.stubGlobal('location', { origin: ORIGIN });
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('gone', { status: 404 }))));
    await expect(ensureSentenceModel()).rejects.toThrow(/sentence model could not be read \(\/model\/.*: 404\)/);
    const load = vi.fn(() => Promise.reject(new Error('still failing')));
    await expect(ensureSentenceModel(load)).rejects.toThrow('still failing');
    expect(load).toHaveBeenCalledOnce();
  });
});
