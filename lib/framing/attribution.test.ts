import { describe, expect, test } from 'vitest';
import { findAttributions } from './attribution.ts';

describe('findAttributions', () => {
  test.each([
    ['Yuri Ushakov said in Moscow that Trump proposed a meeting.', [['said', 'said', 'Yuri Ushakov']]],
    ['Kremlin spokesman Dmitry Peskov, however, told CNN that the reports were not correct.', [['told CNN', 'told', 'Dmitry Peskov']]],
    ['A Kremlin aide told reporters Monday that Trump proposed a meeting.', [['told reporters', 'told', 'A Kremlin aide']]],
    ['A Putin aide, Yuri Ushakov, told Russian news agencies Monday that Trump had invited Putin.', [['told Russian news agencies', 'told', 'Yuri Ushakov']]],
    // The subject before a clause set off by commas, not the name inside it; the verb in the quotation is the speaker's.
    [
      'Sarah Huckabee Sanders, responding to reports that Trump had extended an invitation to Putin, said, "As the president himself confirmed on March 20, the two discussed it."',
      [['said', 'said', 'Sarah Huckabee Sanders']],
    ],
    // The unnamed subject right before the verb, not a name inside a parenthesis.
    ['Following that call — for which Trump was criticized for congratulating Putin — the president told reporters it went well.', [['told reporters', 'told', 'the president']]],
    // Passive: nobody is quoted.
    ['Trump congratulated Putin (he was warned against doing so by his advisers).', []],
    ['No date was set, according to the AP.', [['according to', 'according to', 'AP']]],
    ['“It would be difficult,” Ushakov insisted.', [['insisted', 'insist', 'Ushakov']]],
    ['Trump proposed a meeting at the White House.', []],
    // Announcing one's own act is the act; announcing that someone else will act is a statement.
    ['Last week, Russia announced it would expel 60 American diplomats.', []],
    ['The White House announced that Trump will attend.', [['announced', 'announc', 'White House']]],
    // An auxiliary ends the source.
    ['British and U.S. governments have accused Russia of the attack.', [['accused', 'accus', 'U.S. governments']]],
    // An adverb between the source and its verb is not part of the source.
    ['The tally was much lower, the Washington Post later reported.', [['reported', 'report', 'Washington Post']]],
    // A name inside the quotation is not the speaker.
    ['“I hope the Americans won’t abandon it,” he said.', [['said', 'said', 'he']]],
  ])('%s', (text, expected) => {
    expect(findAttributions(text).map((a) => [a.verb, a.verbKey, a.speaker])).toEqual(expected);
  });
});
