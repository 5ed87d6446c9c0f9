import { describe, expect, test } from 'vitest';
import { extractQuantities, quantityConflicts } from './quantities.ts';

describe('extractQuantities', () => {
  test.each([
    ['each of them expelled 60 diplomats and closed consulates', [['number', '60', '60 diplomats']]],
    ['expelled more than 150 Russian diplomats.', [['number', '150', 'more than 150 Russian diplomats']]],
    ['in a telephone call on March 20, 2018', [['date', '03-20', 'March 20, 2018'], ['date', 'year:2018', 'March 20, 2018']]],
    ['during the call on 20 March', [['date', '03-20', '20 March']]],
    ['his last visit came in 2007', [['date', 'year:2007', '2007']]],
    ['the two leaders meet on Monday', [['date', 'weekday:monday', 'Monday']]],
    ['one of the participants', []],
    ['about 22% of adults', [['number', '22', 'about 22%']]],
    // Scales written as suffixes keep every digit and multiply ("$4.1bn" was once read as $4).
    ['a deal worth $4.1bn, officials said', [['number', '4100000000', '$4.1bn']]],
    ['a £12bn plan', [['number', '12000000000', '£12bn plan']]],
    ['revenue of €2,300m', [['number', '2300000000', '€2,300m']]],
    ['raised 4.1 billion dollars', [['number', '4100000000', '4.1 billion dollars']]],
    ['a 5m wall', [['number', '5', '5m wall']]],
  ])('%s', (text, expected) => {
    expect(extractQuantities(text).map((q) => [q.kind, q.value, q.phrase])).toEqual(expected);
  });
});

describe('quantityConflicts', () => {
  const conflicts = (a: string, b: string): string[] =>
    quantityConflicts(extractQuantities(a), extractQuantities(b)).map((c) => `${c.a.phrase} / ${c.b.phrase}`);

  test.each([
    ['each of them expelled 60 diplomats', 'the U.S. expelled more than 150 Russian diplomats', ['60 diplomats / more than 150 Russian diplomats']],
    ['Russia expelled 60 American diplomats', 'the administration expelled 60 Russian diplomats', []],
    ['60 diplomats were expelled', 'in 25 other countries', []],
    ['the call on March 20', 'the phone call on 20 March', []],
    ['the call on March 20', 'the call on March 22', ['March 20 / March 22']],
    ['a statement on Monday', 'the call on March 20', []],
    ['a deal worth $4.1bn', 'the deal, worth 4.1 billion dollars', []],
  ])('%s | %s', (a, b, expected) => {
    expect(conflicts(a, b)).toEqual(expected);
  });
});
