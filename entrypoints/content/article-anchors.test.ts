import { describe, expect, test } from 'vitest';
import { anchorSentences, type ExtractedArticle } from './article-anchors';
import { createBudget } from './work-budget';
import type { SentenceSpan } from '@/lib/result';

function article(paragraphs: string[][]): { article: ExtractedArticle; sentences: SentenceSpan[] } {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  const sentences: SentenceSpan[] = [];
  for (const paragraph of paragraphs) {
    if (text) text += '\n\n';
    const start = text.length;
    paragraph.forEach((sentence, i) => {
      if (i > 0) text += ' ';
      sentences.push({ index: sentences.length, start: text.length, end: text.length + sentence.length, text: sentence });
      text += sentence;
    });
    spans.push({ start, end: text.length });
  }
  return { article: { title: null, text, paragraphs: spans }, sentences };
}

const budget = () => createBudget(new AbortController().signal, 1e9);

describe('anchorSentences', () => {
  test('anchors each sentence inside its paragraph, not in a teaser that repeats it', async () => {
    const { article: a, sentences } = article([
      ['Peskov denied it.', 'No meeting is planned.'],
      ['Sixty diplomats were expelled.'],
    ]);
    const live = 'Most read: Peskov denied it. Menu Peskov denied it. No meeting is planned. Sixty diplomats were expelled. Footer';
    const anchors = await anchorSentences(live, a, sentences, budget());
    expect(anchors.map((x) => x && live.slice(x.start, x.end))).toEqual(sentences.map((s) => s.text));
    expect(anchors[0]!.start).toBe(live.indexOf('Peskov denied it. No'));
  });

  test('falls back to single sentences when the paragraph differs on the page', async () => {
    const { article: a, sentences } = article([['The first sentence of the story is here.', 'The second sentence follows it closely.']]);
    const live = 'The first sentence of the story is here. [Share this] The second sentence follows it closely.';
    const anchors = await anchorSentences(live, a, sentences, budget());
    expect(anchors.map((x) => x && live.slice(x.start, x.end))).toEqual(sentences.map((s) => s.text));
  });

  test('leaves a sentence unanchored when it is not on the page', async () => {
    const { article: a, sentences } = article([['Present here.'], ['Absent from the live page entirely.']]);
    const anchors = await anchorSentences('Present here.', a, sentences, budget());
    expect(anchors[0]).not.toBeNull();
    expect(anchors[1]).toBeNull();
  });
});
