import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../text/segment.ts';
import { contentTerms } from '../text/normalize.ts';
import { splitClauses } from './clauses.ts';
import { articleClauses, articleEntry, localStats } from './entries.ts';

const TEXT =
  'Credit: Pool. ' +
  'The Kremlin said Monday that Trump had invited Putin during the March phone call in which Trump congratulated the Russian president on his re-election victory, according to The Associated Press. ' +
  'Putin and Trump are not scheduled to meet until November in Helsinki.';

describe('article entries', () => {
  const spans = segmentSentences(TEXT);

  it("reads a source's fact clauses when asked, at the positions of their sentences", () => {
    const entry = articleEntry(TEXT, spans);
    expect(entry.clauses).toBeUndefined();
    const clauses = articleClauses(entry);
    expect(clauses.map((c) => [c.sentenceIndex, c.text])).toEqual([
      [1, 'that Trump had invited Putin during the March phone call'],
      [1, 'in which Trump congratulated the Russian president on his re-election victory'],
      [2, 'Putin and Trump are not scheduled to meet until November in Helsinki.'],
    ]);
    // Kept with the entry: read once.
    expect(articleClauses(entry)).toBe(clauses);
  });

  it('gives the page itself no clauses', () => {
    expect(articleClauses(articleEntry(TEXT, spans, false))).toEqual([]);
  });

  it("gives a sentence the terms of all its clauses, frames included, read from the sentence whole", () => {
    const entry = articleEntry(TEXT, spans);
    const sentence = entry.sentences[1]!;
    const byClause = [...new Set(splitClauses(sentence.text).flatMap((c) => contentTerms(c.text)))];
    expect(sentence.terms).toEqual(byClause);
  });

  it('counts each term once per sentence, over the sentences that state facts', () => {
    const page = articleEntry(TEXT, spans, false);
    const other = articleEntry('Putin and Trump will meet in Helsinki in November, the Kremlin said.', segmentSentences('Putin and Trump will meet in Helsinki in November, the Kremlin said.'));
    const stats = localStats([page, other]);
    expect(stats.documents).toBe(3);
    expect(stats.documentFrequency('putin')).toBe(3);
    expect(stats.documentFrequency('helsinki')).toBe(2);
    expect(stats.documentFrequency('congratul')).toBe(1);
    expect(stats.documentFrequency('unseen')).toBe(0);
  });
});
