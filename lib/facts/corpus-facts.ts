// Fact alignment against a loaded corpus: the articles story matching ranked become the
// sources (same-story ones for every fact, the next best for reused text only), and sentence
// features are cached per corpus so each corpus article is processed once.
import type { SentenceSpan, StoryMatch } from '../result.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { alignFacts, SentenceFeatureCache, type FactAlignment, type FactSource } from './align.ts';
import type { Strictness } from '../settings.ts';

/**
 * Ranked articles beyond the same-story ones searched for reused text (quotes, wire copy):
 * story matching already ranks articles sharing passages high, so the few next ones hold
 * what reuse there is without scanning the corpus.
 */
export const REUSE_SOURCES = 3;

/**
 * Same-story articles aligned at most, best ranked first: the views show a handful of outlets,
 * and alignment time grows with each one.
 */
export const MAX_SAME_STORY_SOURCES = 8;

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

/** Sources for fact alignment from story matching's ranked stories (self and versions excluded there). */
export function factSources(stories: readonly StoryMatch[], corpus: Corpus, reuseSources = REUSE_SOURCES): FactSource[] {
  const sources: FactSource[] = [];
  let others = 0;
  let same = 0;
  for (const story of stories) {
    if (story.sameStory) {
      if (same >= MAX_SAME_STORY_SOURCES) continue;
      same++;
    } else {
      if (others >= reuseSources) continue;
      others++;
    }
    const index = corpus.indexOf(story.id);
    if (index < 0) continue;
    sources.push({
      articleId: story.id,
      outlet: story.outlet,
      title: story.title,
      text: corpus.text(index),
      sentences: corpus.sentences(index),
      sameStory: story.sameStory,
    });
  }
  return sources;
}

/** Aligns the facts of an analyzed article with the corpus articles story matching found. */
export function alignCorpusFacts(
  article: { text: string; sentences: SentenceSpan[]; outlet?: string | null },
  stories: readonly StoryMatch[],
  corpus: Corpus,
  strictness?: Strictness,
): FactAlignment {
  return alignFacts(article, factSources(stories, corpus), { cache: factCache(corpus), strictness });
}
