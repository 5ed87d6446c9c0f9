// Fact alignment: for each sentence of the reader's article, the sentences of other outlets'
// articles that report the same fact, how they frame it, what they report that this article
// leaves out, and what only this article reports.
//
// Index first, compare second. Story matching (its inverted index and LSH over the corpus)
// picks the few articles to align with; their sentences' terms and numbers are cached per
// article (entries.ts), so a corpus article is processed once however often it comes back; a
// small inverted index over those sentences' rare terms and numbers, built per analysis, gives
// each sentence here its candidates, and only candidates are compared.
import type { AlignedPassage, Conflict, CoverageMatrix, Fact, Omission, SentenceSpan } from '../result.ts';
import { compareFraming } from '../framing/labels.ts';
import { compareSentences, type SentenceComparison } from './compare.ts';
import type { SentenceFeatures } from './features.ts';
import { articleEntry, clauseFeatures, fullFeatures, localStats, SentenceFeatureCache, type ArticleEntry, type ClauseFeatures, type SentenceEntry } from './entries.ts';
import { rememberedTermWeights, type TermWeights } from './evidence.ts';
import { findOmissions } from './omissions.ts';
import { meaningCandidates } from './meaning-candidates.ts';
import { rolesReversed } from './roles.ts';
import { inverseDocumentFrequency, type TermStats } from './stats.ts';
import { SHARED_FACT_THRESHOLD } from './weights.ts';
import { factThreshold, type Strictness } from '../settings.ts';

export { MIN_FACT_TERMS, SentenceFeatureCache } from './entries.ts';

/** An article whose sentences may report the facts of the reader's article. */
export interface FactSource {
  articleId: string;
  outlet: string | null;
  title: string | null;
  text: string;
  sentences: SentenceSpan[];
  /**
   * Covers the same story: any shared fact counts. Otherwise the article is searched only for
   * reused text (a shared quotation, wire copy), which counts whatever the story; such a source
   * may list only its reusing sentences (spans keep their article's sentence `index`).
   */
  sameStory: boolean;
  /**
   * Meaning vectors of the article's sentences (row k for sentence index k, lib/meaning), as the
   * corpus stores them; computed from the text when absent.
   */
  meaning?: Int8Array;
}

/** The reader's article, segmented. */
export interface FactArticle {
  text: string;
  sentences: SentenceSpan[];
  outlet?: string | null;
  /** Meaning vectors of `sentences` (row k for sentence index k), computed with the article's other features. */
  meaning?: Int8Array;
  /**
   * The page's sentence entries (`pageEntry`), when the caller aligns the page more than once
   * (same-event and related coverage): read once, and the full features computed for one run
   * serve the next.
   */
  entry?: ArticleEntry;
}

/** The page's sentence entries for alignment (captions and credit lines are not facts; no clause index). */
export function pageEntry(article: Omit<FactArticle, 'entry'>): ArticleEntry {
  return articleEntry(article.text, article.sentences, false, article.meaning);
}

export interface FactAlignment {
  facts: Fact[];
  omissions: Omission[];
  unique: SentenceSpan[];
  conflicts: Conflict[];
  coverage: CoverageMatrix;
}

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
/** A term in at most this share of the sentences compared is an index key. */
const RARE_KEY_MAX_SHARE = 0.12;

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

/**
 * Compares two sentences, and when they fall short of sharing a fact but not far, their
 * clauses too: news sentences pack several facts ("Ushakov said in Moscow that Trump, in the
 * March 20 call, proposed…"), and one shared fact among them is what alignment looks for. A
 * reporting frame ("Ushakov said in Moscow") is compared only with another frame: the same
 * source speaking, in sentences already close, is one statement reported twice.
 */
function compareEntries(a: SentenceEntry, b: SentenceEntry, stats: TermStats, threshold: number, termWeights: TermWeights): SentenceComparison {
  const whole = compareSentences(fullFeatures(a), fullFeatures(b), stats, threshold, termWeights);
  if (whole.sharesFactExceptFigures || whole.sharedScore < threshold * CLAUSE_RETRY_SHARE) return whole;
  let best = whole;
  const mine: ClauseFeatures[] = [{ frame: false, features: fullFeatures(a) }, ...clauseFeatures(a)];
  const theirs: ClauseFeatures[] = [{ frame: false, features: fullFeatures(b) }, ...clauseFeatures(b)];
  for (let i = 0; i < mine.length; i++) {
    for (let j = 0; j < theirs.length; j++) {
      if ((i === 0 && j === 0) || mine[i]!.frame !== theirs[j]!.frame) continue;
      if (mine[i]!.frame && (i === 0 || j === 0)) continue;
      const part = compareSentences(mine[i]!.features, theirs[j]!.features, stats, threshold, termWeights);
      if (part.sharedScore > best.sharedScore) best = part;
    }
  }
  return best;
}

const sharedCache = new SentenceFeatureCache();

/**
 * Cache key of a source's entries: a reuse source may hold only some of its article's
 * sentences (a leading run of them looks like a whole article, hence the count).
 */
function sourceKey(source: Pick<FactSource, 'articleId' | 'sentences'>): string {
  const { sentences } = source;
  if (sentences.every((span, i) => span.index === i)) return `${source.articleId}\u0001${sentences.length}`;
  return `${source.articleId}\u0001${sentences.map((span) => span.index).join(',')}`;
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

/** A source sentence as one number (sources are few, an article's sentences fewer than 2^20). */
function sentenceId(source: number, sentence: number): number {
  return source * 0x100000 + sentence;
}

function postingOf(id: number): Posting {
  return { source: Math.floor(id / 0x100000), sentence: id % 0x100000 };
}

interface Match {
  source: number;
  sentence: number;
  comparison: SentenceComparison;
}

/**
 * Sentences of one article a sentence here aligns with, at most: a fact is usually told in one
 * sentence of an article, sometimes split over two (the claim, then its attribution or figure).
 */
export const COUNTERPARTS_PER_ARTICLE = 2;

/** The accepted matches of one sentence, the best COUNTERPARTS_PER_ARTICLE per article, best first. */
function counterparts(accepted: Match[]): Match[] {
  accepted.sort((a, b) => b.comparison.sharedScore - a.comparison.sharedScore);
  const perSource = new Map<number, number>();
  return accepted.filter((m) => {
    const count = perSource.get(m.source) ?? 0;
    perSource.set(m.source, count + 1);
    return count < COUNTERPARTS_PER_ARTICLE;
  });
}

function accepts(source: FactSource, comparison: SentenceComparison): boolean {
  if (comparison.reuse || comparison.sharedQuote) return true;
  return source.sameStory && comparison.sharesFactExceptFigures;
}


export interface AlignOptions {
  /** Features kept per article between calls. */
  cache?: SentenceFeatureCache;
  /** How sure alignment must be that two sentences share a fact (the user's setting). */
  strictness?: Strictness;
  /**
   * Articles whose sentences count in the term statistics only and are never compared (other
   * stories' coverage ranked nearby): wording common in the news around this story weighs less.
   */
  statsContext?: readonly Pick<FactSource, 'articleId' | 'text' | 'sentences' | 'meaning'>[];
  /**
   * Only the facts and their conflicts are wanted (related coverage): omissions, unique
   * sentences and the coverage matrix are left empty rather than computed for nothing.
   */
  factsOnly?: boolean;
}

/**
 * Aligns the facts of `article` with those of `sources` (same-story articles, and others
 * searched for reused text).
 */
export function alignFacts(article: FactArticle, sources: readonly FactSource[], options: AlignOptions = {}): FactAlignment {
  const cache = options.cache ?? sharedCache;
  const threshold = factThreshold(SHARED_FACT_THRESHOLD, options.strictness ?? 'balanced');
  // Captions and credit lines of the page itself are neither shared facts nor its own.
  const own = article.entry ?? pageEntry(article);
  const entries = sources.map((s) => cache.get(sourceKey(s), s.text, s.sentences, s.meaning));
  // With their stored vectors (the model's own, as the corpus loader checks): a context article
  // is often aligned next as related coverage, from these cached entries.
  const context = (options.statsContext ?? []).map((s) => cache.get(sourceKey(s), s.text, s.sentences, s.meaning));
  const stats = localStats([own, ...entries, ...context]);
  const idf = (t: string): number => inverseDocumentFrequency(stats, t);

  // Postings as source sentence ids (sentenceId), not objects: a page's sources hold a thousand
  // sentences and more, each under several keys.
  const postings = new Map<string, number[]>();
  entries.forEach((entry, source) => {
    entry.sentences.forEach((sentenceEntry, sentence) => {
      if (sentenceEntry === null) return;
      for (const key of indexKeys(sentenceEntry, stats)) {
        let list = postings.get(key);
        if (list === undefined) postings.set(key, (list = []));
        list.push(sentenceId(source, sentence));
      }
    });
  });
  const storyEntries = entries.map((e, i) => (sources[i]!.sameStory ? e : { sentences: [], clauses: [] }));
  // One sentence often recurs in several sources (a story's versions, wire copy): their entries
  // share features (entries.ts), and a pair of features is compared once per alignment.
  const compared = new Map<SentenceFeatures, Map<SentenceFeatures, SentenceComparison>>();
  // A page's sentence meets several candidates: its terms are weighed once.
  const termWeights = rememberedTermWeights(stats);
  const compareOnce = (a: SentenceEntry, b: SentenceEntry): SentenceComparison => {
    const fa = fullFeatures(a);
    const fb = fullFeatures(b);
    let row = compared.get(fa);
    if (row === undefined) compared.set(fa, (row = new Map()));
    let comparison = row.get(fb);
    if (comparison === undefined) row.set(fb, (comparison = compareEntries(a, b, stats, threshold, termWeights)));
    return comparison;
  };
  const matchesBySentence: Match[][] = own.sentences.map(() => []);
  own.sentences.forEach((entry, index) => {
    if (entry === null) return;
    // Sentences in the order first met (ties keep it), with their summed key weights.
    const candidateWeight = new Map<number, number>();
    for (const key of indexKeys(entry, stats)) {
      const list = postings.get(key);
      if (list === undefined) continue;
      const weight = key.startsWith('#') ? NUMBER_KEY_WEIGHT : idf(key);
      for (const id of list) candidateWeight.set(id, (candidateWeight.get(id) ?? 0) + weight);
    }
    const candidates: { posting: Posting; byMeaning: boolean }[] = [...candidateWeight]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CANDIDATES)
      .map(([id]) => ({ posting: postingOf(id), byMeaning: false }));
    // Same-story counterparts told in other words, which the term index cannot find.
    const taken = new Set(candidates.map(({ posting }) => sentenceId(posting.source, posting.sentence)));
    for (const { source, sentence } of meaningCandidates(entry, storyEntries)) {
      if (!taken.has(sentenceId(source, sentence))) candidates.push({ posting: { source, sentence }, byMeaning: true });
    }
    if (candidates.length === 0) return;
    const accepted: Match[] = [];
    const ownWeight = entry.terms.reduce((sum, t) => sum + idf(t), 0);
    const ownTerms = new Set(entry.terms);
    for (const { posting, byMeaning } of candidates) {
      const other = entries[posting.source]!.sentences[posting.sentence]!;
      // A cheap look at the stems first: pairs sharing too little wording skip the full comparison
      // (unless their meaning brought them here).
      if (!byMeaning && lightOverlap(ownTerms, ownWeight, other, idf) < MIN_LIGHT_OVERLAP) continue;
      const comparison = compareOnce(entry, other);
      if (!accepts(sources[posting.source]!, comparison)) continue;
      // The same words with actor and target swapped are another fact.
      if (rolesReversed(entry.text, other.text)) continue;
      accepted.push({ ...posting, comparison });
    }
    matchesBySentence[index] = counterparts(accepted);
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
      const framing = compareFraming(sentence.text, span.text, { otherName: source.outlet ?? source.title ?? 'the other report', thisArticle: article.text, otherArticle: source.text });
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
        sentenceIndex: span.index,
        start: span.start,
        end: span.end,
        text: span.text,
        score: m.comparison.sharedScore,
        // Every passage listed reports the fact (alignment's calibrated decision, figures
        // aside); the stricter near-equivalence of compareSentences is not a reason to hide one.
        sameFact: true,
        // A copy: a comparison may serve several passages (compareOnce).
        reasons: [...m.comparison.reasons],
        diff: framing.diff,
        labels: framing.labels,
      };
    });
    facts.push({ sentence, passages, conflict });
  });

  if (options.factsOnly) return { facts, omissions: [], unique: [], conflicts, coverage: { outlets: [], rows: [] } };
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
