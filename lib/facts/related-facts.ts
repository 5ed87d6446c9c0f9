// Facts the page shares with related coverage (follow-ups, background, other events of the same
// actors). Aligned like same-event facts, in a run of their own, so that nothing a related
// article reports enters the page's same-event facts, omissions, conflicts or highlights.
import type { Fact, RelatedCoverage, StoryMatch } from '../result.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { alignFacts, type FactArticle } from './align.ts';
import { factCache, factSource, relatedArticles, relatedStories } from './corpus-facts.ts';
import type { Strictness } from '../settings.ts';

/**
 * The related stories (relation 'related', in story matching's order) with the page's sentences
 * each also reports. Within one related article any shared fact counts, as within a story: the
 * relation already says the two share the subject's specific facts.
 */
export function alignRelatedFacts(
  article: FactArticle,
  stories: readonly StoryMatch[],
  corpus: Corpus,
  options: { strictness?: Strictness } = {},
): RelatedCoverage[] {
  const related = relatedStories(stories);
  // Whole articles, taken as the same story: any shared fact counts (see above).
  const sources = relatedArticles(stories, corpus).map((index) => factSource(corpus, index, true));
  const alignment = sources.length ? alignFacts(article, sources, { cache: factCache(corpus), strictness: options.strictness, factsOnly: true }) : null;
  return related.map((story): RelatedCoverage => {
    const facts: Fact[] = [];
    for (const fact of alignment?.facts ?? []) {
      const passages = fact.passages.filter((p) => p.articleId === story.id);
      if (passages.length === 0) continue;
      const conflict = alignment!.conflicts.some((c) => c.sentenceIndex === fact.sentence.index && c.articleId === story.id);
      facts.push({ sentence: fact.sentence, passages, conflict });
    }
    return { id: story.id, outlet: story.outlet, title: story.title, url: story.url, published: story.published, daysApart: story.daysApart, score: story.score, facts };
  });
}
