// A candidate article's facts, headline and lead as story scoring reads them, kept per corpus:
// their corpus term ids, IDF, sums and norms do not depend on the page, so they are worked out
// once per article, not once per page that has it among its candidates (of a warm 40,000-article
// page's 64 candidates, about 26 were an earlier page's too). Each sum is taken in the order
// scoring took it, so the scores are the same to the last bit.
import type { Corpus } from '../corpus/corpus.ts';
import { ArticleCache } from '../corpus/term-vector.ts';

/** A headline or lead as runs of equal term ids (equal ids are stored adjacent). */
export interface PassageRuns {
  /** The term id of each run. */
  ids: Uint32Array;
  /** Its length (the term's count in the passage) and its term's idf. */
  counts: Uint32Array;
  idfs: Float64Array;
  /** count · idf of each run, and the norm of those weights (0 for an empty passage). */
  weights: Float64Array;
  norm: number;
}

export interface CandidateRows {
  /** The article's fact keys (corpus term ids), each one's idf, and their sum. */
  facts: Uint32Array;
  factIdfs: Float64Array;
  factWeight: number;
  headline: PassageRuns;
  lead: PassageRuns;
  /** The idf of every lead term summed, a term as often as it occurs (StoryEvidence.leadCover's whole). */
  leadWeight: number;
}

/** Articles' rows kept per corpus (at most as many as term vectors: ArticleCache). */
const kept = new WeakMap<Corpus, ArticleCache<CandidateRows>>();

function passageRuns(ids: Uint32Array, corpus: Corpus): PassageRuns {
  let runs = 0;
  for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) runs++;
  const out: PassageRuns = { ids: new Uint32Array(runs), counts: new Uint32Array(runs), idfs: new Float64Array(runs), weights: new Float64Array(runs), norm: 0 };
  let squares = 0;
  for (let k = 0, r = 0; k < ids.length; r++) {
    const id = ids[k]!;
    let count = 0;
    while (k < ids.length && ids[k] === id) {
      count++;
      k++;
    }
    const idf = corpus.idfOfTermId(id);
    const w = count * idf;
    squares += w * w;
    out.ids[r] = id;
    out.counts[r] = count;
    out.idfs[r] = idf;
    out.weights[r] = w;
  }
  out.norm = Math.sqrt(squares);
  return out;
}

function readRows(corpus: Corpus, article: number): CandidateRows {
  const facts = corpus.facts(article);
  const factIdfs = new Float64Array(facts.length);
  let factWeight = 0;
  for (let k = 0; k < facts.length; k++) {
    factIdfs[k] = corpus.idfOfTermId(facts[k]!);
    factWeight += factIdfs[k]!;
  }
  const lead = passageRuns(corpus.leadTerms(article), corpus);
  let leadWeight = 0;
  for (let r = 0; r < lead.ids.length; r++) for (let c = 0; c < lead.counts[r]!; c++) leadWeight += lead.idfs[r]!;
  return { facts, factIdfs, factWeight, headline: passageRuns(corpus.headlineTerms(article), corpus), lead, leadWeight };
}

/** The article's rows as scoring reads them, worked out on first use and kept (the oldest dropped first). */
export function candidateRows(corpus: Corpus, article: number): CandidateRows {
  let rows = kept.get(corpus);
  if (rows === undefined) kept.set(corpus, (rows = new ArticleCache((a) => readRows(corpus, a))));
  return rows.get(article);
}
