// Maps the extracted article's sentences (offsets into the article text) to spans of the page's
// rendered text. Whole paragraphs are matched first, which pins each sentence inside its own
// paragraph even when the same words appear elsewhere (teasers, pull quotes); a sentence is
// matched on its own only where its paragraph could not be found verbatim.
import type { SentenceSpan } from '@/lib/result';
import type { ExtractedArticle } from '@/utils/page-analysis/article';
import { findExact, findQuote, type QuoteMatch } from './quote-match';
import { yieldToPage, type WorkBudget } from './work-budget';

export type { ExtractedArticle };


/** A sentence's place in the live text index, or null when it could not be anchored. */
export type SentenceAnchor = QuoteMatch | null;

export async function anchorSentences(
  liveText: string,
  article: ExtractedArticle,
  sentences: readonly SentenceSpan[],
  budget: WorkBudget,
): Promise<SentenceAnchor[]> {
  const anchors: SentenceAnchor[] = new Array<SentenceAnchor>(sentences.length).fill(null);
  let cursor = 0;
  let next = 0;
  for (const paragraph of article.paragraphs) {
    const quote = article.text.slice(paragraph.start, paragraph.end);
    const at = findExact(liveText, quote, cursor);
    // Sentences that start in this paragraph.
    const first = next;
    while (next < sentences.length && sentences[next]!.start < paragraph.end) next++;
    for (let i = first; i < next; i++) {
      const sentence = sentences[i]!;
      const inside = sentence.start >= paragraph.start && sentence.end <= paragraph.end;
      if (at !== -1 && inside) {
        const start = at + (sentence.start - paragraph.start);
        anchors[i] = { start, end: start + (sentence.end - sentence.start), exact: true };
      } else {
        anchors[i] = findQuote(liveText, article.text.slice(sentence.start, sentence.end), cursor);
      }
      if (anchors[i]) cursor = Math.max(cursor, anchors[i]!.end);
    }
    if (at !== -1) cursor = Math.max(cursor, at + quote.length);
    if (budget.spent()) await yieldToPage(budget);
  }
  return anchors;
}
