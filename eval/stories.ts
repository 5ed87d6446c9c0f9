// Story matching on real data: leave-one-out on BASIL (100 events × 3 outlets). Every article
// is queried against the compiled corpus with itself left out; its same-story articles
// (BASIL's `story` field, read here and only here) are the relevant ones.
//   npx tsx eval/stories.ts          figures with the shipped weights (also on corpora of two events)
//   npx tsx eval/stories.ts --fit    also refits the weights (time weight held; TIME_WEIGHT=-1 to try
//                                    another) and checks them two-fold
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileCorpus, loadCorpus, parseCorpusFile, serializeCorpus, type Corpus, type CorpusRecord } from '../lib/corpus/index.ts';
import { EVIDENCE_NAMES, evidenceVector, matchStories, STORY_WEIGHTS, type StoryWeights } from '../lib/story/index.ts';
import { segmentSentences } from '../lib/text/segment.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';

// The sentence model (lib/meaning), read from models/ when first needed.
useModelFiles();

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const basilPath = `${shared}datasets/basil/stories.jsonl`;
if (!existsSync(basilPath)) {
  console.log(`eval/stories: skipped (${basilPath} not found: ../shared is absent)`);
  process.exit(0);
}

/** BASIL has four records with id "empty"; they get their line number so ids are unique. */
function readBasil(): { records: CorpusRecord[]; renamed: number } {
  const seen = new Set<string>();
  let renamed = 0;
  const lines = readFileSync(basilPath, 'utf8').split('\n').map((line, i) => {
    if (!line.trim()) return line;
    const record = JSON.parse(line) as { id: string };
    if (seen.has(record.id)) {
      record.id = `${record.id}@line${i + 1}`;
      renamed++;
    }
    seen.add(record.id);
    return JSON.stringify(record);
  });
  return { records: parseCorpusFile(lines.join('\n'), basilPath).records, renamed };
}

interface Candidate {
  x: number[];
  relevant: boolean;
  terms: number;
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
    const candidates = result.scored.map((s) => ({
      x: evidenceVector(s.evidence),
      relevant: storyOf.get(corpus.article(s.index).id) === record.story,
      terms: s.evidence.terms,
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
  for (const run of runs) {
    const ranked = run.candidates.map((c) => ({ c, s: score(c) })).sort((a, b) => b.s - a.s);
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
  const n = runs.length;
  return { rPrecision: rp / n, map: ap / n, top1: top1 / n, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

const fmt = (f: Figures, withDecision = true) =>
  `R-precision ${f.rPrecision.toFixed(3)}  MAP ${f.map.toFixed(3)}  top-1 ${f.top1.toFixed(3)}` +
  (withDecision ? `  sameStory precision ${f.precision.toFixed(3)} recall ${f.recall.toFixed(3)}` : '');

/**
 * Logistic regression by full-batch gradient descent from zero weights (so a refit does not
 * depend on the shipped weights); `held` weights (indices into weightArray) keep their start value.
 */
function fit(runs: QueryRun[], start: number[], held: Set<number>): number[] {
  const rows = runs.flatMap((r) => r.candidates);
  let w = start.map((v, i) => (held.has(i) ? v : 0));
  for (let iteration = 0; iteration < 10_000; iteration++) {
    const gradient = new Array<number>(w.length).fill(0);
    for (const c of rows) {
      const error = probability(w, c.x) - (c.relevant ? 1 : 0);
      gradient[0]! += error;
      c.x.forEach((v, i) => (gradient[i + 1]! += error * v));
    }
    w = w.map((v, i) => (held.has(i) ? v : v - (2 * gradient[i]!) / rows.length));
  }
  return w;
}

const started = performance.now();
const { records, renamed } = readBasil();
const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'basil' })));
const stories = new Set(records.map((r) => r.story)).size;
console.log(`eval/stories: BASIL leave-one-out, ${records.length} articles, ${stories} stories${renamed ? ` (${renamed} duplicate ids renamed)` : ''}`);

const shipped = weightArray(STORY_WEIGHTS);
const full = runQueries(records, corpus, (r) => r);
console.log(`  engine                 ${fmt(measure(full, (c) => probability(shipped, c.x), (c) => probability(shipped, c.x) >= 0.5))}`);
console.log(`  TF-IDF cosine alone    ${fmt(measure(full, (c) => c.terms, null), false)}`);

// Harder queries: only the headline and the first sentence of each article.
const headlineOnly = runQueries(records, corpus, (r) => ({ ...r, text: segmentSentences(r.text)[0]?.text ?? r.text }));
console.log(`  headline + lead only   ${fmt(measure(headlineOnly, (c) => probability(shipped, c.x), (c) => probability(shipped, c.x) >= 0.5))}`);

// Without publication dates: time cannot help, content alone decides.
const undated = runQueries(records, corpus, (r) => {
  const { published: _dropped, ...rest } = r;
  return rest;
});
console.log(`  query without date     ${fmt(measure(undated, (c) => probability(shipped, c.x), (c) => probability(shipped, c.x) >= 0.5))}`);

// Small corpora, the usual case for a reader's own collection: each event's articles with those
// of the event published nearest in time (contemporary news shares more vocabulary), compiled
// alone, so that IDF comes from six articles and the background prior.
const firstDay = new Map<string, string>();
for (const r of records) {
  if (!r.story || !r.published) continue;
  const known = firstDay.get(r.story);
  if (known === undefined || r.published < known) firstDay.set(r.story, r.published);
}
const dayNumber = (story: string) => Date.parse(firstDay.get(story) ?? '1970-01-01') / 86_400_000;
const small = [...new Set(records.map((r) => r.story!))].flatMap((story) => {
  const others = [...firstDay.keys()].filter((s) => s !== story);
  const nearest = others.reduce((best, s) => (Math.abs(dayNumber(s) - dayNumber(story)) < Math.abs(dayNumber(best) - dayNumber(story)) ? s : best));
  const pair = records.filter((r) => r.story === story || r.story === nearest);
  const pairCorpus = loadCorpus(serializeCorpus(compileCorpus(pair, { name: 'pair' })));
  return runQueries(pair, pairCorpus, (r) => r).filter((_, i) => pair[i]!.story === story);
});
console.log(`  two-event corpora      ${fmt(measure(small, (c) => probability(shipped, c.x), (c) => probability(shipped, c.x) >= 0.5))}`);

if (process.argv.includes('--fit')) {
  const timeIndex = 1 + EVIDENCE_NAMES.indexOf('timeApart');
  const held = new Set([timeIndex]);
  const fitStart = shipped.slice();
  if (process.env.TIME_WEIGHT) fitStart[timeIndex] = Number(process.env.TIME_WEIGHT);
  const fitted = fit(full, fitStart, held);
  console.log(`  fitted weights         ${['bias', ...EVIDENCE_NAMES].map((n, i) => `${n} ${fitted[i]!.toFixed(2)}`).join(', ')}`);
  console.log(`  fitted, all articles   ${fmt(measure(full, (c) => probability(fitted, c.x), (c) => probability(fitted, c.x) >= 0.5))}`);
  const storyIds = [...new Set(records.map((r) => r.story))];
  const fold = (k: number) => full.filter((_, i) => storyIds.indexOf(records[i]!.story) % 2 === k);
  for (const k of [0, 1]) {
    const w = fit(fold(1 - k), fitStart, held);
    console.log(`  two-fold, test half ${k}  ${fmt(measure(fold(k), (c) => probability(w, c.x), (c) => probability(w, c.x) >= 0.5))}`);
  }
}
console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
