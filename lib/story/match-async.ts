// Story matching over a corpus that reads its index on demand (segments stored with index pieces,
// lib/corpus/index-pieces.ts): the page's query first (vocabulary and document frequencies, read
// at opening), then the postings of the rare terms retrieval looks up, then the candidates' index
// rows, each read in one batch before the step that needs it; then matching runs as over any
// corpus. Whatever a step reads that was not foreseen is loaded when it asks (IndexNotLoadedError)
// and matching starts again from the page: the result is always the one `matchStories` gives.
import type { ArticleInput } from '../result.ts';
import type { Corpus, IndexRequest } from '../corpus/corpus.ts';
import { IndexNotLoadedError } from '../corpus/index-pieces.ts';
import { queryTerms, rareQueryTerms, retrieveCandidates } from './candidates.ts';
import { matchStories, type StoryMatchOptions, type StoryMatchResult } from './match.ts';
import { buildStoryQuery, type StoryQuery } from './query.ts';

/** Runs `step` until it reads nothing of the index that is not loaded, loading what it asked for each time. */
export async function whenIndexLoaded<T>(step: () => T): Promise<T> {
  for (;;) {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof IndexNotLoadedError)) throw error;
      await error.load();
    }
  }
}

/**
 * `alsoRead` names pieces a later step will read that the page alone decides (fact alignment's
 * passage pages): they are read with the rare terms' lists, in the same round. In a browser each
 * round waits for IndexedDB in another process, so a round saved is that wait saved.
 */
export async function matchStoriesAsync(article: ArticleInput, corpus: Corpus, options: StoryMatchOptions = {}, alsoRead?: (query: StoryQuery) => Pick<IndexRequest, 'passages' | 'articles'>): Promise<StoryMatchResult> {
  const query = await whenIndexLoaded(() => buildStoryQuery(article, corpus));
  // The rare terms' lists first; the commoner ones' (all at once) only if retrieval widens to them.
  // With them, the LSH buckets retrieval looks the page's near-duplicates up in.
  await corpus.loadIndex({ ...alsoRead?.(query), terms: await whenIndexLoaded(() => rareQueryTerms(query, corpus)), signatures: [query.fingerprint.signature] });
  let candidates: number[];
  try {
    candidates = retrieveCandidates(query, corpus);
  } catch (error) {
    if (!(error instanceof IndexNotLoadedError)) throw error;
    await corpus.loadIndex({ terms: queryTerms(query).map(([termId]) => termId) });
    candidates = await whenIndexLoaded(() => retrieveCandidates(query, corpus));
  }
  // The candidates' rows, and those of the versions a story is shown as (their titles and URLs are in the rows).
  await corpus.loadIndex({ articles: [...candidates, ...candidates.map((c) => corpus.primaryVersion(c))] });
  try {
    return matchStories(article, corpus, options, { query, candidates });
  } catch (error) {
    if (!(error instanceof IndexNotLoadedError)) throw error;
    // Matching changes its query as it goes: a read not foreseen starts it again from the page.
    await error.load();
    return whenIndexLoaded(() => matchStories(article, corpus, options));
  }
}
