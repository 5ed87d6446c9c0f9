// The growth benchmark's cold and warm figures (bench/growth.ts, in Node) timed again where users run
// the engine: the built extension's background in Chromium. A growth step kept by
// `bench/growth.ts --keep DIR` is written into the extension's own IndexedDB (as the benchmark saved
// it, record by record), the browser is closed and started again on that profile, so that its
// background starts from nothing in memory, and the step's reader pages are opened one after the
// other from a loopback server. The background measures each page's analysis (User Timing,
// entrypoints/background/analysis-timing.ts): from asking for the corpus to the analysis done, so
// that the first page includes reading the sentence model and opening the stored corpus, as Node's
// cold figure does. The pages and their order are Node's (bench/lib/growth-cold.ts): in run r,
// page r first, then the others, the first WARMUP_PAGES of them to settle, the rest timed. After
// the first page the benchmark waits for the background's read-ahead of the search index and the
// warm-up after it (lib/warm-up.ts), as Node's does (a reader reads a page for longer than they take).
//
//   npm run build && npx tsx bench/kept-step/browser-warm.ts DIR STEP [--runs 2] [--out FILE] [--probe-reads]
//
// --cpu-prof DIR writes CPU profiles of the background worker (over a loopback DevTools port,
// bench/lib/worker-profiler.ts): browser-cold-R of the first page, browser-warm-R of the timed
// pages. Needs a WebSocket client in Node: NODE_OPTIONS=--experimental-websocket in Node 20.
//
// --probe-reads then times IndexedDB itself in the background: gets of stored parts of each kind
// at random, in transactions of a few or many, and one getAll of a segment's index rows.
// Chromium only (Firefox's background is an event page run by another engine; not measured here).
// The pages are served on 127.0.0.1 as the growth benchmark's simulated sites serve theirs (bench/lib/growth-feeds.ts): the extension extracts their text and
// metadata itself, so its input differs from Node's only by the page's URL.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { launchChromium } from '../../tests/e2e/harness/chromium.ts';
import { extensionDir } from '../../tests/e2e/harness/index.ts';
import { startFixtureServer } from '../../tests/e2e/harness/server.ts';
import type { ArticleInput } from '../../lib/result.ts';
import { keptStepArgs } from '../lib/kept-step-args.ts';
import { articlePage } from '../lib/growth-feeds.ts';
import { readIndexedDbSnapshot, type DatabaseSnapshot } from '../lib/idb-snapshot.ts';
import { median, quantile, round } from '../lib/growth-report.ts';
import { DEVTOOLS_ARGS, profileWorker } from '../lib/worker-profiler.ts';
// The background's measures, by the names it records them under.
import { ANALYSIS_MEASURE, ANSWER_MEASURE, CORPUS_MEASURE, READ_AHEAD_MEASURE, WARM_UP_MEASURE } from '../../entrypoints/background/analysis-timing.ts';

const USAGE = 'npx tsx bench/kept-step/browser-warm.ts DIR STEP [--runs 2] [--out FILE] [--probe-reads] [--cpu-prof DIR]';
const { dir, step, runs, values, profileDir: cpuProfileDir } = keptStepArgs(USAGE, 2, { out: { type: 'string' }, 'probe-reads': { type: 'boolean' } });
const probeReads = values['probe-reads'] === true;
const WARMUP_PAGES = 5;
/** Records written into IndexedDB per call into the worker (parts are up to a few hundred kB each). */
const RECORDS_PER_CALL = 200;

const built = extensionDir('chromium');
if (!existsSync(join(built, 'manifest.json'))) throw new Error(`no built extension in ${built}: run npm run build first`);

/** Typed arrays as base64 for the trip into the worker (evaluate's arguments are JSON-like). */
function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (ArrayBuffer.isView(value)) throw new Error('only Uint8Array records are expected in the stored corpus');
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

/** The extension's background worker of a launched Chromium. */
async function backgroundOf(context: BrowserContext) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  // tsx names the functions it compiles through a helper of its own (esbuild's keepNames), which the
  // worker lacks: a stand-in that leaves them as they are.
  await worker.evaluate('globalThis.__name ??= (f) => f');
  return worker;
}

/**
 * IndexedDB itself, timed in the background: gets of stored parts of each kind at random, in
 * transactions of a few or many, and one getAll of the largest segment's index rows.
 */
function probeStoredReads(worker: Worker): Promise<Record<string, string>> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('parallax-corpora');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const req = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const keys = await req(db.transaction('parts').objectStore('parts').getAllKeys());
    const results: Record<string, string> = {};
    const pick = (kind: string) => keys.filter((k) => String((k as string[])[1]).replace(/-\d+$/, '') === kind);
    for (const [kind, per, batches] of [['lsh', 18, 5], ['passages', 18, 5], ['rows', 18, 5], ['block', 18, 1], ['passages', 90, 1], ['passages', 1, 20]] as const) {
      const pool = pick(kind);
      const times: number[] = [];
      let bytes = 0;
      for (let round = 0; round < 6; round++) {
        const t0 = performance.now();
        for (let batch = 0; batch < batches; batch++) {
          const store = db.transaction('parts').objectStore('parts');
          const got = await Promise.all(Array.from({ length: per }, () => req(store.get(pool[Math.floor(Math.random() * pool.length)]!)) as Promise<{ bytes: Uint8Array }>));
          for (const g of got) bytes += g.bytes.byteLength;
        }
        times.push(performance.now() - t0);
      }
      times.sort((x, y) => x - y);
      results[`${kind}, ${batches} transaction${batches > 1 ? 's' : ''} of ${per} get${per > 1 ? 's' : ''} at random`] = `median ${times[3]!.toFixed(1)} ms, ${(bytes / 6 / 1024).toFixed(0)} KB`;
    }
    {
      // The index rows of the segment with the most, in one getAll over their key range.
      const rowsOf = new Map<string, number>();
      for (const k of pick('rows')) rowsOf.set((k as string[])[0]!, (rowsOf.get((k as string[])[0]!) ?? 0) + 1);
      const segment = [...rowsOf].sort((a, b) => b[1] - a[1])[0]![0];
      const t0 = performance.now();
      const all = await req(db.transaction('parts').objectStore('parts').getAll(IDBKeyRange.bound([segment, 'rows-'], [segment, 'rows-\uffff'])));
      const bytes = all.reduce((n: number, v: { bytes: Uint8Array }) => n + v.bytes.byteLength, 0);
      results['rows of the largest segment, one getAll'] = `${(performance.now() - t0).toFixed(1)} ms, ${all.length} records, ${(bytes / 2 ** 20).toFixed(1)} MB`;
    }
    db.close();
    return results;
  });
}

/** Writes the saved databases into the extension's IndexedDB, from its background worker. */
async function restoreInBrowser(context: BrowserContext, snapshots: DatabaseSnapshot[]): Promise<number> {
  const worker = await backgroundOf(context);
  let written = 0;
  for (const db of snapshots) {
    const shapes = db.stores.map(({ keys: _k, values: _v, ...shape }) => shape);
    await worker.evaluate(
      ({ name, version, shapes }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name, version);
          open.onupgradeneeded = () => {
            for (const shape of shapes) {
              if (open.result.objectStoreNames.contains(shape.name)) continue;
              const store = open.result.createObjectStore(shape.name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
              for (const index of shape.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
            }
          };
          open.onsuccess = () => {
            const tx = open.result.transaction(shapes.map((s) => s.name), 'readwrite');
            for (const shape of shapes) tx.objectStore(shape.name).clear();
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      { name: db.name, version: db.version, shapes },
    );
    for (const store of db.stores) {
      for (let first = 0; first < store.values.length; first += RECORDS_PER_CALL) {
        const chunk = JSON.stringify(store.values.slice(first, first + RECORDS_PER_CALL).map(encode));
        const keys = store.keyPath === null ? JSON.stringify(store.keys.slice(first, first + RECORDS_PER_CALL)) : null;
        await worker.evaluate(
          ({ name, version, storeName, chunk, keys }) => {
            const decode = (v: unknown): unknown => {
              if (Array.isArray(v)) return v.map(decode);
              if (v && typeof v === 'object') {
                const bytes = (v as { $bytes?: string }).$bytes;
                if (typeof bytes === 'string') return Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
                return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
              }
              return v;
            };
            const records = (JSON.parse(chunk) as unknown[]).map(decode);
            const recordKeys = keys === null ? null : (JSON.parse(keys) as IDBValidKey[]);
            return new Promise<void>((resolve, reject) => {
              const open = indexedDB.open(name, version);
              open.onsuccess = () => {
                const tx = open.result.transaction(storeName, 'readwrite');
                const store = tx.objectStore(storeName);
                records.forEach((record, i) => (recordKeys ? store.put(record, recordKeys[i]) : store.put(record)));
                tx.oncomplete = () => (open.result.close(), resolve());
                tx.onerror = () => reject(tx.error);
              };
              open.onerror = () => reject(open.error);
            });
          },
          { name: db.name, version: db.version, storeName: store.name, chunk, keys },
        );
        written += Math.min(RECORDS_PER_CALL, store.values.length - first);
      }
    }
  }
  return written;
}

const snapshots = readIndexedDbSnapshot(join(dir, `indexeddb-${step}.bin`));
const pages = JSON.parse(readFileSync(join(dir, `pages-${step}.json`), 'utf8')) as ArticleInput[];
if (pages.length < WARMUP_PAGES + 2) throw new Error(`step ${step} keeps ${pages.length} reader pages; the benchmark needs ${WARMUP_PAGES + 2} at least`);
const server = await startFixtureServer([], Object.fromEntries(pages.map((page, k) => [`/reader/${k}.html`, () => ({ body: articlePage(page) })])));
const profile = mkdtempSync(join(tmpdir(), 'parallax-browser-warm-'));

interface BrowserRun {
  coldMs: number;
  coldOpenMs: number;
  warmMs: number[];
  /** The whole answer to each timed page (parallax:answer), where the build measures it. */
  warmAnswerMs: number[] | null;
  states: string[];
}
const results: BrowserRun[] = [];
/** Each run's read-ahead of the search index after the first answer, the warm-up included (READ_AHEAD_MEASURE). */
const readAheadMs: number[] = [];
/** Each run's warm-up, the read-ahead's last part (WARM_UP_MEASURE). */
const warmUpMs: number[] = [];

/** The background's read-ahead after its first answer, once done (ms). */
async function readAheadOf(worker: Worker): Promise<number> {
  const deadline = performance.now() + 120_000;
  for (;;) {
    const [done] = await worker.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), READ_AHEAD_MEASURE);
    if (done !== undefined) return done;
    if (performance.now() > deadline) throw new Error('the background did not finish reading the search index ahead within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
try {
  {
    const browser = await launchChromium({ extensionDir: built, profileDir: profile });
    try {
      const t0 = performance.now();
      const records = await restoreInBrowser(browser.raw as BrowserContext, snapshots);
      console.log(`step ${step}: ${records} IndexedDB records written into the extension's database in ${round((performance.now() - t0) / 1000)} s`);
    } finally {
      await browser.close();
    }
  }
  for (let r = 0; r < runs; r++) {
    // Started again on the same profile: the background starts from nothing in memory, the corpus on disk.
    const browser = await launchChromium({ extensionDir: built, profileDir: profile, ...(cpuProfileDir ? { chromiumArgs: DEVTOOLS_ARGS } : {}) });
    try {
      const profiler = cpuProfileDir ? await profileWorker(profile, `chrome-extension://${browser.extensionId}/`) : null;
      const order = [r % pages.length, ...pages.keys()].filter((k, i, all) => all.indexOf(k) === i);
      const tab = await browser.newPage();
      const states: string[] = [];
      for (const [i, k] of order.entries()) {
        // Two profiles: the first page (the background's cold start) and the timed pages.
        if (profiler && (i === 0 || i === 1 + WARMUP_PAGES)) await profiler.start();
        if (profiler && i === 1) writeFileSync(join(cpuProfileDir!, `browser-cold-${r}.cpuprofile`), JSON.stringify(await profiler.stop()));
        await tab.goto(server.url(`/reader/${k}.html`));
        await tab.waitFor(() => ['no-article', 'no-coverage', 'ready', 'error'].includes(document.documentElement.dataset.parallaxState ?? ''), undefined, 60_000);
        states.push(await tab.evaluate(() => document.documentElement.dataset.parallaxState ?? ''));
        // A reader reads the first page a while: the background reads the search index ahead meanwhile (as Node's figures wait for it).
        if (i === 0) {
          const worker = await backgroundOf(browser.raw as BrowserContext);
          readAheadMs.push(await readAheadOf(worker));
          warmUpMs.push((await worker.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), WARM_UP_MEASURE))[0] ?? 0);
        }
      }
      if (profiler) {
        writeFileSync(join(cpuProfileDir!, `browser-warm-${r}.cpuprofile`), JSON.stringify(await profiler.stop()));
        profiler.close();
      }
      const worker = await backgroundOf(browser.raw as BrowserContext);
      const durations = (name: string) => worker.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
      const [corpus, analysis, answer] = [await durations(CORPUS_MEASURE), await durations(ANALYSIS_MEASURE), await durations(ANSWER_MEASURE)];
      if (analysis.length !== order.length || corpus.length !== order.length) {
        throw new Error(`the background measured ${analysis.length} analyses for ${order.length} pages (did it restart between pages, or answer one from its cache?)`);
      }
      // Cold as in Node: the sentence model read, the corpus opened, the page analysed. Warm: the analysis alone (the corpus is open).
      const warmAnswerMs = answer.length === order.length ? answer.slice(1 + WARMUP_PAGES) : null;
      const run = { coldMs: corpus[0]! + analysis[0]!, coldOpenMs: corpus[0]!, warmMs: analysis.slice(1 + WARMUP_PAGES), warmAnswerMs, states };
      results.push(run);
      console.log(`  run ${r + 1}: first analysis ${round(run.coldMs)} ms (of which model and corpus opened ${round(run.coldOpenMs)}), read ahead and warmed up in ${round(readAheadMs[r]!)} ms (warm-up ${round(warmUpMs[r]!)}), warm median ${round(median(run.warmMs))} ms of ${run.warmMs.length}${warmAnswerMs ? `, whole answer ${round(median(warmAnswerMs))} ms` : ''} (${states.filter((s) => s === 'ready').length}/${states.length} pages ready)`);
      if (probeReads) {
        console.log('  IndexedDB reads of stored parts, timed in the background:');
        for (const [what, figure] of Object.entries(await probeStoredReads(worker))) console.log(`    ${what}: ${figure}`);
      }
      if (browser.errors.length) console.log(`  page errors: ${browser.errors.join('; ')}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

const warm = results.flatMap((r) => r.warmMs);
const summary = {
  step: Number(step),
  browser: 'chromium',
  runs: results.length,
  coldFirstAnalyzeMs: results.map((r) => round(r.coldMs)),
  coldOpenMs: results.map((r) => round(r.coldOpenMs)),
  readAheadMs: readAheadMs.map(round),
  warmUpMs: warmUpMs.map(round),
  warmAnalyzeMedianMs: round(median(warm)),
  warmAnalyzeP95Ms: round(quantile(warm, 0.95)),
  warmAnalyses: warm.length,
  // The page's whole wait (reading its HTML, the analysis, keeping the result), where the build measures it.
  ...(results.every((r) => r.warmAnswerMs) ? { warmAnswerMedianMs: round(median(results.flatMap((r) => r.warmAnswerMs!))) } : {}),
};
console.log(`chromium: first analysis ${summary.coldFirstAnalyzeMs.join(', ')} ms; warm median ${summary.warmAnalyzeMedianMs} ms, p95 ${summary.warmAnalyzeP95Ms} ms (${warm.length} analyses in ${results.length} browsers)${summary.warmAnswerMedianMs === undefined ? '' : `; whole answer, warm median ${summary.warmAnswerMedianMs} ms`}`);
if (typeof values.out === 'string') writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
