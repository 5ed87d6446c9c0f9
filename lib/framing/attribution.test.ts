import { describe, expect, test } from 'vitest';
import { findAttributions } from './attribution.ts';

describe('findAttributions', () => {
  test.each([
    ['Yuri Ushakov said in Moscow that Trump proposed a meeting.', [['said', 'said', 'Yuri Ushakov']]],
    ['Kremlin spokesman Dmitry Peskov, however, told CNN that the reports were not correct.', [['told CNN', 'told', 'Dmitry Peskov']]],
    ['A Kremlin aide told reporters Monday that Trump proposed a meeting.', [['told reporters', 'told', 'Kremlin']]],
    ['No date was set, according to the AP.', [['according to', 'according to', 'AP']]],
    ['“It would be difficult,” Ushakov insisted.', [['insisted', 'insist', 'Ushakov']]],
    ['Trump proposed a meeting at the White House.', []],
  ])('%s', (text, expected) => {
    expect(findAttributions(text).map((a) => [a.verb, a.verbKey, a.speaker])).toEqual(expected);
  });
});
