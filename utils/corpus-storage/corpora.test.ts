// The stored corpora's start (createStoredCorpora): what waits on what when a stopped background
// gets its first page.
import { expect, test, vi } from 'vitest';
import { openCorporaDb } from './db';
import { createStoredCorpora } from './corpora';
import { bundledSeeds, freshIndexedDb } from './test-corpora';

test('the database opens and the bundled corpus is read while the sentence model loads, not after it', async () => {
  freshIndexedDb();
  let modelLoaded: () => void = () => {};
  const prepare = vi.fn(() => new Promise<void>((resolve) => (modelLoaded = resolve)));
  const openDb = vi.fn(() => openCorporaDb());
  const bundled = vi.fn(() => Promise.resolve(bundledSeeds()));
  const corpora = createStoredCorpora({ bundled, prepare, openDb });
  const current = corpora.current();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(prepare).toHaveBeenCalledOnce();
  expect(openDb).toHaveBeenCalledOnce();
  expect(bundled).toHaveBeenCalledOnce();
  modelLoaded();
  expect((await current).size).toBe(bundledSeeds().size);
});

test('a model that fails to load fails the open with its error, and the next open tries again', async () => {
  freshIndexedDb();
  const prepare = vi.fn().mockRejectedValueOnce(new Error('the sentence model could not be read')).mockResolvedValue(undefined);
  const corpora = createStoredCorpora({ bundled: () => Promise.resolve(bundledSeeds()), prepare });
  await expect(corpora.current()).rejects.toThrow('the sentence model could not be read');
  expect((await corpora.current()).size).toBe(bundledSeeds().size);
  expect(prepare).toHaveBeenCalledTimes(2);
});
