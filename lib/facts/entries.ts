// Per-article sentence entries for fact alignment: light terms of every sentence (for the
// index and the term statistics) at once, full features and clauses only when compared, and the
// clause terms of omissions only when read.
import type { SentenceSpan } from '../result.ts';
import { contentTerms } from '../text/normalize.ts';
import { splitClauses, type Clause } from './clauses.ts';
import { furnitureSentences } from './furniture.ts';
import { sentenceFeatures, type SentenceFeatures } from './features.ts';
import type { TermStats } from './stats.ts';
import { MEANING_DIMS } from '../meaning/index.ts';

/** Sentences with fewer content terms (bylines, "SHARE THIS") state no fact. */
export const MIN_FACT_TERMS = 4;

export interface ClauseTerms {
  sentenceIndex: number;
  text: string;
  terms: string[];
}

/** One sentence: light terms (for the index and statistics) now, full features when compared. */
export interface SentenceEntry {
  text: string;
  /** Distinct stemmed content words (lib/text `contentTerms`). */
  terms: string[];
  /** Numbers as written, digits only ("60", "2018"): index keys that carry facts. */
  numbers: string[];
  full: SentenceFeatures | null | undefined;
  /** The sentence's meaning vector when one was computed with its article's (lib/meaning). */
  meaning: Int8Array | undefined;
  /** Features of the sentence's clauses (when it has more than one), computed when compared. */
  clauses: ClauseFeatures[] | undefined;
}

export interface ClauseFeatures {
  frame: boolean;
  features: SentenceFeatures;
}

export interface ArticleEntry {
  /** Null for sentences too short to state a fact. */
  sentences: (SentenceEntry | null)[];
  /**
   * The fact clauses of the sentences (not frames, MIN_FACT_TERMS terms at least), read when
   * first asked for (articleClauses): only omissions read them, of same-story sources, while the
   * statistics context and the reuse sources are read too.
   */
  clauses?: ClauseTerms[];
}

/**
 * Sentences recur: in the story's other versions, in wire copy and quotations, and the page's
 * own sentences come back in its sources. Their features (all read from the text alone but the
 * meaning vector) are kept by text, the most recent first, and shared by every entry with that
 * text; features are never changed once made. Bounded: a few analyses' worth of sentences.
 */
const FEATURES_KEPT = 4096;
/** Features made with a given meaning vector (a stored one), and those made with the model's own. */
const withVector = new Map<string, SentenceFeatures>();
const encoded = new Map<string, SentenceFeatures>();

function remember(kept: Map<string, SentenceFeatures>, text: string, features: SentenceFeatures): SentenceFeatures {
  if (kept.size >= FEATURES_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(text, features);
  return features;
}

function sameVector(a: Int8Array, b: Int8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `sentenceFeatures(text, meaning)`, from the kept features of the text when there are. */
function featuresOf(text: string, meaning: Int8Array | undefined): SentenceFeatures {
  if (meaning === undefined) return encoded.get(text) ?? remember(encoded, text, sentenceFeatures(text));
  const hit = withVector.get(text);
  if (hit !== undefined && sameVector(hit.meaning, meaning)) return hit;
  // The text's other features with this vector: what sentenceFeatures would make of the pair.
  return remember(withVector, text, hit !== undefined ? { ...hit, meaning } : sentenceFeatures(text, meaning));
}

export function fullFeatures(entry: SentenceEntry): SentenceFeatures {
  entry.full ??= featuresOf(entry.text, entry.meaning);
  return entry.full;
}

export function clauseFeatures(entry: SentenceEntry): ClauseFeatures[] {
  if (entry.clauses === undefined) {
    const clauses = splitClauses(entry.text).filter((c) => contentTerms(c.text).length >= MIN_FACT_TERMS);
    entry.clauses = clauses.length > 1 ? clauses.map((c) => ({ frame: c.frame, features: featuresOf(c.text, undefined) })) : [];
  }
  return entry.clauses;
}

/**
 * Per-article sentence entries, kept across analyses (one cache per loaded corpus). Bounded:
 * the least recently used articles are dropped first.
 */
export class SentenceFeatureCache {
  private readonly entries = new Map<string, ArticleEntry>();
  constructor(readonly capacity = 512) {}

  get(key: string, text: string, sentences: readonly SentenceSpan[], meaning?: Int8Array): ArticleEntry {
    const id = `${key}\u0000${text.length}`;
    const hit = this.entries.get(id);
    if (hit !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const entry = articleEntry(text, sentences, true, meaning);
    this.entries.set(id, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}


const NUMBER = /\d[\d,.]*\d|\d/g;

interface SentenceTerms {
  terms: string[];
  numbers: string[];
}

/** Terms read of sentences by text, shared like features: never changed. */
const termsByText = new Map<string, SentenceTerms>();
const TERMS_KEPT = 8192;

function sentenceTerms(text: string): SentenceTerms {
  let read = termsByText.get(text);
  if (read !== undefined) return read;
  const terms = [...new Set(contentTerms(text))];
  const numbers = [...new Set((text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, '')))];
  read = { terms, numbers };
  if (termsByText.size >= TERMS_KEPT) termsByText.delete(termsByText.keys().next().value!);
  termsByText.set(text, read);
  return read;
}

/** The fact clauses of a sentence by text with their terms, shared like its terms. */
const clausesByText = new Map<string, { clause: Clause; terms: string[] }[]>();

function factClauses(entry: SentenceEntry): { clause: Clause; terms: string[] }[] {
  const { text } = entry;
  let found = clausesByText.get(text);
  if (found !== undefined) return found;
  found = [];
  const clauses = splitClauses(text);
  for (const clause of clauses) {
    if (clause.frame) continue;
    // A sentence of one clause (most are) has that clause's terms: the entry read them.
    const terms = clauses.length === 1 ? entry.terms : [...new Set(contentTerms(clause.text))];
    if (terms.length >= MIN_FACT_TERMS) found.push({ clause, terms });
  }
  if (clausesByText.size >= TERMS_KEPT) clausesByText.delete(clausesByText.keys().next().value!);
  clausesByText.set(text, found);
  return found;
}

/**
 * The fact clauses of an article's sentences, made on first read and kept with the entry. Clauses
 * partition their sentence at spaces and punctuation, where words break anyway: together their
 * terms are the sentence's, so a sentence's entry needs none of them (its terms are read whole).
 */
export function articleClauses(article: ArticleEntry): ClauseTerms[] {
  if (article.clauses === undefined) {
    const clauses: ClauseTerms[] = [];
    article.sentences.forEach((entry, sentenceIndex) => {
      if (entry === null) return;
      for (const { clause, terms } of factClauses(entry)) clauses.push({ sentenceIndex, text: clause.text, terms });
    });
    article.clauses = clauses;
  }
  return article.clauses;
}

/**
 * Sentence entries of an article (`sentences` are spans of `text`); `withClauses` for sources,
 * whose clauses may be omissions (articleClauses), the page's have none. Photo captions and
 * credit lines state no fact. `meaning` holds the article's sentence vectors (row `span.index`),
 * computed with its other features.
 */
export function articleEntry(text: string, sentences: readonly SentenceSpan[], withClauses = true, meaning?: Int8Array): ArticleEntry {
  const entries: (SentenceEntry | null)[] = [];
  const furniture = furnitureSentences(text, sentences);
  for (const s of sentences) {
    if (furniture.has(s.index)) {
      entries.push(null);
      continue;
    }
    const { terms, numbers } = sentenceTerms(s.text);
    if (terms.length < MIN_FACT_TERMS) {
      entries.push(null);
      continue;
    }
    const row = meaning !== undefined && (s.index + 1) * MEANING_DIMS <= meaning.length ? meaning.subarray(s.index * MEANING_DIMS, (s.index + 1) * MEANING_DIMS) : undefined;
    entries.push({ text: s.text, terms, numbers, full: undefined, meaning: row, clauses: undefined });
  }
  return withClauses ? { sentences: entries } : { sentences: entries, clauses: [] };
}

/** Sentence-level term statistics over everything compared: what is rare within this story. */
export function localStats(articles: readonly ArticleEntry[]): TermStats {
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
