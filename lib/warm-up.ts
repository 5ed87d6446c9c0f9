// Warming up a background that has just started: once it has answered the first page and read
// the search index ahead, it analyses the newest stored articles as a reader opening them would,
// and drops the results. Two things carry over to the pages the reader opens next:
//   - the engine's code: V8 optimizes a function only once it has run for a while, and a warm
//     page runs much of its code a dozen times (a dozen new sentences featurized, say); a young
//     background's pages took a few milliseconds more than an older one's;
//   - what analyses keep per corpus article (sentence entries and features, term vectors,
//     candidate rows, framing read of sentence pairs), for the newest coverage and the articles
//     it aligns with: what today's pages are matched and aligned against.
// Nothing is kept that a page's own analysis would not have kept, and results do not depend on
// it (./warm-up.test.ts: pages analysed after a warm-up answer as one compile does). A page
// arriving meanwhile goes first (whenIdle); one arriving during a warm-up analysis shares the
// background with it until that analysis ends.
import { analyzeAsync } from './analyze.ts';
import type { Corpus } from './corpus/corpus.ts';
import type { ArticleInput } from './result.ts';

/**
 * Newest articles analysed by a warm-up, once after each start of the background. On the kept
 * 40,000-article step of the growth bench (Node), the warm median of the pages after it was about
 * 18.5 ms with none, 16 with 16 (0.45 s of warm-up), 13-17 with 32 (0.8 s) and 12-13 with 64
 * (1.2-1.5 s): 32 costs about what the read-ahead before it does. In Chromium's background, 32
 * took 0.6 s, and the warm median went from 19.2 to 14.6 ms (bench/browser-warm.json).
 */
export const WARM_UP_ARTICLES = 32;

export interface WarmUpOptions {
  /** Stops the warm-up between analyses (the corpus was reopened: a refresh, a merge, the options page). */
  signal?: AbortSignal;
  /** Articles to analyse (default WARM_UP_ARTICLES). */
  articles?: number;
  /** Waited for before each analysis: the background's pages go first. */
  whenIdle?: () => Promise<void>;
}

/** A stored article as the page a reader would open: its text, title, outlet, date and address. */
function asPage(corpus: Corpus, index: number): ArticleInput {
  const a = corpus.article(index);
  return { id: a.id, url: a.url ?? undefined, title: a.title ?? undefined, outlet: a.outlet, published: a.published ?? undefined, text: corpus.text(index) };
}

/**
 * Analyses the newest articles of the corpus (the readable version of each group, each once),
 * newest first, and drops the results; returns how many it analysed.
 */
export async function warmUp(corpus: Corpus, options: WarmUpOptions = {}): Promise<number> {
  const wanted = options.articles ?? WARM_UP_ARTICLES;
  let analysed = 0;
  for (let index = corpus.indexEnd - 1; index >= 0 && analysed < wanted; index--) {
    if (corpus.isRemoved(index) || corpus.primaryVersion(index) !== index) continue;
    await options.whenIdle?.();
    if (options.signal?.aborted) break;
    // Its text and its index row (title, address), as a page's own analysis reads its sources'.
    await Promise.all([corpus.loadArticles([index]), corpus.loadIndex({ articles: [index] })]);
    await analyzeAsync(asPage(corpus, index), corpus);
    analysed++;
  }
  return analysed;
}
