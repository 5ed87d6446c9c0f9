// Story matching: which corpus articles cover the page's story, and whether the page is itself
// (a version of) a corpus article. Never reads a record's `story` field (the corpus does not
// even store it).
import type { ArticleInput, SelfMatch, StoryMatch, StoryRelation } from '../result.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { foldedWords } from '../text/normalize.ts';
import { retrieveCandidates } from './candidates.ts';
import { buildStoryQuery, type StoryQuery } from './query.ts';
import { articleLatestNamedDay, daysApartAtLeast } from './named-dates.ts';
import { assignRelations } from './relation.ts';
import { sameStoryProbability, storyEvidence, type StoryEvidence, type StoryWeights } from './score.ts';

/** Shared text above which the page is taken to be a version of the corpus article. */
export const SELF_CONTAINMENT = 0.7;
/** Below this many shingles MinHash containment is too coarse: a page is a corpus article only as a near-exact copy of its words. */
export const SELF_MIN_SHINGLES = 12;

/**
 * The best term overlap counts as at least this in termsOfBest: the best of weak candidates (a
 * page on another subject entirely) is not thereby close.
 */
export const TERMS_OF_BEST_FLOOR = 0.3;

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

/**
 * Word-level similarity of two short texts that makes one a copy of the other: the share of
 * words in common (as multisets, folded) over the longer text's words.
 */
export const NEAR_COPY_SHARE = 0.9;

function nearCopy(a: string, b: string): boolean {
  const aw = foldedWords(a);
  const bw = foldedWords(b);
  if (aw.length === 0 || bw.length === 0) return false;
  const counts = new Map<string, number>();
  for (const w of aw) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of bw) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return shared >= NEAR_COPY_SHARE * Math.max(aw.length, bw.length);
}

function findSelf(query: StoryQuery, text: string, corpus: Corpus, scored: ScoredArticle[]): ScoredArticle | null {
  let best: ScoredArticle | null = null;
  if (query.fingerprint.shingles >= SELF_MIN_SHINGLES) {
    for (const s of scored) {
      if (corpus.shingleCount(s.index) < SELF_MIN_SHINGLES) continue;
      if (s.evidence.containment >= SELF_CONTAINMENT && (!best || s.evidence.containment > best.evidence.containment)) best = s;
    }
  }
  if (best) return best;
  // Too few shingles on one side for MinHash to tell a copy from a paraphrase (a headline-and-lead
  // text of one sentence): an exact or near-exact copy of the words is the article itself.
  for (const s of scored) {
    if (Math.min(query.fingerprint.shingles, corpus.shingleCount(s.index)) >= SELF_MIN_SHINGLES) continue;
    if (Math.abs(query.fingerprint.shingles - corpus.shingleCount(s.index)) > SELF_MIN_SHINGLES) continue;
    if (nearCopy(text, corpus.text(s.index))) return s;
  }
  return null;
}

/**
 * `prepared`: the page's query and its candidates, built already (./match-async.ts builds them
 * first to read the index they need); the query is changed as matching goes (its day).
 */
export function matchStories(article: ArticleInput, corpus: Corpus, options: StoryMatchOptions = {}, prepared?: { query: StoryQuery; candidates: readonly number[] }): StoryMatchResult {
  const limit = options.limit ?? 20;
  const query = prepared?.query ?? buildStoryQuery(article, corpus);
  const excluded = new Set((options.excludeIds ?? []).map((id) => corpus.indexOf(id)));
  const scored = (prepared?.candidates ?? retrieveCandidates(query, corpus)).filter((index) => !excluded.has(index)).map((index) => {
    const evidence = storyEvidence(query, corpus, index);
    return { index, evidence, score: sameStoryProbability(evidence, options.weights) };
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);

  const selfHit = findSelf(query, article.text, corpus, scored);
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
        s.evidence = { ...s.evidence, daysApart: other === null ? daysApartAtLeast(day, articleLatestNamedDay(corpus, s.index)) : Math.abs(day - other) };
      }
    }
  }
  // Each candidate's term overlap against the best other article's (StoryEvidence.termsOfBest);
  // the page's own versions are not other coverage.
  let bestTerms = 0;
  for (const s of scored) if (corpus.primaryVersion(s.index) !== selfGroup) bestTerms = Math.max(bestTerms, s.evidence.terms);
  for (const s of scored) {
    s.evidence.termsOfBest = Math.min(1, s.evidence.terms / Math.max(bestTerms, TERMS_OF_BEST_FLOOR));
    s.score = sameStoryProbability(s.evidence, options.weights);
  }
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  if (selfHit) {
    const primary = corpus.article(selfGroup);
    self = {
      id: primary.id,
      containment: round(selfHit.evidence.queryInArticle),
      versions: corpus.versions(selfHit.index).map((i) => corpus.articleId(i)),
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
