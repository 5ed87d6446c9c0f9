import { describe, expect, test } from 'vitest';
import { compileCorpus } from '../corpus/compile.ts';
import { loadCorpus } from '../corpus/corpus.ts';
import { serializeCorpus } from '../corpus/format.ts';
import { matchStories } from './match.ts';

// One-sentence headline-and-lead texts of 100-150 characters: too few shingles for MinHash.
const SHORT = [
  { id: 'a', outlet: 'Left', text: 'Senate Democrats say top NRA officials knew about the Kremlin ties of two Russian nationals.' },
  { id: 'b', outlet: 'Right', text: 'A Senate report says the NRA became a foreign asset for Russia ahead of the 2016 election.' },
  { id: 'c', outlet: 'Centre', text: 'Heavy rain flooded three coastal towns in Brittany on Tuesday and firefighters evacuated 200 residents.' },
];
const corpus = loadCorpus(serializeCorpus(compileCorpus(SHORT, { name: 'short' })));

describe('the same text is itself, however short', () => {
  test.each(SHORT)('an exact copy of $id is $id', (record) => {
    expect(matchStories({ text: record.text }, corpus).self?.id).toBe(record.id);
  });

  test('a near-exact copy (one word changed, punctuation and case aside) is the article', () => {
    const edited = 'senate democrats say top NRA officials knew about the Kremlin ties of 2 Russian nationals';
    expect(matchStories({ text: edited }, corpus).self?.id).toBe('a');
  });

  test('another text on the same subject is not the article', () => {
    const other = 'Top NRA officials knew about Kremlin ties, Senate Democrats say in a new report on Russia.';
    expect(matchStories({ text: other }, corpus).self).toBeNull();
  });

  test('a short page is not a long corpus article that contains it', () => {
    const long = loadCorpus(
      serializeCorpus(compileCorpus([{ id: 'long', outlet: 'X', text: `${SHORT[0]!.text}\n${SHORT[1]!.text}\n${SHORT[2]!.text}\nThe committee released the documents after an investigation of eighteen months.` }], { name: 'long' })),
    );
    expect(matchStories({ text: SHORT[0]!.text }, long).self).toBeNull();
  });
});
