// Child process of bench/growth.ts: a background that the browser stopped and started again. It
// finds the extension's IndexedDB as the benchmark saved it (put back before any timing, as a
// browser's IndexedDB is on disk), then times, from nothing loaded: reading the sentence model,
// opening the stored corpus, and the first full analysis of a page; then, after the read-ahead of
// the search index and the warm-up that the background runs once it has answered, the warm
// analyses of other pages. Prints one JSON line. With `artifact:FILE` instead of the saved database, the old
// way: the whole corpus as one compiled artifact, loaded at once. A sixth argument names a file for
// a CPU profile of the warm analyses alone (bench/kept-step/warm.ts --cpu-prof): the cold start would
// otherwise fill most of a whole-process profile.
//
// GROWTH_PREWARM_REAL=N (bench/kept-step/warm.ts --prewarm-real N, bench/growth.ts --code-warmup N), a diagnosis only: before the
// stored corpus is opened, the process analyses N real articles of another corpus (ECB+, whose
// events and sentences are not BASIL's, the growth corpus's sentence source), each left out of an
// in-memory compile of that corpus. The engine's code is then warm, while nothing the growth pages
// read (index parts, articles, sentences remembered by text) is: the warm figure it gives is how
// far a young process's code, not its caches, is from the warm one.
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadCorpus } from '../../lib/corpus/index.ts';
import { loadModelFiles } from '../../lib/cli/model-files.ts';
import { useSentenceModel } from '../../lib/meaning/index.ts';
import type { ArticleInput } from '../../lib/result.ts';
import { restoreIndexedDb } from './idb-snapshot.ts';
import { analyzeStored, openStoredCorpus } from './growth-store.ts';
import { prewarmOnRealText } from './prewarm-real.ts';
import { warmUp } from '../../lib/warm-up.ts';

const [snapshotPath, bundledPath, pagesPath, firstArg, warmupArg, warmProfilePath] = process.argv.slice(2);
const pages = JSON.parse(readFileSync(pagesPath!, 'utf8')) as ArticleInput[];
const first = Number(firstArg);
const warmup = Number(warmupArg);

const artifact = snapshotPath!.startsWith('artifact:') ? snapshotPath!.slice('artifact:'.length) : null;
if (!artifact) await restoreIndexedDb(snapshotPath!);

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
async function timed<T>(run: () => Promise<T> | T): Promise<{ value: T; ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  return { value, ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)) };
}

// The extension reads the model file from its own package (utils/model/sentence-model.ts); here
// the same file from models/, into the same constructor (checked against the vendored files by the
// tests and the build, not at each start).
const model = await timed(() => useSentenceModel(loadModelFiles()));
const prewarm = Number(process.env.GROWTH_PREWARM_REAL ?? 0);
if (prewarm > 0) prewarmOnRealText(prewarm);
const open = await timed(() => (artifact ? loadCorpus(new Uint8Array(readFileSync(artifact))) : openStoredCorpus(bundledPath!)));
const corpus = open.value;
const firstAnalysis = await timed(() => analyzeStored(corpus, pages[first]!));
// Then, as the background does once it has answered, the rest of the search index is read ahead
// (a no-op for the old way's artifact). GROWTH_NO_READ_AHEAD=1 (bench/kept-step/warm.ts
// --no-read-ahead), a diagnosis only, leaves it out: the warm pages then read their pieces.
const readsAhead = process.env.GROWTH_NO_READ_AHEAD !== '1';
const readAhead = readsAhead ? await timed(() => corpus.readSearchIndex()) : { ms: 0 };
// And then, as the background does, the newest articles are analysed to warm the engine up
// (lib/warm-up.ts). GROWTH_NO_WARM_UP=1 (bench/kept-step/warm.ts --no-warm-up), a diagnosis
// only, leaves it out; so does GROWTH_NO_READ_AHEAD, which it follows.
const warmedUp = readsAhead && process.env.GROWTH_NO_WARM_UP !== '1' ? await timed(() => warmUp(corpus)) : { ms: 0, value: 0 };

// Warm: other pages, each analyzed once (a cache never answers), after a few to settle the JIT.
const others = pages.filter((_, i) => i !== first);
for (const page of others.slice(0, warmup)) await analyzeStored(corpus, page);
const warm: { ms: number; cpuMs: number }[] = [];
const profiler = warmProfilePath ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
for (const page of others.slice(warmup)) warm.push(await timed(() => analyzeStored(corpus, page)));
if (profiler) writeFileSync(warmProfilePath!, JSON.stringify((await profiler.post('Profiler.stop')).profile));
const heap = process.memoryUsage();

process.stdout.write(
  JSON.stringify({
    modelMs: model.ms,
    modelCpuMs: model.cpuMs,
    openMs: open.ms,
    openCpuMs: open.cpuMs,
    firstAnalyzeMs: firstAnalysis.ms,
    firstAnalyzeCpuMs: firstAnalysis.cpuMs,
    readAheadMs: readAhead.ms,
    warmUpMs: warmedUp.ms,
    warmUpArticles: warmedUp.value,
    warmMs: warm.map((w) => w.ms),
    warmCpuMs: warm.map((w) => w.cpuMs),
    heapMB: (heap.heapUsed + heap.arrayBuffers) / 2 ** 20,
    articles: corpus.size,
    storiesFound: firstAnalysis.value.stories.length,
  }),
);
