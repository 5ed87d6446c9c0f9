// The seed gold (tests/fixtures/seed-gold.json, made by reading; see seed-gold.md there) and the
// measure taken with it: precision of the links the engine shows, recall of the (sentence,
// outlet) pairs a careful reader links strongly. Pure functions of the fixture and the engine's
// result, shared by eval/seed-alignment.ts and its unit test.
import { readFileSync } from 'node:fs';
import type { AnalysisResult, Fact } from '../../lib/result.ts';
import { segmentSentences } from '../../lib/text/segment.ts';

export const SEED_GOLD_PATH = new URL('../../tests/fixtures/seed-gold.json', import.meta.url);

export type Strength = 'strong' | 'weak';

export interface GoldSentence {
  index: number;
  /** body, headline, standfirst, summary; or page furniture: caption, credit, label. */
  kind: string;
  text: string;
}

export interface GoldArticle {
  id: string;
  outlet: string | null;
  /** How the article relates to the seed event: 001-003 are same-event, 004 is related coverage a month later. */
  coverage: 'same-event' | 'related';
  sentences: GoldSentence[];
}

export interface GoldLink {
  /** "001:4": sentence 4 of the article keyed "001". */
  a: string;
  b: string;
  strength: Strength;
  /** Which fact of `facts` the link is about. */
  fact: string;
}

export interface SeedGold {
  articles: Record<string, GoldArticle>;
  furnitureKinds: string[];
  facts: Record<string, string>;
  links: GoldLink[];
}

export function loadSeedGold(path: URL | string = SEED_GOLD_PATH): SeedGold {
  return JSON.parse(readFileSync(path, 'utf8')) as SeedGold;
}

/** A sentence of a gold article: its key ("001") and index. */
export interface SentenceRef {
  article: string;
  sentence: number;
}

const refKey = (r: SentenceRef) => `${r.article}:${r.sentence}`;

/**
 * The differences between the gold's sentences and today's segmentation of the articles' texts
 * (by article key); empty when the gold's indices still point at the sentences it was made on.
 */
export function segmentationDrift(gold: SeedGold, texts: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, article] of Object.entries(gold.articles)) {
    const text = texts[key];
    if (text === undefined) {
      problems.push(`${key}: no text given`);
      continue;
    }
    const now = segmentSentences(text);
    if (now.length !== article.sentences.length) problems.push(`${key}: ${now.length} sentences now, ${article.sentences.length} in the gold`);
    for (const s of article.sentences) {
      const current = now[s.index]?.text;
      if (current !== s.text) problems.push(`${key}:${s.index}: now "${current?.slice(0, 60) ?? '(none)'}", gold "${s.text.slice(0, 60)}"`);
    }
  }
  return problems;
}

/** Looks up gold strengths between sentences (links are undirected). */
export class GoldIndex {
  private readonly strengths = new Map<string, Strength>();
  private readonly articleByCorpusId = new Map<string, string>();

  constructor(readonly gold: SeedGold) {
    for (const link of gold.links) {
      this.strengths.set(`${link.a}|${link.b}`, link.strength);
      this.strengths.set(`${link.b}|${link.a}`, link.strength);
    }
    for (const [key, article] of Object.entries(gold.articles)) this.articleByCorpusId.set(article.id, key);
  }

  strength(x: SentenceRef, y: SentenceRef): Strength | null {
    return this.strengths.get(`${refKey(x)}|${refKey(y)}`) ?? null;
  }

  /** The gold article key of a corpus article id, or null when the gold does not cover it. */
  articleOf(corpusId: string): string | null {
    return this.articleByCorpusId.get(corpusId) ?? null;
  }

  isFurniture(r: SentenceRef): boolean {
    const kind = this.gold.articles[r.article]?.sentences[r.sentence]?.kind;
    return kind !== undefined && this.gold.furnitureKinds.includes(kind);
  }

  /** Whether `r` has a strong link with some sentence of article `other`. */
  hasStrongLink(r: SentenceRef, other: string): boolean {
    const sentences = this.gold.articles[other]?.sentences ?? [];
    return sentences.some((s) => this.strength(r, { article: other, sentence: s.index }) === 'strong');
  }
}

/** A link the engine shows: a sentence of the analyzed page to a sentence of another article. */
export interface ShownLink {
  from: SentenceRef;
  to: SentenceRef;
}

/**
 * The links an analysis shows from `page` (a gold article key): every passage of its facts and,
 * kept apart, of its related coverage. Passages of articles outside the gold are counted, not judged.
 */
export function shownLinks(index: GoldIndex, page: string, result: AnalysisResult): { facts: ShownLink[]; related: ShownLink[]; outside: number } {
  let outside = 0;
  const collect = (facts: readonly Fact[]): ShownLink[] => {
    const links = new Map<string, ShownLink>();
    for (const fact of facts) {
      for (const passage of fact.passages) {
        const other = index.articleOf(passage.articleId);
        if (other === null) {
          outside++;
          continue;
        }
        const link = { from: { article: page, sentence: fact.sentence.index }, to: { article: other, sentence: passage.sentenceIndex } };
        links.set(`${refKey(link.from)}>${refKey(link.to)}`, link);
      }
    }
    return [...links.values()];
  };
  return { facts: collect(result.facts), related: collect(result.related.flatMap((r) => r.facts)), outside };
}

/** Precision and recall of one set of shown links against the gold. */
export interface AlignmentScore {
  /** Links shown (page sentence → other sentence), each once. */
  shown: number;
  /** Shown links the gold calls strong, and weak. */
  strong: number;
  weak: number;
  /** (strong + weak) / shown; null when nothing was shown. */
  precision: number | null;
  /** (page sentence, other outlet) pairs with a strong gold link. */
  targets: number;
  /** Targets where the engine links the sentence to a sentence of that outlet the gold calls strong. */
  found: number;
  /** found / targets; null without targets. */
  recall: number | null;
  /** Targets where the engine links the sentence to any sentence of that outlet the gold links at all. */
  foundLenient: number;
  /** Shown links from or to page furniture (captions, credits, labels): always wrong. */
  furniture: number;
  /** The shown links the gold does not link, for reading. */
  wrong: ShownLink[];
}

/**
 * Scores the links shown when each page was analyzed, on the (page, other) article pairs given
 * (directed: page → other). Recall targets are every sentence of each page with a strong gold
 * link into the other article.
 */
export function scoreAlignment(index: GoldIndex, shown: readonly ShownLink[], pairs: readonly [page: string, other: string][]): AlignmentScore {
  const inScope = new Set(pairs.map(([p, o]) => `${p}>${o}`));
  const links = shown.filter((l) => inScope.has(`${l.from.article}>${l.to.article}`));
  const score: AlignmentScore = { shown: links.length, strong: 0, weak: 0, precision: null, targets: 0, found: 0, recall: null, foundLenient: 0, furniture: 0, wrong: [] };
  const foundStrong = new Set<string>();
  const foundAny = new Set<string>();
  for (const link of links) {
    const strength = index.strength(link.from, link.to);
    if (strength === 'strong') score.strong++;
    else if (strength === 'weak') score.weak++;
    else score.wrong.push(link);
    if (index.isFurniture(link.from) || index.isFurniture(link.to)) score.furniture++;
    const target = `${refKey(link.from)}>${link.to.article}`;
    if (strength === 'strong') foundStrong.add(target);
    if (strength !== null) foundAny.add(target);
  }
  for (const [page, other] of pairs) {
    for (const s of index.gold.articles[page]?.sentences ?? []) {
      const from = { article: page, sentence: s.index };
      if (!index.hasStrongLink(from, other)) continue;
      score.targets++;
      const target = `${refKey(from)}>${other}`;
      if (foundStrong.has(target)) score.found++;
      if (foundAny.has(target)) score.foundLenient++;
    }
  }
  score.precision = score.shown ? (score.strong + score.weak) / score.shown : null;
  score.recall = score.targets ? score.found / score.targets : null;
  return score;
}

/** Both directions of each unordered pair of the articles given: [a, b] and [b, a]. */
export function bothWays(articles: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const a of articles) for (const b of articles) if (a !== b) pairs.push([a, b]);
  return pairs;
}
