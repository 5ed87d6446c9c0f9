import { expect, test } from 'vitest';
import { pollPage } from '../e2e/harness/page';

// The e2e harness's own poll (Chromium's waitFor): both ways of running out of time are worded
// alike, so an e2e test matches one message whichever way its deadline passed.

test('a check that keeps answering false times out with the one wording', async () => {
  let checks = 0;
  const check = () => Promise.resolve((checks += 1) < 0);
  await expect(pollPage(check, 120, 'answers false')).rejects.toThrow(/^waitFor: answers false was not true within 120 ms$/);
  expect(checks).toBeGreaterThan(1);
});

test('a check still running at the deadline times out with the same wording, saying so', async () => {
  const never = () => new Promise<boolean>(() => undefined);
  await expect(pollPage(never, 120, 'never answers')).rejects.toThrow(
    /^waitFor: never answers was not true within 120 ms \(the last check had not answered yet\)$/,
  );
});

test('a check that turns true is awaited until it does, and a navigation counts as not yet', async () => {
  let checks = 0;
  const check = async () => {
    checks += 1;
    if (checks === 1) throw new Error('Execution context was destroyed, most likely because of a navigation');
    return checks >= 3;
  };
  await pollPage(check, 5_000, 'third check');
  expect(checks).toBe(3);
});
