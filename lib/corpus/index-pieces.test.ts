// Index pieces kept as read answer what the whole arrays answer: every article's rows, every
// term's postings (lists crossing a page boundary included), every shingle's sentences (runs
// crossing a passage page included), and the whole arrays made once every piece is read; pieces
// written by older builds (signatures in the index part) still open.
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyze, analyzeAsync } from '../analyze.ts';
import { hashRange } from '../sorted.ts';
import { compileCorpus } from './compile.ts';
import type { CorpusData, IndexPiecesLayout } from './data.ts';
import { deserializeCorpus, readSections, serializeCorpus, serializeSections, type SectionFile } from './format.ts';
import { IndexNotLoadedError, openIndexPieces, PASSAGE_PAGE, POSTINGS_PAGE, ROW_STARTS, type RowSection } from './index-pieces.ts';
import { invertedIndex } from './part-lookups.ts';
import { assembleSegment, segmentFromParts, serializeSegmentParts, type SegmentParts } from './parts.ts';
import { openSegmentedCorpus } from './segments.ts';
import { seedRecords } from './test-seeds.ts';
import { asPage, basilPath, basilRecords, buildSegments, seedsInTwoSegments } from './test-segments.ts';
import { ListPage } from './list-page.ts';
import { decodeDeltas, decodeVarints, encodeDeltas } from './varint.ts';

// Every section the pieces store as rows, with its start array (the module's own list).
const ROWS = Object.entries(ROW_STARTS) as [RowSection, (typeof ROW_STARTS)[RowSection]][];

function opened(data: CorpusData) {
  const stored = serializeSegmentParts(data);
  const reads = { rows: 0, postings: 0, passages: 0 };
  const { data: index, pieces } = openIndexPieces(deserializeCorpus(stored.index), (kind, asked) => {
    reads[kind] += asked.length;
    return Promise.resolve(asked.map((k) => stored[kind]![k]!));
  })!;
  return { index, pieces, reads };
}

test.skipIf(!existsSync(basilPath))('index pieces read one by one answer as the whole arrays (BASIL, ../shared)', async () => {
  // Each article three times (wire copies): shingles' runs are three entries long, so some cross
  // a passage page (runs of two, from pairs, would start at even entries and never cross).
  const records = basilRecords().slice(0, 50);
  const copies = [1, 2].flatMap((c) => records.map((r) => ({ ...r, id: `${r.id}-copy${c}`, ...(r.url ? { url: `${r.url}?copy=${c}` } : {}) })));
  const data = compileCorpus([...records, ...copies], { name: 'basil' });
  const inverted = invertedIndex(data);
  const { index, pieces, reads } = opened(data);
  const n = data.meta.articleCount;

  // Nothing read yet: every read throws, none answers empty.
  expect(() => pieces.row('docTerms', 0)).toThrow(IndexNotLoadedError);
  const someTerm = data.docTerms[0]!;
  expect(() => pieces.postings(someTerm)).toThrow(IndexNotLoadedError);
  expect(() => pieces.passageSentences(data.passageHashes[0]!)).toThrow(IndexNotLoadedError);

  for (let a = 0; a < n; a++) {
    await pieces.loadRows([a]);
    for (const [name, start] of ROWS) expect(pieces.row(name, a)).toEqual(data[name].subarray(data[start][a]!, data[start][a + 1]!));
  }
  let crossing = 0;
  for (let t = 0; t < inverted.start.length - 1; t++) {
    const [first, last] = [inverted.start[t]!, inverted.start[t + 1]!];
    if (first < last && Math.floor(first / POSTINGS_PAGE) !== Math.floor((last - 1) / POSTINGS_PAGE)) crossing++;
    await pieces.loadPostings([t]);
    expect(pieces.postings(t)).toEqual(inverted.articles.subarray(first, last));
  }
  // The corpus is large enough that some lists cross a page boundary (joined from two pages).
  expect(crossing).toBeGreaterThan(0);
  let runsCrossing = 0;
  const hashes = data.passageHashes;
  for (let k = 0; k < hashes.length; k++) {
    if (k > 0 && hashes[k] === hashes[k - 1]) continue;
    const [first, last] = hashRange(hashes, hashes[k]!);
    if (Math.floor(first / PASSAGE_PAGE) !== Math.floor((last - 1) / PASSAGE_PAGE)) runsCrossing++;
    await pieces.loadPassages([hashes[k]!]);
    expect(pieces.passageSentences(hashes[k]!)).toEqual(data.passageSentences.subarray(first, last));
  }
  expect(runsCrossing).toBeGreaterThan(0);
  // A shingle no sentence has is found in no page.
  const absent = hashes.findIndex((h, k) => k > 0 && h > hashes[k - 1]! + 1);
  await pieces.loadPassages([hashes[absent]! - 1]);
  expect(pieces.passageSentences(hashes[absent]! - 1)).toEqual(new Uint32Array(0));
  expect(reads.rows).toBeGreaterThan(0);
  // Every piece read one by one is kept as read; the whole arrays are made for a bulk reader, without reading anything again.
  expect(pieces.complete).toBe(false);
  const before = { ...reads };
  await pieces.loadAll();
  expect(reads).toEqual(before);
  expect(pieces.complete).toBe(true);
  expect(index.passageHashes).toEqual(data.passageHashes);
}, 60_000);

test.skipIf(!existsSync(basilPath))('once every piece is read, the segment data is whole again', async () => {
  const data = compileCorpus(basilRecords().slice(0, 40), { name: 'basil' });
  const { index, pieces, reads } = opened(data);
  expect(index.docTerms.length).toBe(0);
  await pieces.loadAll();
  expect(pieces.complete).toBe(true);
  for (const [name] of ROWS) expect(index[name]).toEqual(data[name]);
  expect(index.postingArticles).toEqual(invertedIndex(data).articles);
  expect(index.passageHashes).toEqual(data.passageHashes);
  expect(index.passageSentences).toEqual(data.passageSentences);
  // Each piece was read once.
  const stored = serializeSegmentParts(data);
  expect(reads).toEqual({ rows: stored.rows!.length, postings: stored.postings!.length, passages: stored.passages!.length });
}, 60_000);

/**
 * The parts as builds before rowSignatures wrote them: signatures (and titles and URLs, rowHeads)
 * in the index part, index rows without them (the other sections as they are now).
 */
function withSignaturesInIndexPart(parts: SegmentParts, data: CorpusData): SegmentParts {
  const index = deserializeCorpus(parts.index);
  const { rowSignatures: _, rowHeads: _heads, ...layout } = index.meta.parts!.pieces!;
  const old = serializeCorpus({ ...index, meta: { ...index.meta, parts: { ...index.meta.parts!, pieces: layout } }, signatures: data.signatures, titles: data.titles, urls: data.urls });
  const rows = parts.rows!.map((bytes) => {
    const file = readSections(bytes);
    return serializeSections(file.meta, ROWS.map(([name]) => [name, file.get(name)] as const));
  });
  return { ...parts, index: old, rows };
}

test('segments stored before signatures moved to the index rows open and answer as before (seeds in two segments)', async () => {
  const seeds = seedRecords();
  const segments = buildSegments(seeds, [3], new Map(), []);
  const reference = openSegmentedCorpus(segments, { name: 'seeds' });
  const open = (layout: (parts: SegmentParts, data: CorpusData) => SegmentParts) =>
    openSegmentedCorpus(
      segments.map((s) => {
        const parts = layout(serializeSegmentParts(s.data), s.data);
        return segmentFromParts(s.id, parts.index, (block) => Promise.resolve(parts.blocks[block]!), undefined, (kind, asked) => Promise.resolve(asked.map((k) => parts[kind]![k]!)));
      }),
      { name: 'seeds' },
    );
  const now = open((parts) => parts);
  const before = open(withSignaturesInIndexPart);
  // Now the index part holds no signature; before, it held every one.
  expect(deserializeCorpus(serializeSegmentParts(segments[0]!.data).index).signatures.length).toBe(0);
  for (const record of seeds) {
    const expected = analyze(asPage(record), reference);
    expect(await analyzeAsync(asPage(record), now)).toEqual(expected);
    expect(await analyzeAsync(asPage(record), before)).toEqual(expected);
  }
  for (let i = 0; i < reference.indexEnd; i++) {
    if (reference.isRemoved(i)) continue;
    await now.loadIndex({ articles: [i] });
    expect(now.signature(i)).toEqual(reference.signature(i));
    expect(before.signature(i)).toEqual(reference.signature(i));
  }
}, 60_000);

/** Every postings page's numbers, as the current build wrote them (each list from zero). */
function postingPages(parts: SegmentParts, index: CorpusData): Uint32Array[] {
  const { postingsPage } = index.meta.parts!.pieces!;
  const entries = index.postingStart![index.postingStart!.length - 1]!;
  return parts.postings!.map((bytes, k) => {
    const n = Math.min(postingsPage, entries - k * postingsPage);
    return ListPage.read(readSections(bytes).get('postingLists'), n, index.postingStart!, k * postingsPage, 'test').slice(0, n);
  });
}

/** The parts with the layout flags `without` taken out of the index part, and postings pages written by `postings`. */
function withLayout(parts: SegmentParts, without: (keyof IndexPiecesLayout)[], postings: (file: SectionFile, numbers: Uint32Array) => Uint8Array, passages = parts.passages!): SegmentParts {
  const index = deserializeCorpus(parts.index);
  const layout = { ...index.meta.parts!.pieces! };
  for (const flag of without) delete layout[flag];
  const old = serializeCorpus({ ...index, meta: { ...index.meta, parts: { ...index.meta.parts!, pieces: layout } } });
  const numbers = postingPages(parts, index);
  return { ...parts, index: old, postings: parts.postings!.map((bytes, k) => postings(readSections(bytes), numbers[k]!)), passages };
}

/** The parts as builds before varintPages wrote them: postings and passage pages as 32-bit arrays. */
function withPagesOf32Bits(parts: SegmentParts): SegmentParts {
  const { passagePage, passageEntries } = deserializeCorpus(parts.index).meta.parts!.pieces!;
  const passages = parts.passages!.map((bytes, k) => {
    const file = readSections(bytes);
    const n = Math.min(passagePage, passageEntries - k * passagePage);
    return serializeSections(file.meta, [
      ['passageHashes', decodeDeltas(file.get('passageHashDeltas'), n, 'test')],
      ['passageSentences', decodeVarints(file.get('passageSentenceVarints'), n, 'test')],
    ]);
  });
  return withLayout(parts, ['varintPages', 'postingLists'], (file, numbers) => serializeSections(file.meta, [['postingArticles', numbers]]), passages);
}

/** The parts as builds before postingLists wrote them: varint postings pages whose steps run on from one list to the next. */
function withStepsAcrossLists(parts: SegmentParts): SegmentParts {
  return withLayout(parts, ['postingLists'], (file, numbers) => serializeSections(file.meta, [['postingDeltas', encodeDeltas(numbers)]]));
}

/** Bytes of a kind's pieces. */
const bytesOf = (pages: readonly Uint8Array[]) => pages.reduce((n, p) => n + p.length, 0);

test('postings and passage pages written before varints (32-bit arrays) open and answer as before; varints are fewer bytes (seeds in two segments)', async () => {
  const { seeds, reference, stored, open } = seedsInTwoSegments();
  const now = open((parts) => parts);
  const before = open(withPagesOf32Bits);
  for (const record of seeds) {
    const expected = analyze(asPage(record), reference);
    expect(await analyzeAsync(asPage(record), now)).toEqual(expected);
    expect(await analyzeAsync(asPage(record), before)).toEqual(expected);
  }
  for (const parts of stored) {
    const old = withPagesOf32Bits(parts);
    expect(bytesOf(parts.postings!)).toBeLessThan(bytesOf(old.postings!));
    expect(bytesOf(parts.passages!)).toBeLessThan(bytesOf(old.passages!));
  }
}, 60_000);

test('postings pages written before each list started from zero (steps across lists) open and answer as before; lists from zero are no more bytes (seeds in two segments)', async () => {
  const { seeds, reference, stored, open } = seedsInTwoSegments();
  const before = open(withStepsAcrossLists);
  for (const record of seeds) expect(await analyzeAsync(asPage(record), before)).toEqual(analyze(asPage(record), reference));
  for (const parts of stored) expect(bytesOf(parts.postings!)).toBeLessThanOrEqual(bytesOf(withStepsAcrossLists(parts).postings!));
}, 60_000);

test('the passage pages a page needs are read in story matching’s first round, with the postings, before any candidate’s rows (seeds in two segments)', async () => {
  const { seeds, reference, open } = seedsInTwoSegments();
  for (const record of seeds) {
    // Each analysis from nothing read: the order pieces are asked for, by kind.
    const asked: string[] = [];
    const corpus = open((parts) => parts, (kind) => asked.push(kind));
    expect(await analyzeAsync(asPage(record), corpus)).toEqual(analyze(asPage(record), reference));
    const firstRows = asked.indexOf('rows');
    expect(asked.lastIndexOf('passages')).toBeGreaterThanOrEqual(0);
    expect(asked.lastIndexOf('passages')).toBeLessThan(firstRows);
    expect(asked.indexOf('postings')).toBeLessThan(firstRows);
  }
}, 60_000);

test('a damaged varint page is refused by name, not read as a shorter one', async () => {
  const data = compileCorpus(seedRecords(), { name: 'seeds' });
  const stored = serializeSegmentParts(data);
  const file = readSections(stored.passages![0]!);
  const hashes = file.get<Uint8Array>('passageHashDeltas');
  const cut = serializeSections(file.meta, [
    ['passageHashDeltas', hashes.subarray(0, hashes.length - 1)],
    ['passageSentenceVarints', file.get<Uint8Array>('passageSentenceVarints')],
  ]);
  const { pieces } = openIndexPieces(deserializeCorpus(stored.index), (kind, asked) => Promise.resolve(asked.map((k) => (kind === 'passages' && k === 0 ? cut : stored[kind]![k]!))))!;
  await expect(pieces.loadPassages([data.passageHashes[0]!])).rejects.toThrow(/passage page 0 of a corpus segment ends before its \d+ numbers/);
});

test('titles and URLs are read with the index rows: an article is shown once its rows are read, its id before; assembled whole, they are the data’s', async () => {
  const seeds = seedRecords();
  const [segment] = buildSegments(seeds, [], new Map(), []);
  const data = segment!.data;
  const reference = openSegmentedCorpus([segment!], { name: 'seeds' });
  const stored = serializeSegmentParts(data, { blockSize: 2 });
  // The index part holds none of them.
  expect(deserializeCorpus(stored.index).titles.bytes.length).toBe(0);
  expect(deserializeCorpus(stored.index).urls.bytes.length).toBe(0);
  const corpus = openSegmentedCorpus([segmentFromParts(segment!.id, stored.index, (k) => Promise.resolve(stored.blocks[k]!), undefined, (kind, asked) => Promise.resolve(asked.map((k) => stored[kind]![k]!)))], { name: 'seeds' });
  for (let i = 0; i < reference.indexEnd; i++) {
    expect(corpus.articleId(i)).toBe(reference.article(i).id);
    expect(() => corpus.article(i)).toThrow(IndexNotLoadedError);
  }
  await corpus.loadIndex({ articles: Array.from({ length: reference.indexEnd }, (_, i) => i) });
  let titles = 0;
  let urls = 0;
  for (let i = 0; i < reference.indexEnd; i++) {
    expect(corpus.article(i)).toEqual(reference.article(i));
    if (reference.article(i).title) titles++;
    if (reference.article(i).url) urls++;
  }
  // Not a pass on empty strings: the seeds have titles and URLs.
  expect(titles).toBeGreaterThan(0);
  expect(urls).toBeGreaterThan(0);
  expect(serializeCorpus(assembleSegment(stored))).toEqual(serializeCorpus(data));
});

/** The seeds in two segments opened from their stored parts, counting the pieces read by kind; `onRead` sees each read first. */
function countedSeeds(onRead: () => void = () => undefined) {
  const { seeds, reference, stored, open } = seedsInTwoSegments();
  const reads = { rows: 0, postings: 0, passages: 0 };
  const corpus = open(
    (parts) => parts,
    (kind, pieces) => {
      onRead();
      reads[kind] += pieces.length;
    },
  );
  const pages = (kind: 'rows' | 'postings' | 'passages') => stored.reduce((n, parts) => n + parts[kind]!.length, 0);
  return { seeds, reference, corpus, reads, pages };
}

test('reading the search index ahead reads every postings and passage page and the newest articles’ rows once, and gives every term its corpus id; analyses after it read nothing more, look up no term, and answer as one compile (seeds in two segments)', async () => {
  const { seeds, reference, corpus, reads, pages } = countedSeeds();
  await corpus.readSearchIndex();
  // The seeds are fewer than ROWS_READ_AHEAD articles: all their rows are read.
  const ahead = { rows: pages('rows'), postings: pages('postings'), passages: pages('passages') };
  expect(ahead.postings).toBeGreaterThan(1);
  expect(ahead.passages).toBeGreaterThan(1);
  expect(ahead.rows).toBeGreaterThan(1);
  expect(reads).toEqual(ahead);
  // Read already: a second read-ahead reads nothing.
  await corpus.readSearchIndex();
  expect(reads).toEqual(ahead);
  // Every term has its corpus id: analyses look up none.
  const terms = corpus.termsLookedUp;
  expect(terms).toBeGreaterThan(500);
  for (const record of seeds) expect(await analyzeAsync(asPage(record), corpus)).toEqual(analyze(asPage(record), reference));
  expect(corpus.termsLookedUp).toBe(terms);
  expect(reads).toEqual(ahead);
}, 60_000);

test.skipIf(!existsSync(basilPath))('the rows read ahead are the newest articles’ (the last blocks), up to the number asked, whole blocks only', async () => {
  const data = compileCorpus(basilRecords().slice(0, 43), { name: 'basil' });
  const stored = serializeSegmentParts(data, { blockSize: 4 });
  const asked: number[] = [];
  const { pieces } = openIndexPieces(deserializeCorpus(stored.index), (kind, blocks) => {
    if (kind === 'rows') asked.push(...blocks);
    return Promise.resolve(blocks.map((k) => stored[kind]![k]!));
  })!;
  // 43 articles in blocks of 4: the last block holds 3. Ten articles: the last block and the one before (7), not a third (11).
  expect(await pieces.loadNewestRows(10)).toBe(7);
  expect(asked).toEqual([10, 9]);
  for (let a = 36; a < 43; a++) expect(pieces.hasRows(a)).toBe(true);
  expect(pieces.hasRows(35)).toBe(false);
  // Asked again for more: only the blocks not read yet.
  expect(await pieces.loadNewestRows(100)).toBe(43);
  expect(asked.slice(2).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  expect(pieces.complete).toBe(false);
}, 60_000);

test('a read-ahead stops between reads once its signal is aborted, and a later one reads the rest (seeds in two segments)', async () => {
  const controller = new AbortController();
  // Aborted as its first read is asked for (the first segment's postings): nothing after that read is asked for.
  const { corpus, reads, pages } = countedSeeds(() => controller.abort());
  await corpus.readSearchIndex(controller.signal);
  expect(reads.passages).toBe(0);
  expect(reads.rows).toBe(0);
  expect(reads.postings).toBeGreaterThan(0);
  expect(reads.postings).toBeLessThan(pages('postings'));
  // An aborted signal reads nothing at all.
  await corpus.readSearchIndex(controller.signal);
  expect(reads.passages).toBe(0);
  await corpus.readSearchIndex();
  expect(reads).toEqual({ rows: pages('rows'), postings: pages('postings'), passages: pages('passages') });
}, 60_000);
