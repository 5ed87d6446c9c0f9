// Story matching: candidates from the corpus index, scored by named evidence.
export { matchStories, SELF_CONTAINMENT, SELF_MIN_SHINGLES, type StoryMatchOptions, type StoryMatchResult, type ScoredArticle } from './match.ts';
export { buildStoryQuery, weightedTerms, type StoryQuery, type WeightedTerms } from './query.ts';
export { retrieveCandidates, CANDIDATES } from './candidates.ts';
export { storyEvidence, sameStoryProbability, evidenceVector, STORY_WEIGHTS, UNDATED_STORY_WEIGHTS, weightsFor, EVIDENCE_NAMES, type StoryEvidence, type StoryWeights } from './score.ts';
export { assignRelations, contentProbability, isRelatedCandidate, MAX_RELATED, RELATED_MIN_CONTENT, RELATED_MIN_FACTS } from './relation.ts';
