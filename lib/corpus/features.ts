// What the engine extracts from one article, the same way at corpus build time and at query
// time (a query compared with features built differently would match nothing).
import type { SentenceSpan } from '../result.ts';
import { fingerprintText, type Fingerprint } from '../fingerprint/index.ts';
import { contentTerms } from '../text/normalize.ts';
import { segmentSentences } from '../text/segment.ts';
import { tokenize } from '../text/tokenize.ts';
import { MEANING_DIMS, sentenceModel } from '../meaning/index.ts';

export interface ArticleFeatures {
  /** Stemmed content terms of title and text, with their counts. */
  termCounts: Map<string, number>;
  /** Number of content terms (with repeats): the document length for term weighting. */
  length: number;
  /** Fact keys of title and text: "n:" names, "#:" numbers, "d:" dates. */
  facts: Set<string>;
  /** Content terms of the headline (the title, or the first sentence without one), repeats kept. */
  headlineTerms: string[];
  /** Content terms of the lead: headline and the first two sentences, repeats kept. */
  leadTerms: string[];
  /** Fingerprint of the text alone (a title missing from one version must not hide the match). */
  fingerprint: Fingerprint;
  sentences: SentenceSpan[];
  /** Meaning vector of each sentence (lib/meaning), MEANING_DIMS int8 values a sentence, in order. */
  meaning: Int8Array;
}

/** The sentences' meaning vectors, one row of MEANING_DIMS values each. */
export function sentenceMeaning(sentences: readonly SentenceSpan[]): Int8Array {
  const model = sentenceModel();
  const rows = new Int8Array(sentences.length * MEANING_DIMS);
  sentences.forEach((s, i) => rows.set(model.encode(s.text), i * MEANING_DIMS));
  return rows;
}

/** Fact keys: a name by its last word and in full, numbers from 10 up (and fractions) by value, dates by their normal form. */
export function factKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.kind === 'name') {
      const words = token.norm.split(' ');
      const last = words[words.length - 1]!;
      if (last.length > 1) keys.add(`n:${last}`);
      if (words.length > 1) keys.add(`n:${token.norm}`);
    } else if (token.kind === 'number' && (token.value === undefined || token.value >= 10 || !Number.isInteger(token.value))) {
      // Small whole numbers ("two leaders", "one of") appear in every story.
      keys.add(`#:${token.norm}`);
    } else if (token.kind === 'date' && /\d/.test(token.norm)) {
      keys.add(`d:${token.norm}`);
    }
  }
  return keys;
}

/** A lead sentence has at least this many content words: bylines, datelines and labels have fewer. */
const LEAD_MIN_TERMS = 6;
/** Sentences looked at for the lead: past these, the article has no lead to speak of. */
const LEAD_SCAN = 6;

/** The first two sentences that say something (a byline "By A and B · 2018-04-02" does not). */
function leadSentences(sentences: SentenceSpan[]): string[] {
  const lead: string[] = [];
  for (const s of sentences.slice(0, LEAD_SCAN)) {
    if (contentTerms(s.text).length >= LEAD_MIN_TERMS) lead.push(s.text);
    if (lead.length === 2) return lead;
  }
  return lead.length ? lead : sentences.slice(0, 2).map((s) => s.text);
}

export function articleFeatures(text: string, title?: string | null): ArticleFeatures {
  const full = title && !text.startsWith(title) ? `${title}\n${text}` : text;
  const textTerms = contentTerms(text);
  const terms = full === text ? textTerms : contentTerms(title!).concat(textTerms);
  const termCounts = new Map<string, number>();
  for (const t of terms) termCounts.set(t, (termCounts.get(t) ?? 0) + 1);
  const sentences = segmentSentences(text);
  const headline = title?.trim() ? title : (sentences[0]?.text ?? '');
  const lead = leadSentences(sentences);
  if (title?.trim() && !text.startsWith(title)) lead.unshift(title);
  return {
    termCounts,
    headlineTerms: contentTerms(headline),
    leadTerms: contentTerms(lead.join('\n')),
    length: terms.length,
    facts: factKeys(full),
    fingerprint: fingerprintText(text, textTerms),
    sentences,
    meaning: sentenceMeaning(sentences),
  };
}
