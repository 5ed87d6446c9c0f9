// What the popup shows, derived from an AnalysisResult: plain functions, tested beside.
import type { AnalysisResult, AlignedPassage, Fact } from '@/lib/result';
import type { PageArticle } from '@/lib/messages';
import { outletName } from './labels';

/** One article of another outlet that covers the story. */
export interface CoveringArticle {
  articleId: string;
  outlet: string;
  title: string | null;
  url: string | null;
  published: string | null;
  /** This article's facts it also reports. */
  shared: number;
  /** Facts it reports that this article leaves out. */
  adds: number;
  /** Its own wording of those facts. */
  added: string[];
  /** Facts on which it disagrees with this article (numbers, dates, names). */
  conflicts: number;
}

export interface StoryHeader {
  title: string | null;
  outlet: string | null;
  /** The page is (a version of) this corpus article. */
  selfId: string | null;
  outlets: number;
  articles: number;
  firstPublished: string | null;
  lastPublished: string | null;
}

/**
 * The passages to show for a fact: those the engine judged the same fact; when it listed the
 * fact without any such judgement, all of its passages (the engine's listing stands).
 */
export function sameFactPassages(fact: Fact): AlignedPassage[] {
  const same = fact.passages.filter((p) => p.sameFact);
  return same.length ? same : fact.passages;
}

/** The ids that are this page itself (its corpus article and that article's versions). */
function selfIds(result: AnalysisResult): Set<string> {
  return new Set(result.self ? [result.self.id, ...(result.self.versions ?? [])] : []);
}

/**
 * Every other article that covers the story: the engine's same-story matches and any article
 * a fact was aligned with (reused wire copy can come from outside the story), ranked by how much
 * of this article it shares.
 */
export function coveringArticles(result: AnalysisResult): CoveringArticle[] {
  const own = selfIds(result);
  const byId = new Map<string, CoveringArticle>();
  const add = (id: string, outlet: string | null, rest: Partial<CoveringArticle> = {}) => {
    if (own.has(id)) return undefined;
    let entry = byId.get(id);
    if (!entry) {
      entry = { articleId: id, outlet: outletName(outlet), title: null, url: null, published: null, shared: 0, adds: 0, added: [], conflicts: 0 };
      byId.set(id, entry);
    }
    for (const [k, v] of Object.entries(rest)) if (v !== null && v !== undefined) (entry as unknown as Record<string, unknown>)[k] = v;
    return entry;
  };
  for (const s of result.stories) if (s.sameStory) add(s.id, s.outlet, { title: s.title, url: s.url, published: s.published });
  for (const fact of result.facts) {
    const ids = new Set(sameFactPassages(fact).map((p) => p.articleId));
    for (const p of sameFactPassages(fact)) {
      if (!ids.has(p.articleId)) continue;
      ids.delete(p.articleId);
      const entry = add(p.articleId, p.outlet);
      if (entry) entry.shared += 1;
    }
  }
  for (const o of result.omissions) {
    const seen = new Set<string>();
    for (const r of o.reportedBy) {
      const entry = byId.get(r.articleId);
      if (!entry || seen.has(r.articleId)) continue;
      seen.add(r.articleId);
      entry.adds += 1;
      entry.added.push(r.text);
    }
  }
  for (const c of result.conflicts) {
    const entry = byId.get(c.articleId);
    if (entry) entry.conflicts += 1;
  }
  // Fill titles/links for articles known only through passages.
  for (const s of result.stories) {
    const entry = byId.get(s.id);
    if (entry) {
      entry.title ??= s.title;
      entry.url ??= s.url;
      entry.published ??= s.published;
    }
  }
  return [...byId.values()].sort((a, b) => b.shared - a.shared || b.adds - a.adds || a.outlet.localeCompare(b.outlet));
}

export function storyHeader(result: AnalysisResult, article: PageArticle | undefined): StoryHeader {
  const covering = coveringArticles(result);
  const dates = covering.map((c) => c.published).filter((d): d is string => !!d).sort();
  return {
    title: result.self?.title ?? article?.title ?? null,
    outlet: result.self?.outlet ?? article?.outlet ?? null,
    selfId: result.self?.id ?? null,
    outlets: new Set(covering.map((c) => c.outlet)).size,
    articles: covering.length,
    firstPublished: dates[0] ?? null,
    lastPublished: dates[dates.length - 1] ?? null,
  };
}

/** No other outlet covers the story: the popup says so instead of showing empty lists. */
export function hasCoverage(result: AnalysisResult): boolean {
  return coveringArticles(result).length > 0;
}

/** The passage of `articleId` aligned with a sentence of this article, for the grid's hover. */
export function passageFor(result: AnalysisResult, sentenceIndex: number, articleId: string): AlignedPassage | null {
  const fact = result.facts.find((f) => f.sentence.index === sentenceIndex);
  if (!fact) return null;
  const passages = fact.passages.filter((p) => p.articleId === articleId);
  return passages.sort((a, b) => b.score - a.score)[0] ?? null;
}
