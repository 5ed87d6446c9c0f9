// Fact alignment: for each sentence of the reader's article, the sentences of other outlets'
// articles that report the same fact, how they frame it, what they report that this article
// leaves out, and what only this article reports.
//
// Index first, compare second: each source article's sentences are indexed by their rare terms,
// names and numbers (features and keys cached per article, so a corpus article is processed
// once however often it comes back), and a sentence is compared only with the sentences that
// share a key with it.
import type { AlignedPassage, Conflict, CoverageMatrix, Fact, Omission, SentenceSpan } from '../result.ts';
import { compareFraming } from '../framing/labels.ts';
import { contentTerms } from '../text/normalize.ts';
import { splitClauses } from './clauses.ts';
import { compareSentences, type SentenceComparison } from './compare.ts';
import { sentenceFeatures, type SentenceFeatures } from './features.ts';
import { SHARED_FACT_THRESHOLD } from './weights.ts';
import { inverseDocumentFrequency, type TermStats } from './stats.ts';

/** An article whose sentences may report the facts of the reader's article. */
export interface FactSource {
  articleId: string;
  outlet: string | null;
  title: string | null;
  text: string;
  sentences: SentenceSpan[];
  /**
   * Covers the same story: any shared fact counts. Otherwise the article is searched only for
   * reused text (a shared quotation, wire copy), which counts whatever the story.
   */
  sameStory: boolean;
}

/** The reader's article, segmented. */
export interface FactArticle {
  text: string;
  sentences: SentenceSpan[];
  outlet?: string | null;
}

export interface FactAlignment {
  facts: Fact[];
  omissions: Omission[];
  unique: SentenceSpan[];
  conflicts: Conflict[];
  coverage: CoverageMatrix;
}

/** Sentences with fewer content terms (captions, bylines, "SHARE THIS") state no fact. */
export const MIN_FACT_TERMS = 4;
/** Source sentences compared per sentence of the article, best index candidates first. */
export const MAX_CANDIDATES = 6;
/**
 * IDF-weighted stem overlap (F-measure) below which two sentences are not compared in full:
 * 99% of the STS news training pairs scored >= 3 have at least 0.2; half of that leaves room
 * for the lower weights of story-wide words here.
 */
const MIN_LIGHT_OVERLAP = 0.1;
/** Sentences scoring at least this share of the shared-fact threshold are compared clause by clause. */
const CLAUSE_RETRY_SHARE = 0.5;
/** Index weight of a shared number, about that of a rare word. */
const NUMBER_KEY_WEIGHT = 2;
/**
 * A clause of another outlet reports something this article leaves out when at least this
 * share of its IDF weight, and OMISSION_MIN_NEW_TERMS terms, appear nowhere in this article.
 */
export const OMISSION_MIN_NOVELTY = 0.5;
export const OMISSION_MIN_NEW_TERMS = 2;
/** Clauses of two outlets report one omitted fact at this weighted term overlap. */
export const OMISSION_SAME_FACT_OVERLAP = 0.35;
export const MAX_OMISSIONS = 20;
/** A term in at most this share of the sentences compared is an index key. */
const RARE_KEY_MAX_SHARE = 0.12;

interface ClauseTerms {
  sentenceIndex: number;
  text: string;
  terms: string[];
}

/** One sentence: light terms (for the index and statistics) now, full features when compared. */
interface SentenceEntry {
  text: string;
  /** Distinct stemmed content words (lib/text `contentTerms`). */
  terms: string[];
  /** Numbers as written, digits only ("60", "2018"): index keys that carry facts. */
  numbers: string[];
  full: SentenceFeatures | null | undefined;
  /** Features of the sentence's clauses (when it has more than one), computed when compared. */
  clauses: ClauseFeatures[] | undefined;
}

interface ClauseFeatures {
  frame: boolean;
  features: SentenceFeatures;
}

interface ArticleEntry {
  /** Null for sentences too short to state a fact. */
  sentences: (SentenceEntry | null)[];
  clauses: ClauseTerms[];
}

function fullFeatures(entry: SentenceEntry): SentenceFeatures {
  entry.full ??= sentenceFeatures(entry.text);
  return entry.full;
}

function clauseFeatures(entry: SentenceEntry): ClauseFeatures[] {
  if (entry.clauses === undefined) {
    const clauses = splitClauses(entry.text).filter((c) => contentTerms(c.text).length >= MIN_FACT_TERMS);
    entry.clauses = clauses.length > 1 ? clauses.map((c) => ({ frame: c.frame, features: sentenceFeatures(c.text) })) : [];
  }
  return entry.clauses;
}

/**
 * Compares two sentences, and when they fall short of sharing a fact but not far, their
 * clauses too: news sentences pack several facts ("Ushakov said in Moscow that Trump, in the
 * March 20 call, proposed…"), and one shared fact among them is what alignment looks for. A
 * reporting frame ("Ushakov said in Moscow") is compared only with another frame: the same
 * source speaking, in sentences already close, is one statement reported twice.
 */
function lightOverlap(aTerms: ReadonlySet<string>, aWeight: number, b: SentenceEntry, idf: (t: string) => number): number {
  let bWeight = 0;
  let shared = 0;
  for (const t of b.terms) {
    const w = idf(t);
    bWeight += w;
    if (aTerms.has(t)) shared += w;
  }
  return aWeight + bWeight > 0 ? (2 * shared) / (aWeight + bWeight) : 0;
}

function compareEntries(a: SentenceEntry, b: SentenceEntry, stats: TermStats): SentenceComparison {
  const whole = compareSentences(fullFeatures(a), fullFeatures(b), stats);
  if (whole.sharesFactExceptFigures || whole.sharedScore < SHARED_FACT_THRESHOLD * CLAUSE_RETRY_SHARE) return whole;
  let best = whole;
  const mine: ClauseFeatures[] = [{ frame: false, features: fullFeatures(a) }, ...clauseFeatures(a)];
  const theirs: ClauseFeatures[] = [{ frame: false, features: fullFeatures(b) }, ...clauseFeatures(b)];
  for (let i = 0; i < mine.length; i++) {
    for (let j = 0; j < theirs.length; j++) {
      if ((i === 0 && j === 0) || mine[i]!.frame !== theirs[j]!.frame) continue;
      if (mine[i]!.frame && (i === 0 || j === 0)) continue;
      const part = compareSentences(mine[i]!.features, theirs[j]!.features, stats);
      if (part.sharedScore > best.sharedScore) best = part;
    }
  }
  return best;
}

/**
 * Per-article sentence entries, kept across analyses (one cache per loaded corpus). Bounded:
 * the least recently used articles are dropped first.
 */
export class SentenceFeatureCache {
  private readonly entries = new Map<string, ArticleEntry>();
  constructor(readonly capacity = 512) {}

  get(key: string, text: string, sentences: readonly SentenceSpan[]): ArticleEntry {
    const id = `${key}\u0000${text.length}`;
    const hit = this.entries.get(id);
    if (hit !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const entry = articleEntry(sentences);
    this.entries.set(id, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

const NUMBER = /\d[\d,.]*\d|\d/g;

/** Sentence entries of an article; `withClauses` for sources, whose clauses may be omissions. */
function articleEntry(sentences: readonly SentenceSpan[], withClauses = true): ArticleEntry {
  const entries = sentences.map((s): SentenceEntry | null => {
    const terms = [...new Set(contentTerms(s.text))];
    if (terms.length < MIN_FACT_TERMS) return null;
    const numbers = [...new Set((s.text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, '')))];
    return { text: s.text, terms, numbers, full: undefined, clauses: undefined };
  });
  const clauses: ClauseTerms[] = [];
  sentences.forEach((s, sentenceIndex) => {
    if (!withClauses || entries[sentenceIndex] === null) return;
    for (const clause of splitClauses(s.text)) {
      if (clause.frame) continue;
      const terms = [...new Set(contentTerms(clause.text))];
      if (terms.length >= MIN_FACT_TERMS) clauses.push({ sentenceIndex, text: clause.text, terms });
    }
  });
  return { sentences: entries, clauses };
}

const sharedCache = new SentenceFeatureCache();

/** Sentence-level term statistics over everything compared: what is rare within this story. */
function localStats(articles: readonly ArticleEntry[]): TermStats {
  const frequencies = new Map<string, number>();
  let documents = 0;
  for (const article of articles) {
    for (const entry of article.sentences) {
      if (entry === null) continue;
      documents++;
      for (const t of entry.terms) frequencies.set(t, (frequencies.get(t) ?? 0) + 1);
    }
  }
  return { documents, documentFrequency: (t) => frequencies.get(t) ?? 0 };
}

function indexKeys(entry: SentenceEntry, stats: TermStats): string[] {
  const limit = Math.max(2, RARE_KEY_MAX_SHARE * stats.documents);
  const keys = entry.terms.filter((t) => stats.documentFrequency(t) <= limit);
  for (const n of entry.numbers) keys.push(`#${n}`);
  return keys;
}

interface Posting {
  source: number;
  sentence: number;
}

interface Match {
  source: number;
  sentence: number;
  comparison: SentenceComparison;
}

function accepts(source: FactSource, comparison: SentenceComparison): boolean {
  if (comparison.reuse || comparison.sharedQuote) return true;
  return source.sameStory && comparison.sharesFactExceptFigures;
}

function outletKey(outlet: string | null, articleId: string): string {
  return outlet ?? `article:${articleId}`;
}

/**
 * Aligns the facts of `article` with those of `sources` (same-story articles, and others
 * searched for reused text). `cache` keeps per-article features between calls.
 */
export function alignFacts(article: FactArticle, sources: readonly FactSource[], cache: SentenceFeatureCache = sharedCache): FactAlignment {
  const own = articleEntry(article.sentences, false);
  const entries = sources.map((s) => cache.get(s.articleId, s.text, s.sentences));
  const stats = localStats([own, ...entries]);
  const idf = (t: string): number => inverseDocumentFrequency(stats, t);

  const postings = new Map<string, Posting[]>();
  entries.forEach((entry, source) => {
    entry.sentences.forEach((sentenceEntry, sentence) => {
      if (sentenceEntry === null) return;
      for (const key of indexKeys(sentenceEntry, stats)) {
        let list = postings.get(key);
        if (list === undefined) postings.set(key, (list = []));
        list.push({ source, sentence });
      }
    });
  });

  const matchesBySentence: Match[][] = own.sentences.map(() => []);
  own.sentences.forEach((entry, index) => {
    if (entry === null) return;
    const candidateWeight = new Map<string, { posting: Posting; weight: number }>();
    for (const key of indexKeys(entry, stats)) {
      const weight = key.startsWith('#') ? NUMBER_KEY_WEIGHT : idf(key);
      for (const posting of postings.get(key) ?? []) {
        const id = `${posting.source}:${posting.sentence}`;
        const hit = candidateWeight.get(id);
        if (hit === undefined) candidateWeight.set(id, { posting, weight });
        else hit.weight += weight;
      }
    }
    if (candidateWeight.size === 0) return;
    const candidates = [...candidateWeight.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_CANDIDATES);
    const bestBySource = new Map<number, Match>();
    const ownWeight = entry.terms.reduce((sum, t) => sum + idf(t), 0);
    const ownTerms = new Set(entry.terms);
    for (const { posting } of candidates) {
      const other = entries[posting.source]!.sentences[posting.sentence]!;
      // A cheap look at the stems first: pairs sharing too little wording skip the full comparison.
      if (lightOverlap(ownTerms, ownWeight, other, idf) < MIN_LIGHT_OVERLAP) continue;
      const comparison = compareEntries(entry, other, stats);
      if (!accepts(sources[posting.source]!, comparison)) continue;
      const best = bestBySource.get(posting.source);
      if (best === undefined || comparison.sharedScore > best.comparison.sharedScore) bestBySource.set(posting.source, { ...posting, comparison });
    }
    matchesBySentence[index] = [...bestBySource.values()].sort((a, b) => b.comparison.sharedScore - a.comparison.sharedScore);
  });

  const facts: Fact[] = [];
  const conflicts: Conflict[] = [];
  const unique: SentenceSpan[] = [];
  matchesBySentence.forEach((matches, index) => {
    const sentence = article.sentences[index]!;
    if (own.sentences[index] === null) return;
    if (matches.length === 0) {
      unique.push(sentence);
      return;
    }
    let conflict = false;
    const passages = matches.map((m): AlignedPassage => {
      const source = sources[m.source]!;
      const span = source.sentences[m.sentence]!;
      const framing = compareFraming(sentence.text, span.text, { otherName: source.outlet ?? source.title ?? 'the other report' });
      for (const c of m.comparison.conflicts) {
        conflict = true;
        conflicts.push({ kind: c.kind, sentenceIndex: index, thisValue: c.a.phrase, otherValue: c.b.phrase, articleId: source.articleId, outlet: source.outlet });
      }
      for (const label of framing.labels) {
        if (label.kind !== 'name') continue;
        conflict = true;
        conflicts.push({ kind: 'name', sentenceIndex: index, thisValue: label.thisText, otherValue: label.otherText, articleId: source.articleId, outlet: source.outlet });
      }
      return {
        articleId: source.articleId,
        outlet: source.outlet,
        sentenceIndex: m.sentence,
        start: span.start,
        end: span.end,
        text: span.text,
        score: m.comparison.sharedScore,
        // Every passage listed reports the fact (alignment's calibrated decision, figures
        // aside); the stricter near-equivalence of compareSentences is not a reason to hide one.
        sameFact: true,
        reasons: m.comparison.reasons,
        diff: framing.diff,
        labels: framing.labels,
      };
    });
    facts.push({ sentence, passages, conflict });
  });

  const omissions = findOmissions(own, sources, entries, stats);
  const storySources = sources.map((s, i) => ({ s, i })).filter(({ s }) => s.sameStory);
  const coverage: CoverageMatrix = {
    outlets: storySources.map(({ s }) => ({ articleId: s.articleId, outlet: s.outlet, title: s.title })),
    rows: facts.map((fact) => ({
      sentenceIndex: fact.sentence.index,
      text: fact.sentence.text,
      cells: storySources.map(({ s }) => fact.passages.find((p) => p.articleId === s.articleId)?.score ?? null),
    })),
  };
  return { facts, omissions, unique, conflicts, coverage };
}

interface OmittedClause {
  source: number;
  clause: ClauseTerms;
  weight: number;
}

/**
 * Clauses of same-story articles that no sentence of this article covers, grouped across
 * outlets when they report the same fact, ranked by how many outlets report it.
 */
function findOmissions(own: ArticleEntry, sources: readonly FactSource[], entries: readonly ArticleEntry[], stats: TermStats): Omission[] {
  const idf = (t: string): number => inverseDocumentFrequency(stats, t);
  const ownTerms = new Set<string>();
  for (const entry of own.sentences) entry?.terms.forEach((t) => ownTerms.add(t));

  // A clause is left out when most of its informative wording appears nowhere in this article.
  const omitted: OmittedClause[] = [];
  entries.forEach((entry, source) => {
    if (!sources[source]!.sameStory) return;
    for (const clause of entry.clauses) {
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
        omitted.push({ source, clause, weight: novel });
      }
    }
  });

  // Group omitted clauses of different outlets that report one fact (union-find).
  const parent = omitted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < omitted.length; i++) {
    const a = new Set(omitted[i]!.clause.terms);
    for (let j = i + 1; j < omitted.length; j++) {
      if (omitted[j]!.source === omitted[i]!.source) continue;
      let shared = 0;
      for (const t of omitted[j]!.clause.terms) if (a.has(t)) shared += idf(t);
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
