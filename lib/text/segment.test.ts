import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { segmentSentences, WINDOW_STEP, WINDOW_WORDS } from './segment.ts';

const seedDir = new URL('../../corpus/seeds/', import.meta.url);
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(new URL(f, seedDir), 'utf8')] as const);

describe('segmentSentences', () => {
  test.each([
    ['Mr. Trump called Mr. Putin. He agreed.', ['Mr. Trump called Mr. Putin.', 'He agreed.']],
    ['The spokesman, Dmitri S. Peskov, disagreed. Talks stalled.', ['The spokesman, Dmitri S. Peskov, disagreed.', 'Talks stalled.']],
    ['The attack on Sergei V. Skripal shocked Britain.', ['The attack on Sergei V. Skripal shocked Britain.']],
    ['Russia, the U.S. and its allies expelled 60 diplomats.', ['Russia, the U.S. and its allies expelled 60 diplomats.']],
    ['Sanctions hit the U.S. The Kremlin responded.', ['Sanctions hit the U.S.', 'The Kremlin responded.']],
    ['He was hosted in Kennebunkport, Me. in 2007.', ['He was hosted in Kennebunkport, Me. in 2007.']],
    ['“This is a positive idea,” he said. Nobody objected!', ['“This is a positive idea,” he said.', 'Nobody objected!']],
    ['Headline without a period\nFirst paragraph. Second sentence.', ['Headline without a period', 'First paragraph.', 'Second sentence.']],
    ['• A bullet point.\n  • Another one.', ['A bullet point.', 'Another one.']],
  ])('%s', (text, expected) => {
    const spans = segmentSentences(text);
    expect(spans.map((s) => s.text)).toEqual(expected);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(spans.map((s) => s.index)).toEqual(expected.map((_, i) => i));
  });

  test.each(seeds)('no sentence of %s ends after Mr., an initial, U.S. or Me.', (_name, text) => {
    for (const s of segmentSentences(text)) {
      expect(s.text).not.toMatch(/(\bMr|\bDmitri S|\bSergei V|\bVladimir V|\bU\.S|\bMe)\.$/);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  test('the readable seed keeps its tricky sentences whole', () => {
    const text = seeds.find(([n]) => n.startsWith('001'))![1];
    const sentences = segmentSentences(text).map((s) => s.text);
    expect(sentences.some((s) => s.includes('Kremlin spokesman, Dmitri S. Peskov, discounted it'))).toBe(true);
    expect(sentences.some((s) => s.includes('Kennebunkport, Me. Mr. Obama'))).toBe(true);
    expect(sentences.some((s) => /^Mr\. Trump has remained on friendly terms/.test(s))).toBe(true);
  });

  test('text without sentence boundaries is cut into overlapping word windows', () => {
    const text = seeds.find(([n]) => n.startsWith('000'))![1];
    const spans = segmentSentences(text);
    const words = text.trim().split(/\s+/);
    expect(spans.length).toBe(Math.ceil((words.length - WINDOW_WORDS) / WINDOW_STEP) + 1);
    expect(spans[0]!.text.split(/\s+/).length).toBe(WINDOW_WORDS);
    // Consecutive windows overlap by WINDOW_WORDS - WINDOW_STEP words.
    expect(spans[1]!.start).toBeLessThan(spans[0]!.end);
    expect(spans.at(-1)!.end).toBe(text.trimEnd().length);
  });

  test('empty and whitespace-only text has no sentences', () => {
    expect(segmentSentences('')).toEqual([]);
    expect(segmentSentences('  \n \n')).toEqual([]);
  });
});
