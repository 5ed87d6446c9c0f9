// A page (or a query record) seen the way the corpus sees its articles: a TF-IDF vector over
// corpus term ids, fact keys with their IDF, a fingerprint and a publication day.
import type { ArticleInput } from '../result.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { dayFromIso, NO_DATE } from '../corpus/data.ts';
import { articleFeatures, type ArticleFeatures } from '../corpus/features.ts';
import type { Fingerprint } from '../fingerprint/index.ts';
import { latestNamedDay } from './named-dates.ts';
import { QueryTermTable } from './query-terms.ts';

export interface StoryQuery {
  features: ArticleFeatures;
  /** Weight (1 + ln tf) · idf of each query term present in the corpus, by term id. */
  weights: Map<number, number>;
  /** Norm over all query terms, those unknown to the corpus included (they make it less similar). */
  norm: number;
  /** Fact keys known to the corpus: term id → idf. */
  facts: Map<number, number>;
  /** Sum of the idf of all query facts (unknown ones at the highest idf). */
  factWeight: number;
  /** Headline and lead terms known to the corpus (term id → count), and norms over all of them. */
  headline: WeightedTerms;
  lead: WeightedTerms;
  /** Sum of the lead's weights over all its terms (unknown ones included): the whole a share is taken of. */
  leadWeight: number;
  fingerprint: Fingerprint;
  /** weights, headline, lead and facts in one table: what scoring looks each candidate's terms up in (./query-terms.ts). */
  table: QueryTermTable;
  day: number | null;
  /** The latest day the page's text names (lib/story/named-dates.ts), for when it has no date. */
  latestNamedDay: number | null;
}

export interface WeightedTerms {
  /** Weight count · idf by term id, for terms the corpus knows. */
  weights: Map<number, number>;
  /** Norm over all terms, unknown ones included. */
  norm: number;
}

/** A short passage (headline, lead) as weighted terms: count · idf, no sublinear damping. */
export function weightedTerms(terms: readonly string[], corpus: Corpus): WeightedTerms {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const weights = new Map<number, number>();
  let squares = 0;
  for (const [term, count] of counts) {
    const id = corpus.termId(term);
    const w = count * (id === -1 ? corpus.idf(term) : corpus.idfOfTermId(id));
    squares += w * w;
    if (id !== -1) weights.set(id, w);
  }
  return { weights, norm: Math.sqrt(squares) };
}

/** The summed count · idf of a passage's terms, known to the corpus or not. */
function leadWeightOf(terms: readonly string[], corpus: Corpus): number {
  let sum = 0;
  for (const term of terms) {
    const id = corpus.termId(term);
    sum += id === -1 ? corpus.idf(term) : corpus.idfOfTermId(id);
  }
  return sum;
}

export function buildStoryQuery(article: ArticleInput, corpus: Corpus): StoryQuery {
  const features = articleFeatures(article.text, article.title);
  const weights = new Map<number, number>();
  let squares = 0;
  for (const [term, count] of features.termCounts) {
    const id = corpus.termId(term);
    const idf = id === -1 ? corpus.idf(term) : corpus.idfOfTermId(id);
    const w = (1 + Math.log(count)) * idf;
    squares += w * w;
    if (id !== -1) weights.set(id, w);
  }
  const facts = new Map<number, number>();
  let factWeight = 0;
  for (const fact of features.facts) {
    const id = corpus.termId(fact);
    const idf = id === -1 ? corpus.idf(fact) : corpus.idfOfTermId(id);
    factWeight += idf;
    if (id !== -1) facts.set(id, idf);
  }
  const day = dayFromIso(article.published);
  const lead = weightedTerms(features.leadTerms, corpus);
  const headline = weightedTerms(features.headlineTerms, corpus);
  return {
    features,
    weights,
    norm: Math.sqrt(squares),
    facts,
    factWeight,
    headline,
    lead,
    leadWeight: leadWeightOf(features.leadTerms, corpus),
    fingerprint: features.fingerprint,
    table: new QueryTermTable({ weights, headline: headline.weights, lead: lead.weights, facts }),
    day: day === NO_DATE || Number.isNaN(day) ? null : day,
    latestNamedDay: latestNamedDay(features.facts),
  };
}
