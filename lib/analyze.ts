// The engine's entry point: one article against one corpus, to the one result type.
// Part 1 (story matching) fills self, stories, sentences and corpus; fact alignment (part 2)
// fills facts, omissions, unique, conflicts and coverage from the same-story articles and the
// articles anywhere in the corpus that reuse the page's passages (never the page itself);
// related coverage (follow-ups, background) is aligned apart into `related`.
import type { AnalysisResult, ArticleInput } from './result.ts';
import type { Corpus } from './corpus/corpus.ts';
import { alignCorpusFacts, articlesToRead, planFacts, type FactPlan } from './facts/corpus-facts.ts';
import { pageEntry } from './facts/align.ts';
import { queryShingles } from './facts/passage-index.ts';
import { alignRelatedFacts } from './facts/related-facts.ts';
import { matchStories, type StoryMatchOptions, type StoryMatchResult } from './story/match.ts';
import { matchStoriesAsync, whenIndexLoaded } from './story/match-async.ts';
import type { Strictness } from './settings.ts';

export interface AnalyzeOptions extends StoryMatchOptions {
  /** How sure fact alignment must be (the user's setting); 'balanced' when absent. */
  strictness?: Strictness;
}

export function analyze(article: ArticleInput, corpus: Corpus, options: AnalyzeOptions = {}): AnalysisResult {
  return alignMatched(article, matchStories(article, corpus, options), corpus, options);
}

/**
 * `analyze` for a corpus that reads its articles on demand (segments opened from their index
 * parts, lib/corpus/parts.ts): story matching reads the index alone, the pieces of it the page
 * needs first (./story/match-async.ts); then the articles fact alignment will read are loaded
 * (the sources, the statistics context, related coverage, and the articles whose sentences
 * reuse verification reads), in rounds: a reuse candidate read
 * may fail verification, and the candidates after it are read then (lib/facts/corpus-facts.ts
 * articlesToRead). Then alignment runs. The result is the one `analyze` gives.
 */
export async function analyzeAsync(article: ArticleInput, corpus: Corpus, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  // Reuse is found through the passage index: the pages of it holding the page's shingles are
  // read first, with story matching's first read (they depend on the page alone).
  const match = await matchStoriesAsync(article, corpus, options, (query) => ({
    passages: new Set(query.features.sentences.flatMap((s) => Array.from(queryShingles(s.text)))),
  }));
  const read = { sentences: match.query.features.sentences };
  const plan = await whenIndexLoaded(() => planFacts(read, match.stories, corpus, { self: match.self, excludeIds: options.excludeIds }));
  // Articles loaded by this analysis (those an earlier one loaded are loaded again at no cost).
  const readable = new Set<number>();
  // Each round reads what the one before found missing, until alignment misses nothing; that
  // last round's plan carries its reuse choice, which alignment then takes as made.
  let round = 0;
  let next = await whenIndexLoaded(() => articlesToRead(read, match.stories, corpus, plan, readable, round));
  while (next.ready === undefined) {
    // Their index rows too: the results show their titles and URLs (lib/corpus/index-pieces.ts).
    await Promise.all([corpus.loadArticles(next.missing), corpus.loadIndex({ articles: next.missing })]);
    for (const index of next.missing) readable.add(index);
    round += 1;
    next = await whenIndexLoaded(() => articlesToRead(read, match.stories, corpus, plan, readable, round));
  }
  // Alignment reads the index rows of the matched articles, which matching read already.
  const ready = next.ready;
  return whenIndexLoaded(() => alignMatched(article, match, corpus, options, ready));
}

/** Fact alignment (part 2) for the stories matched, and the result. */
function alignMatched(article: ArticleInput, match: StoryMatchResult, corpus: Corpus, options: AnalyzeOptions, plan?: FactPlan): AnalysisResult {
  // Story matching segmented the text already (segmentSentences); no second pass.
  const sentences = match.query.features.sentences;
  // The page as alignment reads it: its sentences' meaning vectors were computed with its other features.
  const read = { text: article.text, sentences, outlet: article.outlet ?? null, meaning: match.query.features.meaning };
  // Read once: same-event and related alignment share the page's entries and their features.
  const page = { ...read, entry: pageEntry(read) };
  const alignment = alignCorpusFacts(page, match.stories, corpus, {
    strictness: options.strictness,
    self: match.self,
    excludeIds: options.excludeIds,
  }, plan);
  return {
    self: match.self,
    stories: match.stories,
    sentences,
    facts: alignment.facts,
    omissions: alignment.omissions,
    unique: alignment.unique,
    conflicts: alignment.conflicts,
    coverage: alignment.coverage,
    related: alignRelatedFacts(page, match.stories, corpus, { strictness: options.strictness }),
    corpus: corpus.summary,
  };
}
