// What other outlets report and this article leaves out: clauses of same-story articles
// whose informative wording appears nowhere here, grouped across outlets by the fact they
// report, ranked by how many outlets report it.
import type { Omission } from '../result.ts';
import type { FactSource } from './align.ts';
import { articleClauses, type ArticleEntry, type ClauseTerms } from './entries.ts';
import { inverseDocumentFrequency, type TermStats } from './stats.ts';

/**
 * A clause of another outlet reports something this article leaves out when at least this
 * share of its IDF weight, and OMISSION_MIN_NEW_TERMS terms, appear nowhere in this article.
 */
export const OMISSION_MIN_NOVELTY = 0.5;
export const OMISSION_MIN_NEW_TERMS = 2;
/** Clauses of two outlets report one omitted fact at this weighted term overlap. */
export const OMISSION_SAME_FACT_OVERLAP = 0.35;
export const MAX_OMISSIONS = 20;

/** Articles without an outlet count as outlets of their own. */
function outletKey(outlet: string | null, articleId: string): string {
  return outlet ?? `article:${articleId}`;
}

interface OmittedClause {
  source: number;
  clause: ClauseTerms;
  /** IDF of each of the clause's terms, worked out once for every clause it is measured against. */
  termWeights: number[];
  weight: number;
}

/**
 * Clauses of same-story articles that no sentence of this article covers, grouped across
 * outlets when they report the same fact, ranked by how many outlets report it.
 */
export function findOmissions(own: ArticleEntry, sources: readonly FactSource[], entries: readonly ArticleEntry[], stats: TermStats): Omission[] {
  const idf = (t: string): number => inverseDocumentFrequency(stats, t);
  const ownTerms = new Set<string>();
  for (const entry of own.sentences) entry?.terms.forEach((t) => ownTerms.add(t));

  // A clause is left out when most of its informative wording appears nowhere in this article.
  const omitted: OmittedClause[] = [];
  entries.forEach((entry, source) => {
    if (!sources[source]!.sameStory) return;
    for (const clause of articleClauses(entry)) {
      let total = 0;
      let novel = 0;
      let novelTerms = 0;
      for (const t of clause.terms) {
        const w = idf(t);
        total += w;
        if (!ownTerms.has(t)) {
          novel += w;
          novelTerms++;
        }
      }
      if (total > 0 && novelTerms >= OMISSION_MIN_NEW_TERMS && novel / total >= OMISSION_MIN_NOVELTY) {
        omitted.push({ source, clause, termWeights: clause.terms.map((t) => idf(t)), weight: novel });
      }
    }
  });

  // Group omitted clauses of different outlets that report one fact (union-find).
  const parent = omitted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Only clauses sharing a term can overlap: each clause is measured against those, found
  // through the clauses holding each of its terms, rather than against every later clause.
  // Terms as numbers (a clause's terms are distinct): a clause's own are marked in one array
  // rather than put in a set of their own.
  const termIds = new Map<string, number>();
  const holders: number[][] = [];
  const clauseTermIds = omitted.map((o, i) => {
    const { terms } = o.clause;
    const ids: number[] = [];
    for (let k = 0; k < terms.length; k++) {
      let id = termIds.get(terms[k]!);
      if (id === undefined) {
        termIds.set(terms[k]!, (id = holders.length));
        holders.push([]);
      }
      ids.push(id);
      const list = holders[id]!;
      if (list[list.length - 1] !== i) list.push(i);
    }
    return ids;
  });
  const seen = new Int32Array(omitted.length).fill(-1);
  const markedBy = new Int32Array(holders.length).fill(-1);
  for (let i = 0; i < omitted.length; i++) {
    const mine = clauseTermIds[i]!;
    for (let k = 0; k < mine.length; k++) markedBy[mine[k]!] = i;
    const later: number[] = [];
    for (let k = 0; k < mine.length; k++) {
      for (const j of holders[mine[k]!]!) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        later.push(j);
      }
    }
    later.sort((x, y) => x - y);
    for (const j of later) {
      if (omitted[j]!.source === omitted[i]!.source) continue;
      const theirs = clauseTermIds[j]!;
      const weights = omitted[j]!.termWeights;
      let shared = 0;
      for (let k = 0; k < theirs.length; k++) if (markedBy[theirs[k]!] === i) shared += weights[k]!;
      const overlap = (2 * shared) / (omitted[i]!.weight + omitted[j]!.weight);
      if (overlap >= OMISSION_SAME_FACT_OVERLAP) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, OmittedClause[]>();
  omitted.forEach((o, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (group === undefined) groups.set(root, (group = []));
    group.push(o);
  });

  const omissions: (Omission & { weight: number })[] = [];
  for (const group of groups.values()) {
    // One entry per article: its heaviest clause of the fact.
    const byArticle = new Map<number, OmittedClause>();
    for (const o of group) {
      const prior = byArticle.get(o.source);
      if (prior === undefined || o.weight > prior.weight) byArticle.set(o.source, o);
    }
    const reports = [...byArticle.values()].sort((a, b) => b.weight - a.weight);
    const lead = reports[0]!;
    const leadSource = sources[lead.source]!;
    omissions.push({
      text: lead.clause.text,
      articleId: leadSource.articleId,
      outlet: leadSource.outlet,
      sentenceIndex: lead.clause.sentenceIndex,
      reportedBy: reports.map((o) => ({
        articleId: sources[o.source]!.articleId,
        outlet: sources[o.source]!.outlet,
        sentenceIndex: o.clause.sentenceIndex,
        text: o.clause.text,
      })),
      outletCount: new Set(reports.map((o) => outletKey(sources[o.source]!.outlet, sources[o.source]!.articleId))).size,
      weight: lead.weight,
    });
  }
  return omissions
    .sort((a, b) => b.outletCount - a.outletCount || b.weight - a.weight)
    .slice(0, MAX_OMISSIONS)
    .map(({ weight: _weight, ...omission }) => omission);
}
