// How long this background took to answer each page, as User Timing measures: the browser's
// developer tools show them in the worker's performance panel, and bench/kept-step/browser-warm.ts
// reads them to time the engine where users run it (issue 15's cold and warm figures, which
// bench:growth measures in Node). A measure is a name and two times kept in the worker's own
// memory, nothing of the page; only the latest are kept.

/** Waiting for the corpus: on the first page after a restart, reading the sentence model and opening the stored corpus; nothing once open. */
export const CORPUS_MEASURE = 'parallax:corpus';
/** The analysis of the page (analyzeAsync): story matching, the reads it needs, fact alignment, framing. */
export const ANALYSIS_MEASURE = 'parallax:analysis';
/**
 * The whole answer to a page's request, as the page waits for it: reading the page's HTML,
 * the settings, the corpus, the analysis, and keeping the result for the tab.
 */
export const ANSWER_MEASURE = 'parallax:answer';
/**
 * Reading the search index ahead after an answer (postings, passage and LSH pages of every
 * segment, the newest articles' index rows; StoredCorpora.readSearchIndex), then the warm-up:
 * once for each opening of the corpus.
 */
export const READ_AHEAD_MEASURE = 'parallax:read-ahead';
/**
 * The warm-up that follows the read-ahead (lib/warm-up.ts: the newest articles analysed, results
 * dropped), inside the read-ahead's measure, which ends after it.
 */
export const WARM_UP_MEASURE = 'parallax:warm-up';
/** Measures of a name kept at most: the older ones are dropped all at once (User Timing clears by name only). */
export const MEASURES_KEPT = 256;

/** Runs `work`, recorded as one measure named `name`, whether it succeeds or throws. */
export async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    if (performance.getEntriesByName(name, 'measure').length >= MEASURES_KEPT) performance.clearMeasures(name);
    performance.measure(name, { start, end: performance.now() });
  }
}
