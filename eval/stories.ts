// Story matching on real data, leave-one-out: every article is queried against its set's
// compiled corpus with itself left out; its same-event articles (the `story` field, read here
// and only here) are the relevant ones. Four sets:
//   BASIL dated (100 events x 3 outlets), BASIL with every date removed (queries and corpus),
//   ECB+ topics 1-16 (two events of the same kind per topic, undated), NeuS (headline-and-lead
//   texts of left, centre and right outlets, undated).
// Figures per set: R-precision, MAP, top-1, sameStory precision and recall, and a plain TF-IDF
// cosine ranking over the same candidates; recorded in eval/results.json ("stories").
//   npx tsx eval/stories.ts          figures with the shipped weights
//   npx tsx eval/stories.ts --fit    also refits the weights on all sets (time weight held;
//                                    TIME_WEIGHT=-1 to try another) and checks them
//                                    leave-one-set-out (BASIL / ECB+ / NeuS)
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileCorpus, loadCorpus, parseCorpusFile, serializeCorpus, type Corpus, type CorpusRecord } from '../lib/corpus/index.ts';
import { EVIDENCE_NAMES, evidenceVector, matchStories, STORY_WEIGHTS, UNDATED_STORY_WEIGHTS, type StoryWeights } from '../lib/story/index.ts';
import { segmentSentences } from '../lib/text/segment.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';
import { figure, recordResults, type Figures as RecordedFigures } from './lib/results-file.ts';

// The sentence model (lib/meaning), read from models/ when first needed.
useModelFiles();

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const basilPath = `${shared}datasets/basil/stories.jsonl`;
const ecbPath = `${shared}datasets/ecbplus-dev/stories.jsonl`;
const neusPath = `${shared}datasets/neus-dev/stories.jsonl`;
if (!existsSync(basilPath)) {
  console.log(`eval/stories: skipped (${basilPath} not found: ../shared is absent)`);
  process.exit(0);
}

/** Records of a set; duplicate ids (BASIL has four records with id "empty") get their line number. */
function readSet(path: string): { records: CorpusRecord[]; renamed: number } {
  const seen = new Set<string>();
  let renamed = 0;
  const lines = readFileSync(path, 'utf8').split('\n').map((line, i) => {
    if (!line.trim()) return line;
    const record = JSON.parse(line) as { id: string };
    if (seen.has(record.id)) {
      record.id = `${record.id}@line${i + 1}`;
      renamed++;
    }
    seen.add(record.id);
    return JSON.stringify(record);
  });
  return { records: parseCorpusFile(lines.join('\n'), path).records, renamed };
}

interface Candidate {
  x: number[];
  relevant: boolean;
  terms: number;
  /** The time apart is known (dated pairs are weighed by STORY_WEIGHTS, the others by UNDATED_STORY_WEIGHTS). */
  dated: boolean;
}
interface QueryRun {
  relevantCount: number;
  candidates: Candidate[];
}

function runQueries(records: CorpusRecord[], corpus: Corpus, asQuery: (r: CorpusRecord) => CorpusRecord): QueryRun[] {
  const storyOf = new Map(records.map((r) => [r.id, r.story]));
  return records.map((record) => {
    const result = matchStories(asQuery(record), corpus, { limit: 100, excludeIds: [record.id] });
    const relevantCount = records.filter((o) => o.story === record.story && o.id !== record.id).length;
    // Retrieval misses count against recall: relevant articles that never became candidates.
    const candidates = result.scored.map((s) => ({
      x: evidenceVector(s.evidence),
      relevant: storyOf.get(corpus.article(s.index).id) === record.story,
      terms: s.evidence.terms,
      dated: s.evidence.daysApart !== null,
    }));
    return { relevantCount, candidates };
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const weightArray = (w: StoryWeights) => [w.bias, ...EVIDENCE_NAMES.map((n) => w[n])];
const probability = (w: number[], x: number[]) => sigmoid(x.reduce((z, v, i) => z + v * w[i + 1]!, w[0]!));

interface Figures {
  rPrecision: number;
  map: number;
  top1: number;
  precision: number;
  recall: number;
}

function measure(runs: QueryRun[], score: (c: Candidate) => number, decide: ((c: Candidate) => boolean) | null): Figures {
  let rp = 0;
  let ap = 0;
  let top1 = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let ranking = 0;
  for (const run of runs) {
    const ranked = run.candidates.map((c) => ({ c, s: score(c) })).sort((a, b) => b.s - a.s);
    if (run.relevantCount === 0) {
      // A story of one article (two in NeuS): nothing to rank, but any sameStory is a false positive.
      if (decide) for (const { c } of ranked) if (decide(c)) fp++;
      continue;
    }
    ranking++;
    rp += ranked.slice(0, run.relevantCount).filter((r) => r.c.relevant).length / run.relevantCount;
    let hits = 0;
    let sum = 0;
    ranked.forEach((r, i) => {
      if (r.c.relevant) sum += ++hits / (i + 1);
    });
    ap += sum / run.relevantCount;
    if (ranked[0]?.c.relevant) top1++;
    if (decide) {
      for (const { c } of ranked) {
        const yes = decide(c);
        if (yes && c.relevant) tp++;
        else if (yes) fp++;
        else if (c.relevant) fn++;
      }
      fn += run.relevantCount - hits; // relevant articles never retrieved
    }
  }
  const n = Math.max(1, ranking);
  return { rPrecision: rp / n, map: ap / n, top1: top1 / n, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

const fmt = (f: Figures, withDecision = true) =>
  `R-precision ${f.rPrecision.toFixed(3)}  MAP ${f.map.toFixed(3)}  top-1 ${f.top1.toFixed(3)}` +
  (withDecision ? `  sameStory precision ${f.precision.toFixed(3)} recall ${f.recall.toFixed(3)}` : '');

/**
 * Logistic regression by full-batch gradient descent from zero weights (so a refit does not
 * depend on the shipped weights); `held` weights (indices into weightArray) keep their start value.
 */
function fit(sets: QueryRun[][], start: number[], held: Set<number>, dated: boolean): number[] {
  // Each set weighs the same whatever its number of candidate pairs: a fit must hold for news in
  // general, not for the set with the most pairs. Dated and undated pairs have models of their own.
  const rows = sets.flatMap((runs) => {
    const candidates = runs.flatMap((r) => r.candidates).filter((c) => c.dated === dated);
    return candidates.map((c) => ({ c, weight: 1 / (candidates.length * sets.length) }));
  });
  let w = start.map((v, i) => (held.has(i) ? v : 0));
  for (let iteration = 0; iteration < 6_000; iteration++) {
    const gradient = new Array<number>(w.length).fill(0);
    for (const { c, weight } of rows) {
      const error = (probability(w, c.x) - (c.relevant ? 1 : 0)) * weight;
      gradient[0]! += error;
      c.x.forEach((v, i) => (gradient[i + 1]! += error * v));
    }
    w = w.map((v, i) => (held.has(i) ? v : v - 4 * gradient[i]!));
  }
  return w;
}

const started = performance.now();
const shipped = weightArray(STORY_WEIGHTS);
const shippedUndated = weightArray(UNDATED_STORY_WEIGHTS);
const engineScore = (c: Candidate) => probability(c.dated ? shipped : shippedUndated, c.x);
const decideShipped = (c: Candidate) => engineScore(c) >= 0.5;
const compile = (records: CorpusRecord[], name: string): Corpus => loadCorpus(serializeCorpus(compileCorpus(records, { name })));
const undated = (r: CorpusRecord): CorpusRecord => {
  const { published: _dropped, ...rest } = r;
  return rest;
};

interface EvalSet {
  key: string;
  label: string;
  runs: QueryRun[];
  /** Fitting family: the two BASIL sets are one (the same articles). */
  family: string;
}
const sets: EvalSet[] = [];
const recorded: RecordedFigures = {};
const asRecord = (f: Figures, tfidf: Figures): RecordedFigures => ({
  rPrecision: figure(f.rPrecision),
  map: figure(f.map),
  top1: figure(f.top1),
  precision: figure(f.precision),
  recall: figure(f.recall),
  tfidfRPrecision: figure(tfidf.rPrecision),
  tfidfMap: figure(tfidf.map),
  tfidfTop1: figure(tfidf.top1),
});
function report(set: EvalSet): void {
  const engine = measure(set.runs, engineScore, decideShipped);
  const tfidf = measure(set.runs, (c) => c.terms, null);
  console.log(`  ${set.label.padEnd(26)} ${fmt(engine)}`);
  console.log(`  ${''.padEnd(26)} TF-IDF cosine alone: ${fmt(tfidf, false)}`);
  recorded[set.key] = { queries: set.runs.length, ...asRecord(engine, tfidf) };
}

const basil = readSet(basilPath);
const basilCorpus = compile(basil.records, 'basil');
console.log(`eval/stories: leave-one-out; BASIL ${basil.records.length} articles, ${new Set(basil.records.map((r) => r.story)).size} events${basil.renamed ? ` (${basil.renamed} duplicate ids renamed)` : ''}`);
sets.push({ key: 'basilDated', label: 'BASIL, dated', runs: runQueries(basil.records, basilCorpus, (r) => r), family: 'basil' });
report(sets.at(-1)!);
const basilNoDates = basil.records.map(undated);
sets.push({ key: 'basilUndated', label: 'BASIL, every date removed', runs: runQueries(basilNoDates, compile(basilNoDates, 'basil-undated'), (r) => r), family: 'basil' });
report(sets.at(-1)!);
for (const [key, label, path] of [
  ['ecbplus', 'ECB+ topics 1-16', ecbPath],
  ['neus', 'NeuS third', neusPath],
] as const) {
  if (!existsSync(path)) {
    console.log(`  ${label}: skipped (${path} not found)`);
    continue;
  }
  const { records } = readSet(path);
  sets.push({ key, label: `${label} (${records.length})`, runs: runQueries(records, compile(records, key), (r) => r), family: key });
  report(sets.at(-1)!);
}

// Harder BASIL queries: only the headline and the first sentence of each article.
const headlineOnly = runQueries(basil.records, basilCorpus, (r) => ({ ...r, text: segmentSentences(r.text)[0]?.text ?? r.text }));
console.log(`  BASIL headline + lead only  ${fmt(measure(headlineOnly, engineScore, decideShipped))}`);

// Small corpora, the usual case for a reader's own collection: each BASIL event's articles with
// those of the event published nearest in time, compiled alone (IDF from six articles and the
// background prior).
const firstDay = new Map<string, string>();
for (const r of basil.records) {
  if (!r.story || !r.published) continue;
  const known = firstDay.get(r.story);
  if (known === undefined || r.published < known) firstDay.set(r.story, r.published);
}
const dayNumber = (story: string) => Date.parse(firstDay.get(story) ?? '1970-01-01') / 86_400_000;
const small = [...new Set(basil.records.map((r) => r.story!))].flatMap((story) => {
  const others = [...firstDay.keys()].filter((s) => s !== story);
  const nearest = others.reduce((best, s) => (Math.abs(dayNumber(s) - dayNumber(story)) < Math.abs(dayNumber(best) - dayNumber(story)) ? s : best));
  const pair = basil.records.filter((r) => r.story === story || r.story === nearest);
  return runQueries(pair, compile(pair, 'pair'), (r) => r).filter((_, i) => pair[i]!.story === story);
});
console.log(`  BASIL two-event corpora     ${fmt(measure(small, engineScore, decideShipped))}`);

if (process.argv.includes('--fit')) {
  const timeIndex = 1 + EVIDENCE_NAMES.indexOf('timeApart');
  const score = (dated: number[], undatedW: number[]) => (c: Candidate) => probability(c.dated ? dated : undatedW, c.x);
  const show = (label: string, runs: QueryRun[], s: (c: Candidate) => number) => console.log(`    ${label.padEnd(30)} ${fmt(measure(runs, s, (c) => s(c) >= 0.5))}`);
  // Dated pairs: BASIL only (the one dated set), time weight held (TIME_WEIGHT=-1 to try another),
  // leadCover and termsOfBest held at 0; checked two-fold across events.
  const datedStart = shipped.slice();
  if (process.env.TIME_WEIGHT) datedStart[timeIndex] = Number(process.env.TIME_WEIGHT);
  const datedHeld = new Set([timeIndex, 1 + EVIDENCE_NAMES.indexOf('leadCover'), 1 + EVIDENCE_NAMES.indexOf('termsOfBest')]);
  const basilDated = sets.find((s) => s.key === 'basilDated')!;
  const dated = fit([basilDated.runs], datedStart, datedHeld, true);
  console.log(`  dated model fitted on BASIL: ${['bias', ...EVIDENCE_NAMES].map((n, i) => `${n} ${dated[i]!.toFixed(2)}`).join(', ')}`);
  show('BASIL, dated', basilDated.runs, score(dated, shippedUndated));
  const storyIds = [...new Set(basil.records.map((r) => r.story))];
  const fold = (k: number) => basilDated.runs.filter((_, i) => storyIds.indexOf(basil.records[i]!.story) % 2 === k);
  for (const k of [0, 1]) show(`two-fold, test half ${k}`, fold(k), score(fit([fold(1 - k)], datedStart, datedHeld, true), shippedUndated));
  // Undated pairs: all undated sets together, timeApart held at 0; checked leave-one-set-out.
  const undatedSets = sets.filter((s) => s.key !== 'basilDated');
  // termsOfBest held at 0: it measures a candidate against the best other candidate, which these
  // sets (where the query's own event is always in the corpus) reward, but a page about another
  // event of the same actors makes its best candidate look like its own event.
  const termsOfBestIndex = 1 + EVIDENCE_NAMES.indexOf('termsOfBest');
  const undatedStart = shippedUndated.map((v, i) => (i === timeIndex || i === termsOfBestIndex ? 0 : v));
  const undatedHeld = new Set([timeIndex, termsOfBestIndex]);
  const undatedW = fit(undatedSets.map((s) => s.runs), undatedStart, undatedHeld, false);
  console.log(`  undated model fitted on ${undatedSets.map((s) => s.key).join(', ')}: ${['bias', ...EVIDENCE_NAMES].map((n, i) => `${n} ${undatedW[i]!.toFixed(2)}`).join(', ')}`);
  for (const set of undatedSets) show(set.label, set.runs, score(shipped, undatedW));
  for (const left of undatedSets) {
    const w = fit(undatedSets.filter((s) => s !== left).map((s) => s.runs), undatedStart, undatedHeld, false);
    show(`left out: ${left.label}`, left.runs, score(shipped, w));
  }
}
recordResults('stories', recorded);
console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
