// Story matching: which corpus articles cover the page's story, and whether the page is itself
// (a version of) a corpus article. Never reads a record's `story` field (the corpus does not
// even store it).
import type { ArticleInput, SelfMatch, StoryMatch, StoryRelation } from '../result.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { retrieveCandidates } from './candidates.ts';
import { buildStoryQuery, type StoryQuery } from './query.ts';
import { assignRelations } from './relation.ts';
import { sameStoryProbability, storyEvidence, type StoryEvidence, type StoryWeights } from './score.ts';

/** Shared text above which the page is taken to be a version of the corpus article. */
export const SELF_CONTAINMENT = 0.7;
/** Pages with fewer shingles than this are too short to be recognized as a corpus article. */
export const SELF_MIN_SHINGLES = 12;

export interface StoryMatchOptions {
  /** Ranked stories returned at most (default 20). */
  limit?: number;
  weights?: StoryWeights;
  /** Corpus article ids never to return (leave-one-out evaluation queries a corpus article). */
  excludeIds?: readonly string[];
}

export interface ScoredArticle {
  index: number;
  evidence: StoryEvidence;
  score: number;
  /** Same event, related coverage, or neither (lib/story/relation.ts); set on `scored` of the result. */
  relation?: StoryRelation | null;
}

export interface StoryMatchResult {
  self: SelfMatch | null;
  stories: StoryMatch[];
  /** Scores with their evidence, ranked, for evaluation and for fact alignment. */
  scored: ScoredArticle[];
  query: StoryQuery;
}

function findSelf(query: StoryQuery, corpus: Corpus, scored: ScoredArticle[]): ScoredArticle | null {
  if (query.fingerprint.shingles < SELF_MIN_SHINGLES) return null;
  let best: ScoredArticle | null = null;
  for (const s of scored) {
    if (corpus.shingleCount(s.index) < SELF_MIN_SHINGLES) continue;
    if (s.evidence.containment >= SELF_CONTAINMENT && (!best || s.evidence.containment > best.evidence.containment)) best = s;
  }
  return best;
}

export function matchStories(article: ArticleInput, corpus: Corpus, options: StoryMatchOptions = {}): StoryMatchResult {
  const limit = options.limit ?? 20;
  const query = buildStoryQuery(article, corpus);
  const excluded = new Set((options.excludeIds ?? []).map((id) => corpus.indexOf(id)));
  const scored = retrieveCandidates(query, corpus).filter((index) => !excluded.has(index)).map((index) => {
    const evidence = storyEvidence(query, corpus, index);
    return { index, evidence, score: sameStoryProbability(evidence, options.weights) };
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);

  const selfHit = findSelf(query, corpus, scored);
  let self: SelfMatch | null = null;
  const selfGroup = selfHit ? corpus.primaryVersion(selfHit.index) : -1;
  if (selfHit && query.day === null) {
    // The page is a corpus article whose date the page itself did not give (a .txt file, a page
    // without date metadata): its corpus date is its date. Otherwise every candidate would count
    // as a week away, and same-day coverage would hang on content alone.
    const day = corpus.publishedDay(selfHit.index) ?? corpus.publishedDay(selfGroup);
    if (day !== null) {
      query.day = day;
      for (const s of scored) {
        const other = corpus.publishedDay(s.index);
        s.evidence = { ...s.evidence, daysApart: other === null ? null : Math.abs(day - other) };
        s.score = sameStoryProbability(s.evidence, options.weights);
      }
      scored.sort((a, b) => b.score - a.score || a.index - b.index);
    }
  }
  if (selfHit) {
    const primary = corpus.article(selfGroup);
    self = {
      id: primary.id,
      containment: round(selfHit.evidence.queryInArticle),
      versions: corpus.versions(selfHit.index).map((i) => corpus.article(i).id),
      outlet: primary.outlet,
      title: primary.title,
    };
  }

  // One entry per group of versions, shown as its readable version, at its best score.
  const shownGroups = new Set<number>();
  const ranked: ScoredArticle[] = [];
  for (const s of scored) {
    const group = corpus.primaryVersion(s.index);
    if (group === selfGroup || shownGroups.has(group)) continue;
    shownGroups.add(group);
    ranked.push(s);
  }
  const relations = assignRelations(ranked, options.weights);
  ranked.forEach((s, i) => (s.relation = relations[i]!));
  const stories: StoryMatch[] = ranked.slice(0, limit).map((s) => {
    const group = corpus.primaryVersion(s.index);
    const a = corpus.article(group);
    const other = corpus.publishedDay(group);
    const daysApart = query.day !== null && other !== null ? other - query.day : null;
    const relation = s.relation ?? null;
    return { id: a.id, outlet: a.outlet, title: a.title, url: a.url, published: a.published, score: round(s.score), sameStory: relation === 'same-event', relation, daysApart };
  });
  return { self, stories, scored: ranked, query };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
