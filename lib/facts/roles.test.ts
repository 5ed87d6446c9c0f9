import { describe, expect, it } from 'vitest';
import { rolesReversed } from './roles.ts';

describe('who did what to whom', () => {
  it.each([
    ['The U.S. expelled 60 Russian diplomats.', 'Russia responded by expelling 60 U.S. diplomats.'],
    ['Last month, the United States expelled 60 Russian diplomats.', 'Russia expelled 60 American diplomats and closed the U.S. consulate in St. Petersburg.'],
    ['President Trump invited Vladimir Putin to the White House.', 'Putin invited Trump to the Kremlin for talks.'],
    ['Britain denied the Russian claims on Monday.', 'Russia denied the British claims on Monday.'],
    ['Sixty Russian diplomats were expelled by the United States.', 'Russia expelled sixty American diplomats.'],
  ])('reversed: %s / %s', (a, b) => {
    expect(rolesReversed(a, b)).toBe(true);
    expect(rolesReversed(b, a)).toBe(true);
  });

  it.each([
    ['The U.S. expelled 60 Russian diplomats.', 'Washington expelled 60 Russian diplomats last week.'],
    ['The U.S. expelled 60 Russian diplomats.', 'Sixty Russian diplomats were expelled by the United States.'],
    ['Trump, in a telephone call with Putin on March 20, proposed that the two leaders meet at the White House.', 'Trump proposed a White House meeting in a call with Putin.'],
    ['The Kremlin said Trump had invited Putin to the White House.', 'Putin was invited to the White House by Trump, the Kremlin said.'],
    ['Russia expelled 60 American diplomats.', 'The expulsions followed the poisoning of a former spy in Britain.'],
  ])('the same act, the same roles (or nothing to compare): %s / %s', (a, b) => {
    expect(rolesReversed(a, b)).toBe(false);
    expect(rolesReversed(b, a)).toBe(false);
  });
});
