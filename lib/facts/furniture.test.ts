import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { segmentSentences } from '../text/index.ts';
import { furnitureRanges, furnitureSentences, isCreditLine } from './furniture.ts';

const seed = (name: string): string => readFileSync(new URL(`../../corpus/seeds/${name}`, import.meta.url), 'utf8');
const furniture = (text: string): string[] => furnitureRanges(text).map(([s, e]) => text.slice(s, e));

describe('isCreditLine', () => {
  test.each(['Reuters/Carlos Barria', 'Jorge Silva / AFP - Getty Images', 'Mikhail Klimentyev / Sputnik via AP', 'AFP via Getty Images', '(AP Photo/Evan Vucci)', 'Photo: Jane Doe/Reuters'])(
    'credit: %s',
    (line) => expect(isCreditLine(line)).toBe(true),
  );
  test.each(['The White House said Monday that a meeting could take place.', 'Mr. Putin / Mr. Trump and their aides met for two hours in the hall.', 'SHARE THIS —', 'MOSCOW —'])(
    'not a credit: %s',
    (line) => expect(isCreditLine(line)).toBe(false),
  );
});

describe('furnitureRanges', () => {
  test('word limits count runs of any white space: at most 10 words for a credit, 60 for a caption', () => {
    expect(isCreditLine('Photo:\tAnn Bea Cid Doe\u00a0/\u00a0Eve Fay Gil Hal')).toBe(true);
    expect(isCreditLine('Photo:\tAnn Bea Cid Doe\u00a0/\u00a0Eve Fay Gil Hal - Reuters')).toBe(false);
    const caption = (words: number): string => `FILE - ${Array.from({ length: words - 2 }, (_, i) => `word${i}`).join(' \u2003')}`;
    expect(furniture(`${caption(60)}\nThe story goes on.`)).toEqual([caption(60)]);
    expect(furniture(`${caption(61)}\nThe story goes on.`)).toEqual([]);
  });

  test('a caption with its credit glued on (NBC seed)', () => {
    const found = furniture(seed('002_61e61ccaf47142ac.txt'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^Russian President Vladimir Putin and President Donald Trump speak during .* Getty Images$/);
  });

  test('captions above a credit line, and the credit lines (003 seed)', () => {
    const found = furniture(seed('003_993b0c92ecd09660.txt'));
    expect(found).toEqual([
      expect.stringMatching(/^FILE PHOTO: Russia's President Vladimir Putin talks to/),
      'Reuters/Carlos Barria',
      expect.stringMatching(/^U\.S\. President Donald Trump and Russia's President Vladimir Putin talk during the family photo session/),
      'Reuters/Jorge Silva',
    ]);
  });

  test('a caption with a "Credit" label flattened onto it', () => {
    const text = 'Representative Blake Farenthold, Republican of Texas, in December at the Capitol.CreditJoshua Roberts/Reuters\nWASHINGTON — Representative Blake Farenthold resigned on Friday.';
    expect(furniture(text)).toEqual(['Representative Blake Farenthold, Republican of Texas, in December at the Capitol.CreditJoshua Roberts/Reuters']);
  });

  test('story paragraphs stay, even above a bare picture credit or ending with an agency name', () => {
    const text = [
      'The minister resigned on Friday after weeks of pressure.',
      'Getty Images',
      'He had denied any wrongdoing, his office said in a statement.',
    ].join('\n');
    expect(furniture(text)).toEqual(['Getty Images']);
  });

  test('a slash between words of story text is no credit; a credit after a slash may go on "via" an agency', () => {
    const text = [
      'One of the 14 Kurds pointed at the word "refugee" in an English/Turkish dictionary.',
      'Officials said the talks would go on and/or resume in Ankara',
      'Soldiers patrol a street in Afrin on March 20, 2018.Jane Doe / Sputnik via AP',
    ].join('\n');
    expect(furniture(text)).toEqual(['Soldiers patrol a street in Afrin on March 20, 2018.Jane Doe / Sputnik via AP']);
  });

  test('the plain NYT seed and a text without line breaks have none', () => {
    expect(furniture(seed('001_4938277a76e1a9f3.txt'))).toEqual([]);
    expect(furniture(seed('000_0812b1be2a60d229.txt'))).toEqual([]);
  });
});

test('furnitureSentences names the caption sentences by index', () => {
  const text = 'Leaders met in Danang on Monday.\nTwo leaders talk during the summit in Danang, Vietnam\nReuters/Jorge Silva\nThey agreed to meet again.';
  const sentences = segmentSentences(text);
  const marked = [...furnitureSentences(text, sentences)].map((i) => sentences[i]!.text);
  expect(marked).toEqual(['Two leaders talk during the summit in Danang, Vietnam', 'Reuters/Jorge Silva']);
});

test('furnitureSentences of a few sentences (a reuse source) marks them as it does among all of them', () => {
  // Link titles stand in a list opened paragraphs before; a caption is known by the credit under it.
  const text = [
    'The White House said no meeting had been scheduled.',
    'Related Coverage',
    'Kremlin denies Ushakov account of Trump call',
    'Russia expels 60 US diplomats in tit-for-tat move',
    'Two leaders talk during the summit in Danang, Vietnam',
    'Reuters/Jorge Silva',
    'Sanders said the two leaders had discussed a number of potential venues.',
  ].join('\n');
  const sentences = segmentSentences(text);
  const all = furnitureSentences(text, sentences);
  expect([...all].map((i) => sentences[i]!.text)).toEqual(sentences.slice(1, 6).map((s) => s.text));
  for (const s of sentences) expect(furnitureSentences(text, [s]).has(s.index)).toBe(all.has(s.index));
  // Out of text order too.
  expect([...furnitureSentences(text, [...sentences].reverse())].sort()).toEqual([...all].sort());
});

test('captions and credits of the seeds are no facts, omissions or unique sentences of an analysis', async () => {
  const { analyze } = await import('../analyze.ts');
  const { compileCorpus } = await import('../corpus/compile.ts');
  const { loadCorpus } = await import('../corpus/corpus.ts');
  const { serializeCorpus } = await import('../corpus/format.ts');
  const { SEED_IDS, seedRecords } = await import('../corpus/test-seeds.ts');
  const records = seedRecords();
  const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'seeds' })));
  const caption = /FILE PHOTO|Reuters\/|Getty Images|family photo session|speak during the Asia-Pacific/;
  for (const id of [SEED_IDS.nytReadable, SEED_IDS.nbc, SEED_IDS.unverified]) {
    const article = records.find((r) => r.id === id)!;
    const result = analyze({ text: article.text, published: article.published }, corpus);
    const sentences = [
      ...result.facts.flatMap((f) => [f.sentence.text, ...f.passages.map((p) => p.text)]),
      ...result.omissions.map((o) => o.text),
      ...result.unique.map((u) => u.text),
    ];
    expect(sentences.filter((s) => caption.test(s))).toEqual([]);
    expect(result.facts.length).toBeGreaterThan(5);
  }
});

describe('furniture beyond captions and credits', () => {
  const kept = (text: string) => {
    const ranges = furnitureRanges(text);
    return text.split('\n').filter((line) => line.trim() !== '' && !ranges.some(([s, e]) => text.indexOf(line) >= s && text.indexOf(line) < e));
  };

  test('wire captions opening "FILE -" or "In this … photo" are captions', () => {
    const text = [
      'Russia expelled 60 American diplomats on Thursday, the foreign ministry said.',
      'FILE - In this file photo taken on Friday, July 7, 2017, U.S. President Donald Trump shakes hands with Russian President Vladimir Putin at the G20 summit in Hamburg.',
      'In this Monday, April 2, 2018, photo, Kremlin aide Yuri Ushakov speaks to reporters in Moscow.',
      'The ministry gave no date for the closure.',
    ].join('\n');
    expect(kept(text)).toEqual(['Russia expelled 60 American diplomats on Thursday, the foreign ministry said.', 'The ministry gave no date for the closure.']);
  });

  test('bylines are furniture; a sentence that starts with "By" stays a fact', () => {
    const text = [
      'By Andrew Roth and Julian Borger',
      'By JIM HEINTZ, Associated Press · April 2, 2018',
      'By Monday evening, the Kremlin had confirmed the call and said the two leaders discussed a meeting.',
    ].join('\n');
    expect(kept(text)).toEqual(['By Monday evening, the Kremlin had confirmed the call and said the two leaders discussed a meeting.']);
  });

  test('labelled related links and the link titles listed under "Related" are furniture', () => {
    const text = [
      'The White House said no meeting had been scheduled.',
      'RELATED: Trump says he would be happy to meet Putin at the White House',
      'Related Coverage',
      'Kremlin denies Ushakov account of Trump call',
      'Russia expels 60 US diplomats in tit-for-tat move',
      'Sanders said the two leaders had discussed a number of potential venues.',
    ].join('\n');
    expect(kept(text)).toEqual(['The White House said no meeting had been scheduled.', 'Sanders said the two leaders had discussed a number of potential venues.']);
  });

  test('furniture of a source never aligns: a FILE caption matching the page word for word is no shared fact', async () => {
    const { alignFacts, SentenceFeatureCache } = await import('./align.ts');
    const { segmentSentences } = await import('../text/segment.ts');
    const caption = 'FILE - In this file photo taken on Friday, July 7, 2017, U.S. President Donald Trump shakes hands with Russian President Vladimir Putin at the G20 summit in Hamburg.';
    const pageText = `${caption}\nTrump and Putin first met at the G20 summit in Hamburg in July 2017, where they spoke for more than two hours.`;
    const sourceText = `Trump and Putin first met in Hamburg at the G20 summit in July 2017 and spoke for over two hours.\n${caption}`;
    const { facts, unique, omissions } = alignFacts(
      { text: pageText, sentences: segmentSentences(pageText) },
      [{ articleId: 'other', outlet: 'Other', title: null, text: sourceText, sentences: segmentSentences(sourceText), sameStory: true }],
      { cache: new SentenceFeatureCache() },
    );
    const texts = [...facts.map((f) => f.sentence.text), ...facts.flatMap((f) => f.passages.map((p) => p.text)), ...unique.map((s) => s.text), ...omissions.map((o) => o.text)];
    expect(texts.some((t) => t.startsWith('FILE -'))).toBe(false);
    expect(facts.map((f) => f.sentence.text)).toEqual([expect.stringMatching(/^Trump and Putin first met/)]);
  });
});
