// Fact alignment against a loaded corpus. The sources are the same-story articles story
// matching ranked (any shared fact counts), and the articles anywhere in the corpus that reuse
// a passage of the page verbatim, found through the corpus-wide passage index (a shared
// quotation or wire paragraph counts whatever the story). The passage index is compiled with
// the corpus; sentence features are cached per corpus, so each corpus article is processed once.
import type { SelfMatch, SentenceSpan, StoryMatch } from '../result.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { alignFacts, SentenceFeatureCache, type FactAlignment, type FactArticle, type FactSource } from './align.ts';
import { REUSE_MIN_WORDS } from './compare.ts';
import { foldedWords } from '../text/normalize.ts';
import { findReusedPassages, longestSharedRun, type PassageHit } from './passage-index.ts';
import type { Strictness } from '../settings.ts';

/**
 * Same-story articles aligned at most, best ranked first: the views show a handful of outlets,
 * and alignment time grows with each one.
 */
export const MAX_SAME_STORY_SOURCES = 8;
/**
 * Ranked articles beyond the same-story ones whose sentences join alignment's term statistics
 * (not compared): what is common in the coverage around the story weighs less.
 */
export const STATS_CONTEXT_ARTICLES = 3;
/**
 * Articles of other stories aligned for the page's reused passages, at most, and per sentence
 * of the page: one other copy shows that a passage is reused (wire copy, a press release);
 * more would crowd out of alignment's few candidates the same-story outlets that reworded it,
 * and cost time (on the 10k-article bench, where every sentence recurs in about ten articles,
 * 8 and 2 took 2.5 ms more CPU per analysis than 4 and 1).
 */
export const MAX_REUSE_SOURCES = 4;
export const MAX_REUSE_PER_SENTENCE = 1;

/**
 * A sentence of another story is a reuse source only when the verbatim run it shares with the
 * page's sentence is at least this share of the longer of the two. Across stories, shorter
 * shared runs were wrong on BASIL (300 articles, 100 events, no wire copy across events): a
 * stock apposition ("Senator Mark Warner of Virginia, the top Democrat on the Senate
 * Intelligence Committee") or a programme's name ("on the CNN program State of the Union")
 * inside two different statements. A reused wire sentence or quotation covers most of both.
 */
export const MIN_REUSED_SHARE = 0.5;

const caches = new WeakMap<Corpus, SentenceFeatureCache>();

/** The sentence-feature cache of a loaded corpus (created on first use). */
export function factCache(corpus: Corpus): SentenceFeatureCache {
  let cache = caches.get(corpus);
  if (cache === undefined) {
    cache = new SentenceFeatureCache();
    caches.set(corpus, cache);
  }
  return cache;
}

function source(corpus: Corpus, index: number, sameStory: boolean, sentences?: SentenceSpan[]): FactSource {
  const a = corpus.article(index);
  return {
    articleId: a.id,
    outlet: a.outlet,
    title: a.title,
    text: corpus.text(index),
    sentences: sentences ?? corpus.sentences(index),
    sameStory,
    meaning: corpus.sentenceMeaning(index),
  };
}

/** Corpus indices of the same-story sources: story matching's ranked same-story articles, at most MAX_SAME_STORY_SOURCES. */
function storySourceIndices(stories: readonly StoryMatch[], corpus: Corpus): number[] {
  const indices: number[] = [];
  for (const story of stories) {
    if (!story.sameStory) continue;
    const index = corpus.indexOf(story.id);
    if (index < 0) continue;
    indices.push(index);
    if (indices.length >= MAX_SAME_STORY_SOURCES) break;
  }
  return indices;
}

/** Same-story sources from story matching's ranked stories (self and versions excluded there). */
export function storySources(stories: readonly StoryMatch[], corpus: Corpus): FactSource[] {
  return storySourceIndices(stories, corpus).map((index) => source(corpus, index, true));
}

export interface ReuseOptions {
  /** Version groups (primary article indexes) never to search: the page itself, sources already aligned. */
  excludeGroups?: ReadonlySet<number>;
}

/** Passage-index hits for the page's sentences outside the excluded groups, most shared first: the candidates reuseSources verifies. */
function reuseHits(sentences: readonly SentenceSpan[], corpus: Corpus, exclude: ReadonlySet<number>): PassageHit[] {
  const hits = findReusedPassages(
    corpus.passageIndex(),
    sentences.map((s) => s.text),
    { skipArticle: (a) => exclude.has(corpus.primaryVersion(a)) },
  );
  hits.sort((a, b) => b.shared - a.shared || a.sentence - b.sentence || a.article - b.article || a.articleSentence - b.articleSentence);
  return hits;
}

/**
 * Articles anywhere in the corpus that reuse passages of the page, each with only the reusing
 * sentences. The index gives candidates; a candidate counts when the two sentences share a
 * verbatim run of REUSE_MIN_WORDS words (compare.ts) covering MIN_REUSED_SHARE of the longer.
 */
export function reuseSources(sentences: readonly SentenceSpan[], corpus: Corpus, options: ReuseOptions = {}): FactSource[] {
  const hits = reuseHits(sentences, corpus, options.excludeGroups ?? new Set<number>());
  const spansByArticle = new Map<number, SentenceSpan[]>();
  const spansOf = (article: number): SentenceSpan[] => {
    let spans = spansByArticle.get(article);
    if (spans === undefined) spansByArticle.set(article, (spans = corpus.sentences(article)));
    return spans;
  };
  const ownWords = new Map<number, string[]>();
  const keptPerSentence = new Map<number, Set<number>>();
  // Reusing sentences by article, in the order articles qualified (most shared first).
  const kept = new Map<number, Set<number>>();
  const groupArticle = new Map<number, number>();
  const verify = (hit: PassageHit): boolean => {
    let mine = ownWords.get(hit.sentence);
    if (mine === undefined) ownWords.set(hit.sentence, (mine = foldedWords(sentences[hit.sentence]!.text)));
    const theirs = foldedWords(spansOf(hit.article)[hit.articleSentence]!.text);
    const run = longestSharedRun(mine, theirs);
    return run >= REUSE_MIN_WORDS && run >= MIN_REUSED_SHARE * Math.max(mine.length, theirs.length);
  };
  for (const hit of hits) {
    // One article per group of versions: the first that qualified.
    const group = corpus.primaryVersion(hit.article);
    const chosen = groupArticle.get(group);
    if (chosen !== undefined && chosen !== hit.article) continue;
    if (chosen === undefined && kept.size >= MAX_REUSE_SOURCES) continue;
    let perSentence = keptPerSentence.get(hit.sentence);
    if (perSentence === undefined) keptPerSentence.set(hit.sentence, (perSentence = new Set()));
    if (perSentence.size >= MAX_REUSE_PER_SENTENCE && !perSentence.has(hit.article)) continue;
    if (!verify(hit)) continue;
    perSentence.add(hit.article);
    groupArticle.set(group, hit.article);
    let reusing = kept.get(hit.article);
    if (reusing === undefined) kept.set(hit.article, (reusing = new Set()));
    reusing.add(hit.articleSentence);
  }
  return [...kept].map(([article, reusing]) => {
    const spans = spansOf(article).filter((s) => reusing.has(s.index));
    return source(corpus, article, false, spans);
  });
}

export interface CorpusFactOptions {
  /** How sure alignment must be that two sentences share a fact (the user's setting). */
  strictness?: Strictness;
  /** The corpus article the page is (story matching's `self`): neither it nor its versions are sources. */
  self?: SelfMatch | null;
  /** Corpus article ids never to use (leave-one-out evaluation queries a corpus article). */
  excludeIds?: readonly string[];
}

/** Version groups never searched for reuse: the page itself and its versions, excluded ids, the same-story sources. */
function excludedGroups(sourceIndices: readonly number[], corpus: Corpus, options: CorpusFactOptions): Set<number> {
  const excludeGroups = new Set<number>();
  const excludeId = (id: string) => {
    const index = corpus.indexOf(id);
    if (index >= 0) excludeGroups.add(corpus.primaryVersion(index));
  };
  if (options.self) {
    excludeId(options.self.id);
    for (const id of options.self.versions ?? []) excludeId(id);
  }
  for (const id of options.excludeIds ?? []) excludeId(id);
  for (const index of sourceIndices) excludeGroups.add(corpus.primaryVersion(index));
  return excludeGroups;
}

/**
 * Every corpus article fact alignment may read for these stories, without reading one: the
 * ranked stories and their versions (same-story sources, the statistics context and related
 * coverage are among them) and every article the passage index offers as reusing the page's
 * sentences (reuseSources verifies some of them by their text). A corpus opened from index
 * parts loads these before alignment (lib/analyze.ts analyzeAsync).
 */
export function articlesToRead(article: { sentences: readonly SentenceSpan[] }, stories: readonly StoryMatch[], corpus: Corpus, options: CorpusFactOptions = {}): number[] {
  const read = new Set<number>();
  for (const story of stories) {
    const index = corpus.indexOf(story.id);
    if (index >= 0) for (const version of corpus.versions(index)) read.add(version);
  }
  const excludeGroups = excludedGroups(storySourceIndices(stories, corpus), corpus, options);
  for (const hit of reuseHits(article.sentences, corpus, excludeGroups)) read.add(hit.article);
  return [...read];
}

/** Sources for fact alignment: same-story articles, then articles reusing the page's passages. */
export function factSources(
  article: { sentences: readonly SentenceSpan[] },
  stories: readonly StoryMatch[],
  corpus: Corpus,
  options: CorpusFactOptions = {},
): FactSource[] {
  const indices = storySourceIndices(stories, corpus);
  const story = indices.map((index) => source(corpus, index, true));
  const excludeGroups = excludedGroups(indices, corpus, options);
  return [...story, ...reuseSources(article.sentences, corpus, { excludeGroups })];
}

/** Aligns the facts of an analyzed article with the corpus articles that cover its story or reuse its text. */
export function alignCorpusFacts(
  article: FactArticle,
  stories: readonly StoryMatch[],
  corpus: Corpus,
  options: CorpusFactOptions = {},
): FactAlignment {
  const sources = factSources(article, stories, corpus, options);
  return alignFacts(article, sources, { cache: factCache(corpus), strictness: options.strictness, statsContext: statsContext(stories, corpus, sources) });
}

/** The ranked articles of other stories that join the term statistics (see STATS_CONTEXT_ARTICLES), each article counted once. */
export function statsContext(stories: readonly StoryMatch[], corpus: Corpus, sources: readonly FactSource[]): FactSource[] {
  const taken = new Set(sources.map((s) => s.articleId));
  const context: FactSource[] = [];
  for (const story of stories) {
    if (story.sameStory) continue;
    if (context.length >= STATS_CONTEXT_ARTICLES) break;
    const index = corpus.indexOf(story.id);
    if (index < 0 || taken.has(story.id)) continue;
    context.push(source(corpus, index, false));
  }
  return context;
}
