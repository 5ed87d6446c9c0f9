// Same event, related, or neither. Story matching's probability answers "the same news event";
// a follow-up a month later, earlier background or another event of the same actors fails it
// (mostly on time apart, or on specifics of its own) yet shares the subject's specific facts:
// names, figures, rare words. Those are related coverage: shown apart, ranked, few.
import type { StoryRelation } from '../result.ts';
import { sameStoryProbability, type StoryEvidence, type StoryWeights } from './score.ts';

/** Related articles listed at most: a reader wants the handful that matter, not every article naming Putin. */
export const MAX_RELATED = 5;
/**
 * How close in content (the same-event probability with time apart set aside) a related article
 * must be. Below it an article shares the topic's vocabulary but not its specifics.
 */
export const RELATED_MIN_CONTENT = 0.3;
/** Related coverage names specific facts of the page: at least this IDF-weighted share of shared names, figures and dates. */
export const RELATED_MIN_FACTS = 0.15;

/** The same-event probability from content alone: as if both were published the same day. */
export function contentProbability(e: StoryEvidence, weights?: StoryWeights): number {
  return sameStoryProbability({ ...e, daysApart: 0 }, weights);
}

/** Whether an article that is not the same event is close enough in content to be related coverage. */
export function isRelatedCandidate(e: StoryEvidence, weights?: StoryWeights): boolean {
  return e.facts >= RELATED_MIN_FACTS && contentProbability(e, weights) >= RELATED_MIN_CONTENT;
}

/**
 * Relations for ranked candidates (best first): same-event above the decision threshold, then
 * related for at most MAX_RELATED of the rest that pass isRelatedCandidate, ranked by content.
 * Returns one relation per candidate, in the order given.
 */
export function assignRelations(candidates: readonly { score: number; evidence: StoryEvidence }[], weights?: StoryWeights): (StoryRelation | null)[] {
  const relations: (StoryRelation | null)[] = candidates.map((c) => (c.score >= 0.5 ? 'same-event' : null));
  const related = candidates
    .map((c, i) => ({ i, content: relations[i] === null && isRelatedCandidate(c.evidence, weights) ? contentProbability(c.evidence, weights) : -1 }))
    .filter((r) => r.content >= 0)
    .sort((a, b) => b.content - a.content || a.i - b.i)
    .slice(0, MAX_RELATED);
  for (const r of related) relations[r.i] = 'related';
  return relations;
}
