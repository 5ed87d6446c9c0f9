// Several segments into one, removed articles dropped, without tokenizing a text or running the
// sentence model: stored data is re-laid out (term ids remapped, arrays concatenated, document
// frequencies recounted, LSH buckets, versions and the passage index rebuilt from what is stored).
// The result equals one compile of the live articles in segment order (a test holds them equal),
// apart from version links to articles outside the merged segments, which it keeps.
import { buildLshBuckets, LSH_BANDS, SHINGLE_WORDS, SIGNATURE_SIZE } from '../fingerprint/index.ts';
import { passageIndexFromPostings } from '../facts/passage-index.ts';
import { GrowableUint32 } from '../growable-uint32.ts';
import { MEANING_DIMS, MODEL_NAME } from '../meaning/index.ts';
import { summarize, TOP_TERMS } from './compile.ts';
import { buildStringTable, FORMAT_VERSION, isoFromDay, readString, type CorpusData, type StringTable } from './data.ts';
import { CorpusInputError } from './schema.ts';
import { CorpusFormatError } from './format.ts';
import type { Segment } from './segmented-corpus.ts';
import { primaryVersions } from './versions.ts';

interface Part {
  data: CorpusData;
  /** Live (not removed) articles, ascending local indices. */
  live: number[];
  /** Local term id → merged term id. */
  termMap: Int32Array;
}

function liveArticles(segment: Segment): number[] {
  const { data, removed } = segment;
  const removedIndex = new Set<number>();
  if (removed?.size) for (let a = 0; a < data.meta.articleCount; a++) if (removed.has(readString(data.ids, a))) removedIndex.add(a);
  const live: number[] = [];
  for (let a = 0; a < data.meta.articleCount; a++) if (!removedIndex.has(a)) live.push(a);
  return live;
}

/** Strings picked from several tables, back to back, copied as bytes (no decoding). */
function pickStrings(picks: { table: StringTable; indices: number[] }[]): StringTable {
  let count = 0;
  let bytes = 0;
  for (const { table, indices } of picks) {
    count += indices.length;
    for (const i of indices) bytes += table.offsets[i + 1]! - table.offsets[i]!;
  }
  const out = { offsets: new Uint32Array(count + 1), bytes: new Uint8Array(bytes) };
  let k = 0;
  let cursor = 0;
  for (const { table, indices } of picks) {
    for (const i of indices) {
      out.offsets[k++] = cursor;
      const piece = table.bytes.subarray(table.offsets[i]!, table.offsets[i + 1]!);
      out.bytes.set(piece, cursor);
      cursor += piece.length;
    }
  }
  out.offsets[count] = cursor;
  return out;
}

/** Per-article id lists (facts, headline or lead terms) of the live articles, remapped. */
function remapLists(parts: Part[], starts: (d: CorpusData) => Uint32Array, lists: (d: CorpusData) => Uint32Array): { start: Uint32Array; list: Uint32Array } {
  const out = new GrowableUint32();
  const start: number[] = [];
  for (const { data, live, termMap } of parts) {
    const s = starts(data);
    const l = lists(data);
    for (const a of live) {
      start.push(out.length);
      // Term order is the same in every segment: remapped lists stay in term order.
      for (let k = s[a]!; k < s[a + 1]!; k++) out.push(termMap[l[k]!]!);
    }
  }
  start.push(out.length);
  return { start: Uint32Array.from(start), list: out.toArray() };
}

/** The vocabulary of the live articles, in term order, and each part's local → merged ids. */
function mergeVocabulary(parts: Part[]): Pick<CorpusData, 'termHashes' | 'termBackground' | 'terms'> {
  const entries: { hash: number; text: string; background: number }[] = [];
  const provisional = new Map<string, number>();
  const locals: Int32Array[] = [];
  for (const { data, live } of parts) {
    const used = new Uint8Array(data.termHashes.length);
    const mark = (starts: Uint32Array, lists: Uint32Array) => {
      for (const a of live) for (let k = starts[a]!; k < starts[a + 1]!; k++) used[lists[k]!] = 1;
    };
    mark(data.docTermStart, data.docTerms);
    mark(data.factStart, data.facts);
    mark(data.headlineStart, data.headlineTerms);
    mark(data.leadStart, data.leadTerms);
    const local = new Int32Array(used.length).fill(-1);
    for (let t = 0; t < used.length; t++) {
      if (!used[t]) continue;
      const text = readString(data.terms, t);
      let p = provisional.get(text);
      if (p === undefined) {
        p = entries.length;
        provisional.set(text, p);
        entries.push({ hash: data.termHashes[t]!, text, background: data.termBackground[t]! });
      }
      local[t] = p;
    }
    locals.push(local);
  }
  const order = entries.map((_, i) => i).sort((a, b) => entries[a]!.hash - entries[b]!.hash || (entries[a]!.text < entries[b]!.text ? -1 : 1));
  const finalId = new Int32Array(entries.length);
  order.forEach((p, final) => (finalId[p] = final));
  parts.forEach((part, s) => {
    const local = locals[s]!;
    for (let t = 0; t < local.length; t++) part.termMap[t] = local[t] === -1 ? -1 : finalId[local[t]!]!;
  });
  return {
    termHashes: Uint32Array.from(order, (p) => entries[p]!.hash),
    termBackground: Uint8Array.from(order, (p) => entries[p]!.background),
    terms: buildStringTable(order.map((p) => entries[p]!.text)),
  };
}

/** Several segments (removed articles dropped) into one, without re-featurising. */
export function mergeSegments(segments: readonly Segment[], options: { id?: string; name?: string; sources?: string[] } = {}): CorpusData {
  for (const s of segments) {
    if (s.data.meta.parts) throw new CorpusFormatError(`segment "${s.id}" is an index part: assemble it with its article blocks first (assembleSegment)`);
  }
  const parts: Part[] = segments.map((segment) => ({ data: segment.data, live: liveArticles(segment), termMap: new Int32Array(segment.data.termHashes.length) }));
  const n = parts.reduce((sum, p) => sum + p.live.length, 0);
  const name = options.name ?? options.id ?? segments.map((s) => s.data.meta.name).join(' + ');
  if (n === 0) throw new CorpusInputError(name, null, null, 'no articles to merge: every article of the segments was removed');
  const vocabulary = mergeVocabulary(parts);

  const docTerms = remapLists(parts, (d) => d.docTermStart, (d) => d.docTerms);
  const facts = remapLists(parts, (d) => d.factStart, (d) => d.facts);
  const headline = remapLists(parts, (d) => d.headlineStart, (d) => d.headlineTerms);
  const lead = remapLists(parts, (d) => d.leadStart, (d) => d.leadTerms);
  const termDf = new Uint32Array(vocabulary.termHashes.length);
  for (const t of docTerms.list) termDf[t]!++;
  for (const t of facts.list) termDf[t]!++;

  const docTermTf = new Uint8Array(docTerms.list.length);
  const docLength = new Uint32Array(n);
  const publishedDay = new Int32Array(n);
  const versionRank = new Uint32Array(n);
  const shingleCounts = new Uint32Array(n);
  const signatures = new Uint32Array(n * SIGNATURE_SIZE);
  const outletNames = new Set<string>();
  for (const { data, live } of parts) for (const a of live) if (data.outletIndex[a] !== -1) outletNames.add(data.meta.outlets[data.outletIndex[a]!]!);
  const outlets = [...outletNames].sort();
  const outletLookup = new Map(outlets.map((o, i) => [o, i]));
  const outletIndex = new Int32Array(n);
  const sentenceStart = new Uint32Array(n + 1);
  const sentenceOffsets = new GrowableUint32();
  let meaningBytes = 0;
  for (const { data, live } of parts) for (const a of live) meaningBytes += (data.sentenceStart[a + 1]! - data.sentenceStart[a]!) * MEANING_DIMS;
  const sentenceMeaning = new Int8Array(meaningBytes);
  const newIndex = new Map<string, number>();
  const passageHashes = new GrowableUint32();
  const passageSentences = new GrowableUint32();
  let i = 0;
  let tf = 0;
  let sentences = 0;
  for (const { data, live } of parts) {
    // New sentence number of each of the part's sentences (-1 for those of removed articles).
    const sentenceMap = new Int32Array(data.sentenceStart[data.meta.articleCount]!).fill(-1);
    for (const a of live) {
      for (let k = data.docTermStart[a]!; k < data.docTermStart[a + 1]!; k++) docTermTf[tf++] = data.docTermTf[k]!;
      docLength[i] = data.docLength[a]!;
      publishedDay[i] = data.publishedDay[a]!;
      versionRank[i] = data.versionRank[a]!;
      shingleCounts[i] = data.shingleCounts[a]!;
      signatures.set(data.signatures.subarray(a * SIGNATURE_SIZE, (a + 1) * SIGNATURE_SIZE), i * SIGNATURE_SIZE);
      outletIndex[i] = data.outletIndex[a] === -1 ? -1 : outletLookup.get(data.meta.outlets[data.outletIndex[a]!]!)!;
      sentenceStart[i] = sentences;
      for (let s = data.sentenceStart[a]!; s < data.sentenceStart[a + 1]!; s++) {
        sentenceOffsets.push(data.sentenceOffsets[2 * s]!);
        sentenceOffsets.push(data.sentenceOffsets[2 * s + 1]!);
        sentenceMap[s] = sentences++;
      }
      sentenceMeaning.set(data.sentenceMeaning.subarray(data.sentenceStart[a]! * MEANING_DIMS, data.sentenceStart[a + 1]! * MEANING_DIMS), sentenceStart[i]! * MEANING_DIMS);
      newIndex.set(readString(data.ids, a), i);
      i++;
    }
    for (let k = 0; k < data.passageHashes.length; k++) {
      const s = sentenceMap[data.passageSentences[k]!]!;
      if (s === -1) continue;
      passageHashes.push(data.passageHashes[k]!);
      passageSentences.push(s);
    }
  }
  sentenceStart[n] = sentences;
  // Stored postings are ascending by hash, sentence numbers ascending within one: gathered part
  // after part they are ascending by sentence within a hash, as a build pushes them.
  const passages = passageIndexFromPostings(passageHashes.toArray(), passageSentences.toArray(), sentenceStart);

  // Versions: pairs within the parts and links between them become pairs; links to articles
  // outside the merged segments stay links (ids), those to removed articles are dropped.
  const removedIds = new Set<string>();
  for (const s of segments) for (const id of s.removed ?? []) removedIds.add(id);
  const pairs: [number, number][] = [];
  const links: { article: number; id: string }[] = [];
  let offset = 0;
  for (const { data, live } of parts) {
    const local = new Int32Array(data.meta.articleCount).fill(-1);
    live.forEach((a, k) => (local[a] = offset + k));
    for (let k = 0; k < data.versionPairs.length; k += 2) {
      const a = local[data.versionPairs[k]!]!;
      const b = local[data.versionPairs[k + 1]!]!;
      if (a !== -1 && b !== -1) pairs.push([a, b]);
    }
    for (let k = 0; k < data.versionLinkArticles.length; k++) {
      const a = local[data.versionLinkArticles[k]!]!;
      const id = readString(data.versionLinkIds, k);
      if (a === -1 || removedIds.has(id)) continue;
      const b = newIndex.get(id);
      if (b !== undefined) pairs.push([Math.min(a, b), Math.max(a, b)]);
      else links.push({ article: a, id });
    }
    offset += live.length;
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const versionPairs = Uint32Array.from(pairs.flat());
  const buckets = buildLshBuckets(signatures, n);
  const published = Array.from(publishedDay, isoFromDay);
  const first = segments[0]!.data.meta;
  return {
    meta: {
      formatVersion: FORMAT_VERSION,
      name,
      articleCount: n,
      outlets,
      params: { signatureSize: SIGNATURE_SIZE, lshBands: LSH_BANDS, shingleWords: SHINGLE_WORDS, topTerms: TOP_TERMS },
      summary: summarize(name, published, outlets.length, n),
      sources: options.sources ?? [...new Set(segments.flatMap((s) => s.data.meta.sources))],
      meaning: first.meaning ?? { model: MODEL_NAME, dims: MEANING_DIMS },
    },
    ids: pickStrings(parts.map((p) => ({ table: p.data.ids, indices: p.live }))),
    titles: pickStrings(parts.map((p) => ({ table: p.data.titles, indices: p.live }))),
    urls: pickStrings(parts.map((p) => ({ table: p.data.urls, indices: p.live }))),
    texts: pickStrings(parts.map((p) => ({ table: p.data.texts, indices: p.live }))),
    outletIndex,
    publishedDay,
    sentenceStart,
    sentenceOffsets: sentenceOffsets.toArray(),
    ...vocabulary,
    termDf,
    docLength,
    docTermStart: docTerms.start,
    docTerms: docTerms.list,
    docTermTf,
    factStart: facts.start,
    facts: facts.list,
    headlineStart: headline.start,
    headlineTerms: headline.list,
    leadStart: lead.start,
    leadTerms: lead.list,
    signatures,
    shingleCounts,
    lshKeys: buckets.keys,
    lshArticles: buckets.articles,
    primaryVersion: primaryVersions(n, versionPairs, (a) => versionRank[a]!),
    versionRank,
    versionPairs,
    versionLinkArticles: Uint32Array.from(links, (l) => l.article),
    versionLinkIds: buildStringTable(links.map((l) => l.id)),
    passageHashes: passages.hashes,
    passageSentences: passages.sentences,
    sentenceMeaning,
  };
}
