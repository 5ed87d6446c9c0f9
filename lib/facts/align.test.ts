import { beforeAll, describe, expect, test } from 'vitest';
import { SEED_IDS, seedRecords } from '../corpus/test-seeds.ts';
import { segmentSentences } from '../text/segment.ts';
import { alignFacts, SentenceFeatureCache, type FactAlignment, type FactSource } from './align.ts';

const records = seedRecords();
const record = (id: string) => records.find((r) => r.id === id)!;

function source(id: string, sameStory = true): FactSource {
  const r = record(id);
  return { articleId: r.id, outlet: r.outlet, title: r.title ?? null, text: r.text, sentences: segmentSentences(r.text), sameStory };
}

const nyt = record(SEED_IDS.nytReadable);
const article = { text: nyt.text, sentences: segmentSentences(nyt.text), outlet: nyt.outlet };
let result: FactAlignment;

beforeAll(() => {
  result = alignFacts(article, [source(SEED_IDS.nbc), source(SEED_IDS.unverified), source(SEED_IDS.newYorker)], { cache: new SentenceFeatureCache() });
});

/** The passages aligned with the first sentence of 001 that matches `pattern`. */
function passagesFor(pattern: RegExp) {
  const fact = result.facts.find((f) => pattern.test(f.sentence.text));
  return fact?.passages ?? [];
}

describe('alignFacts on the seeds (001 against 002, 003, 004)', () => {
  test.each([
    ['Ushakov: Trump proposed the meeting in the 20 March call', /Yuri Ushakov, said in Moscow/, /Ushakov|Kremlin aide|Kremlin said/],
    ['the White House confirmed it was among "a number of potential venues"', /a number of potential venues/, /venues/],
    ['Peskov’s denial', /Peskov, discounted it/, /Peskov/],
    ['the 60 expelled diplomats', /expelled 60 diplomats/, /60 .*diplomats/],
    ['the Skripal poisoning', /nerve agent attack on Sergei V\. Skripal/, /poisoning|Skripal/],
    ['no meeting planned before the G-20 in Argentina in November', /no plans to get together before November/, /Argentina/],
  ])('shares %s with NBC (002) and/or 003', (_name, ours, theirs) => {
    const passages = passagesFor(ours).filter((p) => p.articleId === SEED_IDS.nbc || p.articleId === SEED_IDS.unverified);
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.some((p) => theirs.test(p.text))).toBe(true);
    for (const p of passages) {
      expect(p.score).toBeGreaterThan(0);
      expect(p.reasons.length).toBeGreaterThan(0);
      expect(record(p.articleId).text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  test('lists Trump congratulating Putin on his re-election, reported by 002 and 003, among omissions', () => {
    const omission = result.omissions.find((o) => /congratulat/i.test(o.text));
    expect(omission).toBeDefined();
    expect(omission!.reportedBy.map((r) => r.articleId).sort()).toEqual([SEED_IDS.nbc, SEED_IDS.unverified]);
    expect(omission!.outletCount).toBe(2);
    for (const r of omission!.reportedBy) expect(r.text).toMatch(/congratulat/i);
  });

  test('omissions are ranked by the number of outlets reporting them', () => {
    const counts = result.omissions.map((o) => o.outletCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  test('lists Putin’s 2007 visit to Kennebunkport as unique to this article', () => {
    expect(result.unique.some((s) => /2007/.test(s.text) && /Kennebunkport/.test(s.text))).toBe(true);
    const factSentences = new Set(result.facts.map((f) => f.sentence.index));
    for (const s of result.unique) expect(factSentences.has(s.index)).toBe(false);
  });

  test('every passage carries a diff that rebuilds both sentences', () => {
    for (const fact of result.facts) {
      for (const p of fact.passages) {
        expect(p.diff.filter((d) => !d.added).map((d) => d.value).join('')).toBe(fact.sentence.text);
        expect(p.diff.filter((d) => !d.removed).map((d) => d.value).join('')).toBe(p.text);
      }
    }
  });

  test('the coverage matrix has one row per fact and one column per same-story article', () => {
    expect(result.coverage.outlets.map((o) => o.articleId)).toEqual([SEED_IDS.nbc, SEED_IDS.unverified, SEED_IDS.newYorker]);
    expect(result.coverage.rows.map((r) => r.sentenceIndex)).toEqual(result.facts.map((f) => f.sentence.index));
    for (const row of result.coverage.rows) expect(row.cells).toHaveLength(3);
  });

  test('an article of another story counts only for reused text', () => {
    const other = source(SEED_IDS.nbc, false);
    const reuse = alignFacts(article, [other], { cache: new SentenceFeatureCache() });
    for (const fact of reuse.facts) {
      for (const p of fact.passages) expect(p.reasons.some((r) => r === 'reuse' || r === 'quote')).toBe(true);
    }
    expect(reuse.omissions).toEqual([]);
    expect(reuse.coverage.outlets).toEqual([]);
  });

  test('with no sources every fact-bearing sentence is unique', () => {
    const alone = alignFacts(article, []);
    expect(alone.facts).toEqual([]);
    expect(alone.unique.length).toBeGreaterThan(20);
  });

  test('the same fact with other figures is aligned and listed as a conflict', () => {
    const ours = 'Each of the two countries expelled 60 diplomats and closed consulates after the poisoning of Sergei V. Skripal in Salisbury. The Kremlin denied any role.';
    const theirs = 'Washington and its allies ordered Russian envoys out this week. The United States expelled more than 150 Russian diplomats and closed consulates after the poisoning of Sergei Skripal in Salisbury.';
    const aligned = alignFacts(
      { text: ours, sentences: segmentSentences(ours) },
      [{ articleId: 'wire', outlet: 'Wire', title: null, text: theirs, sentences: segmentSentences(theirs), sameStory: true }],
      { cache: new SentenceFeatureCache() },
    );
    const fact = aligned.facts.find((f) => /60 diplomats/.test(f.sentence.text));
    expect(fact?.conflict).toBe(true);
    expect(fact?.passages[0]?.labels.find((l) => l.kind === 'number')).toMatchObject({ thisText: '60 diplomats', otherText: 'more than 150 Russian diplomats' });
    expect(aligned.conflicts).toEqual([
      { kind: 'number', sentenceIndex: 0, thisValue: '60 diplomats', otherValue: 'more than 150 Russian diplomats', articleId: 'wire', outlet: 'Wire' },
    ]);
  });
});

describe('alignment in context', () => {
  const page = (text: string) => ({ text, sentences: segmentSentences(text) });
  const other = (id: string, text: string): FactSource => ({ articleId: id, outlet: id, title: null, text, sentences: segmentSentences(text), sameStory: true });

  test('an act with actor and target reversed is another fact, however many words it shares', () => {
    const mine = page('The U.S. expelled 60 Russian diplomats on Monday over the poisoning of a former spy in Britain. The Kremlin called the move hostile.');
    const reversed = other('rev', 'Russia responded by expelling 60 U.S. diplomats on Monday over the poisoning of a former spy in Britain. Moscow also closed a consulate.');
    const same = other('same', 'Sixty Russian diplomats were expelled by the United States on Monday over the poisoning of a former spy in Britain.');
    const { facts } = alignFacts(mine, [reversed, same], { cache: new SentenceFeatureCache() });
    const expelled = facts.find((f) => f.sentence.index === 0);
    expect(expelled?.passages.map((p) => p.articleId)).toEqual(['same']);
  });

  test('a sentence aligns with at most two sentences of one article', () => {
    const mine = page('Putin and Trump discussed a White House meeting in a March 20 telephone call, the Kremlin said.');
    const many = other(
      'many',
      'Putin and Trump discussed a White House meeting in a telephone call on March 20, the Kremlin said. ' +
        'The Kremlin said Putin and Trump discussed a meeting at the White House in their March 20 call. ' +
        'In a March 20 phone call, Trump and Putin discussed meeting at the White House, according to the Kremlin.',
    );
    const { facts } = alignFacts(mine, [many], { cache: new SentenceFeatureCache() });
    expect(facts[0]!.passages.length).toBe(2);
  });
});

test('factsOnly gives the same facts and conflicts, and skips the rest', () => {
  const sources = [source(SEED_IDS.nbc), source(SEED_IDS.unverified), source(SEED_IDS.newYorker)];
  const only = alignFacts(article, sources, { cache: new SentenceFeatureCache(), factsOnly: true });
  expect(result.facts.length).toBeGreaterThan(0);
  expect(only.facts).toEqual(result.facts);
  expect(only.conflicts).toEqual(result.conflicts);
  expect([only.omissions, only.unique, only.coverage.rows]).toEqual([[], [], []]);
});
