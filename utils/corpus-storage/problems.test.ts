// The last write that did not fit is kept for the options page, whichever thread it failed in.
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearStorageProblem, readStorageProblem, reportStorageProblem } from './problems';
import { STORAGE_FULL_MESSAGE, StorageFullError } from './quota';

beforeEach(() => fakeBrowser.reset());

test.each([
  ['a StorageFullError (background)', new StorageFullError()],
  ["IndexedDB's own QuotaExceededError", new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
  ["the options page's worker's error, relayed as its message", new Error(STORAGE_FULL_MESSAGE)],
])('%s is recorded with the message the user reads', async (_, error) => {
  await reportStorageProblem(error);
  expect(await readStorageProblem()).toEqual({ at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), message: STORAGE_FULL_MESSAGE });
  await clearStorageProblem();
  expect(await readStorageProblem()).toBeNull();
});

test('other errors are not a storage problem', async () => {
  await reportStorageProblem(new Error('network error'));
  expect(await readStorageProblem()).toBeNull();
});
