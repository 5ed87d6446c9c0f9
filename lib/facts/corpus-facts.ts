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

/** A corpus article as an alignment source: its sentences (or only `sentences`, the reusing ones) and their meaning vectors. */
export function factSource(corpus: Corpus, index: number, sameStory: boolean, sentences?: SentenceSpan[]): FactSource {
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

/** The reuse sources chosen from passage-index hits: the reusing sentences of each article, in the order articles qualified. */
export interface ReuseChoice {
  kept: Map<number, Set<number>>;
  /** Articles a verification needed that were not readable (see chooseReuse). */
  unread: Set<number>;
  spansOf: (article: number) => SentenceSpan[];
}

/**
 * What verifying a page's hits found, kept between the rounds of articlesToRead for one plan: a
 * hit on a readable article gets the same verdict each round, and the page's words are the same.
 */
interface ReuseMemo {
  /** The page's sentences' folded words, by sentence. */
  ownWords: Map<number, string[]>;
  verdicts: Map<PassageHit, boolean>;
}

const newReuseMemo = (): ReuseMemo => ({ ownWords: new Map(), verdicts: new Map() });
const reuseMemos = new WeakMap<FactPlan, ReuseMemo>();

/**
 * Verifies the hits, most shared first, up to MAX_REUSE_SOURCES articles and
 * MAX_REUSE_PER_SENTENCE per sentence of the page. With `reading`, an article not readable yet
 * is not read: it is listed in `unread`, and its hit is taken to qualify (`reading.qualifies`)
 * or not, so that what the choice goes on to verify is known too (the articles to read next,
 * lib/analyze.ts). Taking them to qualify reaches the fewest hits; taking them to fail, every
 * hit the true choice may reach.
 */
function chooseReuse(
  sentences: readonly SentenceSpan[],
  hits: readonly PassageHit[],
  corpus: Corpus,
  reading?: { readable: (article: number) => boolean; qualifies: boolean },
  memo: ReuseMemo = newReuseMemo(),
): ReuseChoice {
  const spansByArticle = new Map<number, SentenceSpan[]>();
  const spansOf = (article: number): SentenceSpan[] => {
    let spans = spansByArticle.get(article);
    if (spans === undefined) spansByArticle.set(article, (spans = corpus.sentences(article)));
    return spans;
  };
  const { ownWords, verdicts } = memo;
  const keptPerSentence = new Map<number, Set<number>>();
  // Reusing sentences by article, in the order articles qualified (most shared first).
  const kept = new Map<number, Set<number>>();
  const unread = new Set<number>();
  const groupArticle = new Map<number, number>();
  const verify = (hit: PassageHit): boolean => {
    if (reading !== undefined && !reading.readable(hit.article)) {
      unread.add(hit.article);
      return reading.qualifies;
    }
    let verdict = verdicts.get(hit);
    if (verdict !== undefined) return verdict;
    let mine = ownWords.get(hit.sentence);
    if (mine === undefined) ownWords.set(hit.sentence, (mine = foldedWords(sentences[hit.sentence]!.text)));
    const theirs = foldedWords(spansOf(hit.article)[hit.articleSentence]!.text);
    const run = longestSharedRun(mine, theirs);
    verdict = run >= REUSE_MIN_WORDS && run >= MIN_REUSED_SHARE * Math.max(mine.length, theirs.length);
    verdicts.set(hit, verdict);
    return verdict;
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
  return { kept, unread, spansOf };
}

function reuseSourcesOf(choice: ReuseChoice, corpus: Corpus): FactSource[] {
  return [...choice.kept].map(([article, reusing]) => {
    const spans = choice.spansOf(article).filter((s) => reusing.has(s.index));
    return factSource(corpus, article, false, spans);
  });
}

/**
 * Articles anywhere in the corpus that reuse passages of the page, each with only the reusing
 * sentences. The index gives candidates; a candidate counts when the two sentences share a
 * verbatim run of REUSE_MIN_WORDS words (compare.ts) covering MIN_REUSED_SHARE of the longer.
 */
export function reuseSources(sentences: readonly SentenceSpan[], corpus: Corpus, options: ReuseOptions = {}): FactSource[] {
  const hits = reuseHits(sentences, corpus, options.excludeGroups ?? new Set<number>());
  return reuseSourcesOf(chooseReuse(sentences, hits, corpus), corpus);
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
 * What fact alignment reads of the corpus for one page, found once: the same-story sources and
 * the passage-index hits for reuse (a lookup per shingle of the page), shared by the planning of
 * what to read (articlesToRead) and by alignment.
 */
export interface FactPlan {
  /** Corpus indices of the same-story sources. */
  story: number[];
  /** Passage-index hits outside the excluded groups, most shared first. */
  hits: PassageHit[];
  /**
   * The reuse sources verified from `hits`, when a last round of articlesToRead made the choice
   * with every article it verified readable (the one factSources would make): alignment takes
   * it instead of verifying the hits again. Absent, factSources makes it.
   */
  reuse?: ReuseChoice;
}

export function planFacts(article: { sentences: readonly SentenceSpan[] }, stories: readonly StoryMatch[], corpus: Corpus, options: CorpusFactOptions = {}): FactPlan {
  const story = storySourceIndices(stories, corpus);
  return { story, hits: reuseHits(article.sentences, corpus, excludedGroups(story, corpus, options)) };
}

/**
 * One round of reading for alignment: the articles still `missing`, or none, and then `ready`,
 * the plan with its reuse choice made (alignment verifies nothing again).
 */
export type ReadRound = { missing: number[]; ready?: undefined } | { missing: []; ready: FactPlan };

/**
 * The corpus articles fact alignment (same-event and related) reads for this page that are not
 * in `readable`, without reading any of those: the same-story sources, the reuse sources and the
 * articles whose sentences reuse verification reads, the statistics context and the related
 * coverage aligned. None once every article alignment reads is readable: a corpus opened from
 * index parts loads these, and asks again, before alignment (lib/analyze.ts analyzeAsync);
 * other corpora need no loading. Which reuse candidates verification reaches depends on the
 * verdicts on those before: a first round (`round` 0) takes unread candidates to qualify (the
 * fewest articles, enough when they do); later ones take them to fail, which lists every
 * candidate verification may still reach, so that a failed verification costs one more round
 * of reads, not one per candidate tried. The round that misses nothing verified every hit it
 * reached on a readable article, so its choice is the one alignment would make: it comes back
 * in `ready`.
 */
export function articlesToRead(
  article: { sentences: readonly SentenceSpan[] },
  stories: readonly StoryMatch[],
  corpus: Corpus,
  plan: FactPlan,
  readable: ReadonlySet<number>,
  round = 0,
): ReadRound {
  const read = new Set<number>(plan.story);
  let memo = reuseMemos.get(plan);
  if (memo === undefined) reuseMemos.set(plan, (memo = newReuseMemo()));
  const choice = chooseReuse(article.sentences, plan.hits, corpus, { readable: (a) => readable.has(a), qualifies: round === 0 }, memo);
  for (const a of choice.unread) read.add(a);
  for (const a of choice.kept.keys()) read.add(a);
  const taken = new Set([...plan.story, ...choice.kept.keys()].map((index) => corpus.articleId(index)));
  for (const index of statsContextIndices(stories, corpus, taken)) read.add(index);
  for (const index of relatedArticles(stories, corpus)) read.add(index);
  const missing = [...read].filter((a) => !readable.has(a));
  // No unread article among those verification reached (they are in `missing`): the choice is final.
  return missing.length > 0 ? { missing } : { missing: [], ready: { ...plan, reuse: choice } };
}

/** Sources for fact alignment: same-story articles, then articles reusing the page's passages. */
export function factSources(
  article: { sentences: readonly SentenceSpan[] },
  stories: readonly StoryMatch[],
  corpus: Corpus,
  options: CorpusFactOptions = {},
  plan: FactPlan = planFacts(article, stories, corpus, options),
): FactSource[] {
  const story = plan.story.map((index) => factSource(corpus, index, true));
  return [...story, ...reuseSourcesOf(plan.reuse ?? chooseReuse(article.sentences, plan.hits, corpus), corpus)];
}

/** Aligns the facts of an analyzed article with the corpus articles that cover its story or reuse its text. */
export function alignCorpusFacts(
  article: FactArticle,
  stories: readonly StoryMatch[],
  corpus: Corpus,
  options: CorpusFactOptions = {},
  plan?: FactPlan,
): FactAlignment {
  const sources = factSources(article, stories, corpus, options, plan);
  return alignFacts(article, sources, { cache: factCache(corpus), strictness: options.strictness, statsContext: statsContext(stories, corpus, sources) });
}

/** Related articles aligned at most (the best ranked); alignment time grows with each one. */
export const MAX_RELATED_ALIGNED = 3;

/** The related coverage (relation 'related'), in story matching's order: what the result lists and what alignment reads come from this one filter. */
export function relatedStories(stories: readonly StoryMatch[]): StoryMatch[] {
  return stories.filter((s) => s.relation === 'related');
}

/** Corpus indices of the related coverage aligned (lib/facts/related-facts.ts): the best ranked related stories. */
export function relatedArticles(stories: readonly StoryMatch[], corpus: Corpus): number[] {
  return relatedStories(stories)
    .slice(0, MAX_RELATED_ALIGNED)
    .map((s) => corpus.indexOf(s.id))
    .filter((index) => index >= 0);
}

/** Corpus indices of the statistics context (see STATS_CONTEXT_ARTICLES): ranked articles of other stories whose ids are not `taken` by sources. */
function statsContextIndices(stories: readonly StoryMatch[], corpus: Corpus, taken: ReadonlySet<string>): number[] {
  const context: number[] = [];
  for (const story of stories) {
    if (story.sameStory) continue;
    if (context.length >= STATS_CONTEXT_ARTICLES) break;
    const index = corpus.indexOf(story.id);
    if (index < 0 || taken.has(story.id)) continue;
    context.push(index);
  }
  return context;
}

/** The ranked articles of other stories that join the term statistics (see STATS_CONTEXT_ARTICLES), each article counted once. */
export function statsContext(stories: readonly StoryMatch[], corpus: Corpus, sources: readonly FactSource[]): FactSource[] {
  return statsContextIndices(stories, corpus, new Set(sources.map((s) => s.articleId))).map((index) => factSource(corpus, index, false));
}
