// The evidence two sentences give that they report the same fact, as a small vector of
// numbers in 0..1 the scorer weighs (lib/facts/compare.ts) and the fitting script learns on.
import { meaningCosine } from '../meaning/vectors.ts';
import { namePartsMatch } from './names.ts';
import { quantityConflicts, type Quantity, type QuantityConflict } from './quantities.ts';
import type { SentenceFeatures } from './features.ts';
import { firstOwnerLink } from './sense-owners.ts';
import { inverseDocumentFrequency, type TermStats } from './stats.ts';

export interface Evidence {
  /** IDF-weighted share of each side's terms found on the other side, combined (F-measure). */
  weightedOverlap: number;
  /** Informative wording both share, in rare-term equivalents, squashed to 0..1. */
  sharedMass: number;
  /** The smaller of the two IDF-weighted shares: one sentence merely inside the other scores low. */
  weightedCoverageMin: number;
  /** Plain share of distinct terms in common (Jaccard). */
  termJaccard: number;
  /** Share of word pairs in common, stopwords kept: same wording in the same order. */
  bigramDice: number;
  /** Longest run of identical words, relative to the shorter sentence: verbatim reuse. */
  longestRun: number;
  /** Weight of the most informative term either side has and the other lacks, 0..1. */
  missingInformative: number;
  /** How much informative wording the side with more unmatched content adds, 0..1. */
  unmatchedMassMax: number;
  /** The same for the side with less: both sides adding their own details. */
  unmatchedMassMin: number;
  /** Numbers one side gives that the other does not, 0..1. */
  unmatchedQuantities: number;
  /** How short the shorter sentence is, 0..1 (1 for a headline of a few words). */
  shortness: number;
  /** Coverage counts differently in headlines and in long sentences: their product. */
  coverageWhenShort: number;
  /** Unmatched wording weighed by length: a detail missing from a headline matters more. */
  unmatchedWhenShort: number;
  /** Cosine of character trigram counts: word forms and spellings that stems miss. */
  charTrigramCosine: number;
  /** The numbers and dates of one side are all among the other's. */
  quantitiesContained: number;
  /** One side is negated ("not", "no", "never", "n't") and the other is not. */
  negationMismatch: number;
  /** Both give numbers or dates and share one. */
  sharedQuantity: number;
  /** Numbers or dates that count the same thing but disagree. */
  quantityConflict: number;
  /** Both name people/places and every name of the side with fewer names is matched. */
  namesMatched: number;
  /** Both sides name someone and share nobody. */
  namesDisjoint: number;
  /** A quotation of several words appears verbatim in both. */
  sharedQuote: number;
  /** Cosine of the two sentences' meaning vectors (lib/meaning), 0 when negative. */
  meaning: number;
  /** Meaning shared beyond the words shared: the cosine above the plain term overlap, 0..1. */
  meaningBeyondWords: number;
}

export const EVIDENCE_KEYS = [
  'weightedOverlap',
  'weightedCoverageMin',
  'sharedMass',
  'termJaccard',
  'bigramDice',
  'longestRun',
  'missingInformative',
  'unmatchedMassMax',
  'unmatchedMassMin',
  'unmatchedQuantities',
  'shortness',
  'coverageWhenShort',
  'unmatchedWhenShort',
  'charTrigramCosine',
  'quantitiesContained',
  'negationMismatch',
  'sharedQuantity',
  'quantityConflict',
  'namesMatched',
  'namesDisjoint',
  'sharedQuote',
  'meaning',
  'meaningBeyondWords',
] as const satisfies readonly (keyof Evidence)[];

export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

export interface EvidenceDetail {
  evidence: Evidence;
  conflicts: QuantityConflict[];
  /** Terms of `a` matched in `b` only through a different spelling ("dmitri" ~ "dmitry"). */
  spellingMatches: [string, string][];
  sharedNames: number;
  sharedQuantities: number;
}

/** The IDF of the rarest possible term of the collection: what relative IDFs are divided by. */
function relativeIdfScale(stats: TermStats): number {
  return Math.log(1 + Math.max(stats.documents, 1) + 0.5);
}

/**
 * Each of a sentence's terms weighed by its IDF relative to the rarest possible term of the
 * collection (0..1, so that evidence reads the same over a thousand sentence pairs and over a
 * corpus of millions of sentences), in the order of `terms`.
 */
export type TermWeights = (sentence: SentenceFeatures) => Float64Array;

function weighTerms(sentence: SentenceFeatures, stats: TermStats, scale: number): Float64Array {
  const weights = new Float64Array(sentence.terms.length);
  for (let i = 0; i < weights.length; i++) weights[i] = inverseDocumentFrequency(stats, sentence.terms[i]!) / scale;
  return weights;
}

/**
 * TermWeights under `stats`, worked out once per sentence: a sentence met by several others (a
 * page's sentence meets each of its candidates) is weighed once. Only for statistics that stay
 * the same while it is used (one alignment's).
 */
export function rememberedTermWeights(stats: TermStats): TermWeights {
  const scale = relativeIdfScale(stats);
  const kept = new Map<SentenceFeatures, Float64Array>();
  return (sentence) => {
    let weights = kept.get(sentence);
    if (weights === undefined) kept.set(sentence, (weights = weighTerms(sentence, stats, scale)));
    return weights;
  };
}

/** Unmatched informative wording, in rare-term equivalents, squashed to 0..1. */
const UNMATCHED_MASS_SCALE = 2;

function squash(mass: number): number {
  return 1 - Math.exp(-mass / UNMATCHED_MASS_SCALE);
}

/**
 * Share of a matched term's weight a term gets for a WordNet synonym on the other side:
 * paraphrases count in the overlaps. In 5-fold cross-validation on the training pairs, full
 * credit did as well as half, and as well as giving the share of synonyms as separate evidence.
 */
const SYNONYM_CREDIT = 1;

/** Letters two word forms must share from the start to count as one word. */
const MORPHOLOGY_PREFIX = 5;

/**
 * Which terms of each side the other side has: a flag per term of `a.terms` (`b.terms`), as terms
 * are distinct, and how many of `a`'s are matched. Flags, not sets of terms: a page's sentence meets
 * dozens of others, and each pair's sets were most of what comparing it allocated.
 */
interface TermMatches {
  matchedA: Uint8Array;
  matchedB: Uint8Array;
  countA: number;
  spelling: [string, string][];
}

function matchTerms(a: SentenceFeatures, b: SentenceFeatures): TermMatches {
  const matchedA = new Uint8Array(a.terms.length);
  const matchedB = new Uint8Array(b.terms.length);
  let countA = 0;
  for (let i = 0; i < a.terms.length; i++) {
    if (b.termSet.has(a.terms[i]!)) {
      matchedA[i] = 1;
      countA++;
    }
  }
  let openLong = 0;
  for (let j = 0; j < b.terms.length; j++) {
    if (a.termSet.has(b.terms[j]!)) matchedB[j] = 1;
    else if (b.terms[j]!.length >= MORPHOLOGY_PREFIX) openLong++;
  }
  const spelling: [string, string][] = [];
  // Word forms the stemmer leaves apart ("strengthens"/"strength", "organizing"/"organization"):
  // a shared beginning of MORPHOLOGY_PREFIX letters, with the first term of `b` still open.
  if (openLong > 0) {
    for (let i = 0; i < a.terms.length; i++) {
      const term = a.terms[i]!;
      if (matchedA[i] === 1 || term.length < MORPHOLOGY_PREFIX) continue;
      const prefix = term.slice(0, MORPHOLOGY_PREFIX);
      for (let j = 0; j < b.terms.length; j++) {
        const other = b.terms[j]!;
        if (matchedB[j] === 1 || other.length < MORPHOLOGY_PREFIX || !other.startsWith(prefix)) continue;
        matchedA[i] = 1;
        countA++;
        matchedB[j] = 1;
        break;
      }
    }
  }
  // Names spelled differently ("Dmitri"/"Dmitry", "Yuri"/"Yury"): approximate matching among
  // the few name terms exact matching left over on both sides (name terms are terms too).
  const openB: number[] = [];
  for (const t of b.nameTerms) {
    const j = b.terms.indexOf(t);
    if (matchedB[j] === 0) openB.push(j);
  }
  if (openB.length === 0) return { matchedA, matchedB, countA, spelling };
  for (const term of a.nameTerms) {
    const i = a.terms.indexOf(term);
    if (matchedA[i] === 1) continue;
    const j = openB.find((k) => matchedB[k] === 0 && namePartsMatch(term, b.terms[k]!));
    if (j === undefined) continue;
    matchedA[i] = 1;
    countA++;
    matchedB[j] = 1;
    spelling.push([term, b.terms[j]!]);
  }
  return { matchedA, matchedB, countA, spelling };
}

/** Whether a term of `b` left unmatched has sense `id`. */
function ownedUnmatched(b: SentenceFeatures, id: number, matchedB: Uint8Array): boolean {
  const { linkTerm, linkNext } = b.senseOwners;
  for (let link = firstOwnerLink(b.senseOwners, id); link !== -1; link = linkNext[link]!) {
    if (matchedB[linkTerm[link]!] === 0) return true;
  }
  return false;
}

/**
 * IDF weight (`weightsA`, per term of `a`) of the terms of `a` left unmatched that share a WordNet
 * sense with an unmatched term of `b`.
 */
function synonymMass(a: SentenceFeatures, matchedA: Uint8Array, weightsA: Float64Array, b: SentenceFeatures, matchedB: Uint8Array): number {
  if (b.senseOwners.linkTerm.length === 0) return 0;
  let mass = 0;
  for (let i = 0; i < a.terms.length; i++) {
    const ids = a.senses[i];
    if (ids === undefined || matchedA[i] === 1) continue;
    for (let k = 0; k < ids.length; k++) {
      if (!ownedUnmatched(b, ids[k]!, matchedB)) continue;
      mass += weightsA[i]!;
      break;
    }
  }
  return mass;
}

function trigramCosine(a: SentenceFeatures, b: SentenceFeatures): number {
  if (a.trigramNorm === 0 || b.trigramNorm === 0) return 0;
  const x = a.trigramIds;
  const y = b.trigramIds;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < x.length && j < y.length) {
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else dot += a.trigramCounts[i++]! * b.trigramCounts[j++]!;
  }
  return dot / (a.trigramNorm * b.trigramNorm);
}

const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n['’]t\b/i;

/** Whether a sentence is negated, read once per sentence (it meets several others). */
const negations = new WeakMap<SentenceFeatures, boolean>();

function negated(f: SentenceFeatures): boolean {
  let found = negations.get(f);
  if (found === undefined) negations.set(f, (found = NEGATION.test(f.text)));
  return found;
}

let runBuffer = new Int32Array(256);

/** Longest run of identical words (dynamic programming over one reused row pair). */
function longestCommonRun(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  const width = b.length + 1;
  if (runBuffer.length < 2 * width) runBuffer = new Int32Array(2 * width);
  runBuffer.fill(0, 0, 2 * width);
  let best = 0;
  let previous = 0;
  let current = width;
  for (let i = 0; i < a.length; i++) {
    const word = a[i]!;
    runBuffer[current] = 0;
    for (let j = 1; j <= b.length; j++) {
      const run = b[j - 1] === word ? runBuffer[previous + j - 1]! + 1 : 0;
      runBuffer[current + j] = run;
      if (run > best) best = run;
    }
    [previous, current] = [current, previous];
  }
  return best;
}

function namesEvidence(a: SentenceFeatures, b: SentenceFeatures, spelling: readonly [string, string][]): { matched: number; disjoint: number; shared: number } {
  if (a.names.length === 0 || b.names.length === 0) return { matched: 0, disjoint: 0, shared: 0 };
  const spelled = new Map(spelling);
  const bParts = new Set(b.names.flatMap((n) => n.parts));
  const bList = [...bParts];
  const shares = (parts: readonly string[]): boolean =>
    parts.some((p) => bParts.has(p) || bList.some((q) => spelled.get(p) === q || namePartsMatch(p, q)));
  const sharedA = a.names.filter((n) => shares(n.parts)).length;
  const fewer = Math.min(a.names.length, b.names.length);
  return { matched: sharedA >= fewer ? 1 : sharedA / fewer, disjoint: sharedA === 0 ? 1 : 0, shared: sharedA };
}

const NO_QUANTITIES = { unsharedQuantities: 0, sharedQuantities: 0, quantitiesContained: 0 };

/**
 * What the numbers and dates of two sentences say: conflicts, numbers one side gives alone
 * (dates are left out, one outlet dating a statement "Monday" and another "March 20" is common
 * and no sign of two facts; disagreeing dates are conflicts instead), values shared, and whether
 * one side's values are all the other's. Most sentences give none.
 */
function quantityEvidence(
  a: readonly Quantity[],
  b: readonly Quantity[],
): { conflicts: QuantityConflict[]; unsharedQuantities: number; sharedQuantities: number; quantitiesContained: number } {
  if (a.length === 0 && b.length === 0) return { conflicts: [], ...NO_QUANTITIES };
  const conflicts = quantityConflicts(a, b);
  const bValues = new Set(b.map((q) => q.value));
  const aNumbers = new Set(a.filter((q) => q.kind === 'number').map((q) => q.value));
  const bNumbers = new Set(b.filter((q) => q.kind === 'number').map((q) => q.value));
  let sharedNumbers = 0;
  for (const value of aNumbers) if (bNumbers.has(value)) sharedNumbers++;
  const aValues = new Set(a.map((q) => q.value));
  const sharedQuantities = new Set(a.filter((q) => bValues.has(q.value)).map((q) => q.value)).size;
  return {
    conflicts,
    unsharedQuantities: aNumbers.size + bNumbers.size - 2 * sharedNumbers,
    sharedQuantities,
    quantitiesContained: aValues.size + bValues.size > 0 && (sharedQuantities === aValues.size || sharedQuantities === bValues.size) ? 1 : 0,
  };
}

/**
 * Gathers the evidence that sentences `a` and `b` report one fact. Symmetric. `termWeights`, the
 * terms' weights under `stats` when the caller keeps them (rememberedTermWeights).
 */
export function gatherEvidence(a: SentenceFeatures, b: SentenceFeatures, stats: TermStats, termWeights?: TermWeights): EvidenceDetail {
  const { matchedA, matchedB, countA, spelling } = matchTerms(a, b);
  const weightsA = termWeights?.(a) ?? weighTerms(a, stats, relativeIdfScale(stats));
  const weightsB = termWeights?.(b) ?? weighTerms(b, stats, relativeIdfScale(stats));
  let totalA = 0;
  let hitA = 0;

  let missing = 0;
  for (let i = 0; i < a.terms.length; i++) {
    const w = weightsA[i]!;
    totalA += w;
    if (matchedA[i] === 1) hitA += w;
    else missing = Math.max(missing, w);
  }
  let totalB = 0;
  let hitB = 0;
  for (let j = 0; j < b.terms.length; j++) {
    const w = weightsB[j]!;
    totalB += w;
    if (matchedB[j] === 1) hitB += w;
    else missing = Math.max(missing, w);
  }
  const synonymsA = synonymMass(a, matchedA, weightsA, b, matchedB);
  const synonymsB = synonymMass(b, matchedB, weightsB, a, matchedA);
  hitA += SYNONYM_CREDIT * synonymsA;
  hitB += SYNONYM_CREDIT * synonymsB;
  const unmatchedA = totalA - hitA;
  const unmatchedB = totalB - hitB;
  const shortness = 1 / (1 + Math.min(a.terms.length, b.terms.length) / 5);
  const coverA = totalA > 0 ? hitA / totalA : 0;
  const coverB = totalB > 0 ? hitB / totalB : 0;
  const union = a.terms.length + b.terms.length - countA;
  const bigramsA = a.bigrams;
  const bigramsB = b.bigrams;
  // Pairs in common, counted over the smaller set.
  let sharedBigrams = 0;
  if (bigramsA.size <= bigramsB.size) {
    for (const g of bigramsA) if (bigramsB.has(g)) sharedBigrams++;
  } else {
    for (const g of bigramsB) if (bigramsA.has(g)) sharedBigrams++;
  }
  const shorter = Math.min(a.words.length, b.words.length);

  const { conflicts, unsharedQuantities, sharedQuantities, quantitiesContained } = quantityEvidence(a.quantities, b.quantities);
  const names = namesEvidence(a, b, spelling);
  const meaning = Math.max(0, meaningCosine(a.meaning, b.meaning));
  const termJaccard = union > 0 ? countA / union : 0;
  const sharedQuote = a.quotes.some((q) => b.quotes.includes(q) || b.line.includes(` ${q} `)) || b.quotes.some((q) => a.line.includes(` ${q} `));

  return {
    evidence: {
      weightedOverlap: coverA + coverB > 0 ? (2 * coverA * coverB) / (coverA + coverB) : 0,
      weightedCoverageMin: Math.min(coverA, coverB),
      sharedMass: squash((hitA + hitB) / 2),
      termJaccard,
      bigramDice: bigramsA.size + bigramsB.size > 0 ? (2 * sharedBigrams) / (bigramsA.size + bigramsB.size) : 0,
      longestRun: shorter > 0 ? longestCommonRun(a.wordIds, b.wordIds) / shorter : 0,
      missingInformative: missing,
      unmatchedMassMax: squash(Math.max(unmatchedA, unmatchedB)),
      unmatchedMassMin: squash(Math.min(unmatchedA, unmatchedB)),
      unmatchedQuantities: 1 - Math.exp(-unsharedQuantities / 2),
      shortness,
      coverageWhenShort: Math.min(coverA, coverB) * shortness,
      unmatchedWhenShort: squash(Math.max(unmatchedA, unmatchedB)) * shortness,
      charTrigramCosine: trigramCosine(a, b),
      quantitiesContained,
      negationMismatch: negated(a) !== negated(b) ? 1 : 0,
      sharedQuantity: sharedQuantities > 0 ? 1 : 0,
      quantityConflict: conflicts.length > 0 ? 1 : 0,
      namesMatched: names.matched,
      namesDisjoint: names.disjoint,
      sharedQuote: sharedQuote ? 1 : 0,
      meaning,
      meaningBeyondWords: Math.max(0, meaning - termJaccard),
    },
    conflicts,
    spellingMatches: spelling,
    sharedNames: names.shared,
    sharedQuantities,
  };
}
