// The corpus compiler: validated records in, one CorpusData out (serialized by format.ts).
// Articles are added one at a time and kept only in compact form (interned term ids, counts,
// offsets), so that 100,000 articles compile within a modest heap.
import type { CorpusSummary } from '../result.ts';
import { buildLshBuckets, hashString, LSH_BANDS, SHINGLE_WORDS, SIGNATURE_SIZE } from '../fingerprint/index.ts';
import { termBackgroundClass } from './background.ts';
import { articleFeatures } from './features.ts';
import { buildStringTable, dayFromIso, FORMAT_VERSION, type CorpusData } from './data.ts';
import { CorpusInputError, type CorpusRecord } from './schema.ts';
import { findVersionPairs, primaryVersions, versionRank } from './versions.ts';
import { contextVersionLinks } from './segment-versions.ts';
import type { CorpusContext } from './known-articles.ts';
import { PassageIndexBuilder } from '../facts/passage-index.ts';
import { outletNameFor } from '../outlets/directory.ts';
import { GrowableUint32 } from '../growable-uint32.ts';
import { MEANING_DIMS, MODEL_NAME } from '../meaning/index.ts';

/**
 * Terms in an article's term vector (its highest TF-IDF ones, chosen when searching): enough for
 * story matching; fewer terms to compare per candidate.
 */
export const TOP_TERMS = 192;
const TERM_HASH_SEED = 0x7e4a11ce;

/**
 * Pseudo-articles of general news assumed beside the corpus, each term in its background share
 * of them (lib/text/background.ts; none for terms the background does not know, such as a new
 * name). In a corpus of a few articles that all cover one story, raw document frequencies would
 * call the story's own words common and could not tell "ushakov" from "week"; the prior makes a
 * tiny corpus weigh terms as general news does, and fades as the corpus grows (BASIL's 300
 * articles outweigh it three to one, 100,000 articles a thousand to one).
 */
export const IDF_PRIOR_ARTICLES = 100;

/**
 * Inverse document frequency shared by compiler and queries (smoothed, never zero), from the
 * document frequency blended with the prior: ln((N + m + 1) / (df + m·share + 1)) + 1.
 */
export function inverseDocumentFrequency(df: number, articles: number, backgroundShare = 0): number {
  return Math.log((articles + IDF_PRIOR_ARTICLES + 1) / (df + IDF_PRIOR_ARTICLES * backgroundShare + 1)) + 1;
}

export function termHash(term: string): number {
  return hashString(term, TERM_HASH_SEED);
}

interface PendingArticle {
  id: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
  text: string;
  /** Interned (provisional) term ids and counts; facts as provisional ids. */
  terms: Uint32Array;
  counts: Uint16Array;
  facts: Uint32Array;
  headline: Uint32Array;
  lead: Uint32Array;
  length: number;
}

export interface CompileOptions {
  name?: string;
  sources?: string[];
  /**
   * The corpus these articles join (compiling a segment, ./segments.ts): ids it holds are
   * refused, versions are linked with its articles, and its LSH buckets count as one compile's.
   */
  context?: CorpusContext | null;
}

export class CorpusBuilder {
  private readonly articles: PendingArticle[] = [];
  private readonly ids = new Map<string, string>();
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  private readonly df: number[] = [];
  private readonly sentenceStart = new GrowableUint32();
  // Every sampled shingle: the cap on postings applies when searching (see CorpusData.passageHashes).
  private readonly passages = new PassageIndexBuilder(Infinity);
  private readonly sentenceOffsets = new GrowableUint32();
  private readonly signatures = new GrowableUint32();
  private readonly shingleCounts = new GrowableUint32();
  private readonly meaning: Int8Array[] = [];
  private meaningBytes = 0;

  constructor(private readonly options: CompileOptions = {}) {}

  get size(): number {
    return this.articles.length;
  }

  /** The fingerprints of the articles added so far (what `build` compares with the context's for versions). */
  fingerprints(): { signature: Uint32Array; shingles: number }[] {
    const signatures = this.signatures.toArray();
    const shingles = this.shingleCounts.view();
    return Array.from({ length: this.articles.length }, (_, a) => ({ signature: signatures.subarray(a * SIGNATURE_SIZE, (a + 1) * SIGNATURE_SIZE), shingles: shingles[a]! }));
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
      this.df.push(0);
    }
    return id;
  }

  /** Adds a record; `where` ("file:line") locates it in error messages. */
  add(record: CorpusRecord, where = record.id): void {
    const first = this.ids.get(record.id);
    if (first !== undefined) {
      const [file, line] = splitWhere(where);
      throw new CorpusInputError(file, line, 'id', `duplicate id "${record.id}" (also at ${first})`);
    }
    if (this.options.context && this.options.context.indexOf(record.id) !== -1) {
      const [file, line] = splitWhere(where);
      throw new CorpusInputError(file, line, 'id', `id "${record.id}" is already in the corpus "${this.options.context.name}" (a segment adds new articles only)`);
    }
    this.ids.set(record.id, where);
    const features = articleFeatures(record.text, record.title);
    const terms = new Uint32Array(features.termCounts.size);
    const counts = new Uint16Array(features.termCounts.size);
    let k = 0;
    for (const [term, count] of features.termCounts) {
      const id = this.intern(term);
      this.df[id]!++;
      terms[k] = id;
      counts[k++] = Math.min(count, 65535);
    }
    const facts = new Uint32Array(features.facts.size);
    k = 0;
    for (const fact of features.facts) {
      const id = this.intern(fact);
      this.df[id]!++;
      facts[k++] = id;
    }
    const headline = Uint32Array.from(features.headlineTerms, (t) => this.intern(t));
    const lead = Uint32Array.from(features.leadTerms, (t) => this.intern(t));
    this.sentenceStart.push(this.sentenceOffsets.length / 2);
    this.passages.addArticle(features.sentences.map((s) => record.text.slice(s.start, s.end)));
    for (const s of features.sentences) {
      this.sentenceOffsets.push(s.start);
      this.sentenceOffsets.push(s.end);
    }
    this.meaning.push(features.meaning);
    this.meaningBytes += features.meaning.length;
    for (const value of features.fingerprint.signature) this.signatures.push(value);
    this.shingleCounts.push(features.fingerprint.shingles);
    this.articles.push({
      id: record.id,
      // Named from the address where the directory knows it ("TASS", not "tass.com").
      outlet: outletNameFor(record.url, record.outlet),
      title: record.title?.trim() || null,
      url: record.url?.trim() || null,
      published: record.published ?? null,
      text: record.text,
      terms,
      counts,
      facts,
      headline,
      lead,
      length: features.length,
    });
  }

  build(): CorpusData {
    const n = this.articles.length;
    if (n === 0) throw new CorpusInputError(this.options.sources?.join(', ') || 'corpus', null, null, 'no articles to compile');
    // Final term ids follow ascending hash order so that queries can binary-search a hash.
    const v = this.termList.length;
    const hashes = this.termList.map(termHash);
    const order = Array.from({ length: v }, (_, i) => i).sort((a, b) => hashes[a]! - hashes[b]! || (this.termList[a]! < this.termList[b]! ? -1 : 1));
    const finalId = new Uint32Array(v);
    order.forEach((provisional, final) => (finalId[provisional] = final));
    const termHashes = Uint32Array.from(order, (i) => hashes[i]!);
    const termDf = Uint32Array.from(order, (i) => this.df[i]!);
    const termBackground = Uint8Array.from(order, (i) => termBackgroundClass(this.termList[i]!));
    const terms = buildStringTable(order.map((i) => this.termList[i]!));

    const docTermStart = new Uint32Array(n + 1);
    let vectorSize = 0;
    for (const article of this.articles) vectorSize += article.terms.length;
    const docTerms = new Uint32Array(vectorSize);
    const docTermTf = new Uint8Array(vectorSize);
    let cursor = 0;
    const docLength = new Uint32Array(n);
    const factStart = new Uint32Array(n + 1);
    const facts = new GrowableUint32();
    const headlineStart = new Uint32Array(n + 1);
    const headlineTerms = new GrowableUint32();
    const leadStart = new Uint32Array(n + 1);
    const leadTerms = new GrowableUint32();
    for (let a = 0; a < n; a++) {
      const article = this.articles[a]!;
      // Every term with its count, in term order: nothing here depends on the other articles.
      const order = Array.from(article.terms, (_, i) => i).sort((x, y) => finalId[article.terms[x]!]! - finalId[article.terms[y]!]!);
      docTermStart[a] = cursor;
      for (const i of order) {
        docTerms[cursor] = finalId[article.terms[i]!]!;
        docTermTf[cursor++] = Math.min(255, article.counts[i]!);
      }
      docLength[a] = article.length;
      factStart[a] = facts.length;
      for (const f of Array.from(article.facts, (t) => finalId[t]!).sort((x, y) => x - y)) facts.push(f);
      headlineStart[a] = headlineTerms.length;
      for (const t of Array.from(article.headline, (t) => finalId[t]!).sort((x, y) => x - y)) headlineTerms.push(t);
      leadStart[a] = leadTerms.length;
      for (const t of Array.from(article.lead, (t) => finalId[t]!).sort((x, y) => x - y)) leadTerms.push(t);
      // The compact form is all the vectors need; drop it to keep the heap small.
      article.terms = new Uint32Array(0);
      article.counts = new Uint16Array(0);
      article.facts = new Uint32Array(0);
      article.headline = new Uint32Array(0);
      article.lead = new Uint32Array(0);
    }
    docTermStart[n] = cursor;
    factStart[n] = facts.length;
    headlineStart[n] = headlineTerms.length;
    leadStart[n] = leadTerms.length;
    const sentenceStart = new Uint32Array(n + 1);
    sentenceStart.set(this.sentenceStart.toArray());
    sentenceStart[n] = this.sentenceOffsets.length / 2;

    const passages = this.passages.build();
    const sentenceMeaning = new Int8Array(this.meaningBytes);
    let meaningCursor = 0;
    for (const rows of this.meaning) {
      sentenceMeaning.set(rows, meaningCursor);
      meaningCursor += rows.length;
    }
    const signatures = this.signatures.toArray();
    const shingleCounts = this.shingleCounts.toArray();
    const buckets = buildLshBuckets(signatures, n);
    const outletNames = [...new Set(this.articles.map((a) => a.outlet).filter((o): o is string => o !== null))].sort();
    const outletLookup = new Map(outletNames.map((o, i) => [o, i]));
    const outletIndex = Int32Array.from(this.articles, (a) => (a.outlet === null ? -1 : outletLookup.get(a.outlet)!));
    const versionRanks = Uint32Array.from(this.articles, (a) => versionRank(a.text));
    const context = this.options.context ?? null;
    const versionInput = {
      signatures,
      shingleCounts,
      outlets: outletIndex,
      buckets,
      alsoInBuckets: context ? (a: number) => context.lshBucketSizes(signatures.subarray(a * SIGNATURE_SIZE, (a + 1) * SIGNATURE_SIZE)) : undefined,
    };
    const versionPairs = findVersionPairs(versionInput);
    const links = context ? contextVersionLinks(versionInput, outletNames, context) : { articles: [], ids: [] };
    const primaryVersion = primaryVersions(n, versionPairs, (i) => versionRanks[i]!);
    const publishedDay = Int32Array.from(this.articles, (a) => dayFromIso(a.published));
    const name = this.options.name ?? 'corpus';
    return {
      meta: {
        formatVersion: FORMAT_VERSION,
        name,
        articleCount: n,
        outlets: outletNames,
        params: { signatureSize: SIGNATURE_SIZE, lshBands: LSH_BANDS, shingleWords: SHINGLE_WORDS, topTerms: TOP_TERMS },
        summary: summarize(name, this.articles.map((a) => a.published), outletNames.length, n),
        sources: this.options.sources ?? [],
        meaning: { model: MODEL_NAME, dims: MEANING_DIMS },
      },
      ids: buildStringTable(this.articles.map((a) => a.id)),
      titles: buildStringTable(this.articles.map((a) => a.title)),
      urls: buildStringTable(this.articles.map((a) => a.url)),
      texts: buildStringTable(this.articles.map((a) => a.text)),
      outletIndex,
      publishedDay,
      sentenceStart,
      sentenceOffsets: this.sentenceOffsets.toArray(),
      termHashes,
      termDf,
      termBackground,
      terms,
      docLength,
      docTermStart,
      docTerms,
      docTermTf,
      factStart,
      facts: facts.toArray(),
      headlineStart,
      headlineTerms: headlineTerms.toArray(),
      leadStart,
      leadTerms: leadTerms.toArray(),
      signatures,
      shingleCounts,
      lshKeys: buckets.keys,
      lshArticles: buckets.articles,
      primaryVersion,
      versionRank: versionRanks,
      versionPairs,
      versionLinkArticles: Uint32Array.from(links.articles),
      versionLinkIds: buildStringTable(links.ids),
      passageHashes: passages.hashes,
      passageSentences: passages.sentences,
      sentenceMeaning,
    };
  }
}

function splitWhere(where: string): [string, number | null] {
  const m = /^(.*):(\d+)$/.exec(where);
  return m ? [m[1]!, Number(m[2])] : [where, null];
}

export function summarize(name: string, published: (string | null)[], outlets: number, articles: number): CorpusSummary {
  const dates = published.filter((d): d is string => d !== null).sort();
  return { name, articles, outlets, firstPublished: dates[0] ?? null, lastPublished: dates.at(-1) ?? null };
}

/** Compiles records in one call. */
export function compileCorpus(records: Iterable<CorpusRecord>, options: CompileOptions = {}): CorpusData {
  const builder = new CorpusBuilder(options);
  for (const record of records) builder.add(record);
  return builder.build();
}

