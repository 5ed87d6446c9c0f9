// What the warm analyses of a growth step kept by `bench/growth.ts --keep DIR` read from IndexedDB,
// in one process opened as bench/lib/growth-cold.ts opens it: for each page after the first and the
// settling ones (as bench/kept-step/warm.ts times them), the parts read by kind (how many, kB), and
// the articles fact alignment asked for against the article blocks read for them (each brings
// blockSize articles). Reads are counted at the object store itself, so every reader is seen
// whichever way it goes; nothing is timed (warm.ts times).
//
//   npx tsx bench/kept-step/reads.ts DIR STEP
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModelFiles } from '../../lib/cli/model-files.ts';
import { useSentenceModel } from '../../lib/meaning/index.ts';
import type { ArticleInput } from '../../lib/result.ts';
import { restoreIndexedDb } from '../lib/idb-snapshot.ts';
import { analyzeStored, openStoredCorpus } from '../lib/growth-store.ts';
import { keptStepArgs } from '../lib/kept-step-args.ts';
import { median, round } from '../lib/growth-report.ts';

const { dir, step } = keptStepArgs('npx tsx bench/kept-step/reads.ts DIR STEP', 1);
/** Pages analysed after the first before counting: warm.ts's settling pages. */
const WARMUP_PAGES = 5;

/** Parts read since the last `take`, by kind (a part's name less its number: `block`, `rows`, `lsh` …). */
const reads = new Map<string, { parts: number; bytes: number }>();
const store = globalThis.IDBObjectStore.prototype;
const get = store.get;
store.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
  const request = get.call(this, key) as IDBRequest<{ name?: string; bytes?: Uint8Array } | undefined>;
  request.addEventListener('success', () => {
    const part = request.result;
    if (!part?.name || !part.bytes) return;
    const kind = part.name.replace(/-\d+$/, '');
    const read = reads.get(kind) ?? { parts: 0, bytes: 0 };
    read.parts++;
    read.bytes += part.bytes.byteLength;
    reads.set(kind, read);
  });
  return request;
};

await restoreIndexedDb(join(dir, `indexeddb-${step}.bin`));
await useSentenceModel(loadModelFiles());
const corpus = await openStoredCorpus(join(dir, 'corpus.bin'));
if (!('loadedBlocks' in corpus)) throw new Error(`step ${step} of ${dir} did not open as a corpus of stored segments`);
const loadedBlocks = () => (corpus as { loadedBlocks: number }).loadedBlocks;
// The articles each analysis asks for (lib/analyze.ts analyzeAsync), wrapped on this corpus alone.
const asked = new Set<number>();
const loadArticles = corpus.loadArticles.bind(corpus);
corpus.loadArticles = (indices) => {
  const list = [...indices];
  for (const index of list) asked.add(index);
  return loadArticles(list);
};

const pages = JSON.parse(readFileSync(join(dir, `pages-${step}.json`), 'utf8')) as ArticleInput[];
const everAsked = new Set<number>();
const rows: { kinds: Map<string, { parts: number; bytes: number }>; blocks: number; asked: number; fresh: number }[] = [];
for (const [k, page] of pages.entries()) {
  reads.clear();
  asked.clear();
  const blocksBefore = loadedBlocks();
  await analyzeStored(corpus, page);
  const fresh = [...asked].filter((index) => !everAsked.has(index)).length;
  for (const index of asked) everAsked.add(index);
  if (k <= WARMUP_PAGES) continue;
  const row = { kinds: new Map(reads), blocks: loadedBlocks() - blocksBefore, asked: asked.size, fresh };
  rows.push(row);
  const kinds = [...row.kinds].map(([kind, r]) => `${kind} ${r.parts} (${round(r.bytes / 1024)} kB)`).join(', ');
  console.log(`page ${k}: ${row.asked} articles asked, ${row.fresh} never before, ${row.blocks} article blocks read; parts: ${kinds || 'none'}`);
}

const kinds = [...new Set(rows.flatMap((r) => [...r.kinds.keys()]))].sort();
const perPage = (pick: (r: (typeof rows)[number]) => number) => round(median(rows.map(pick)));
console.log(`median of ${rows.length} warm pages at ${corpus.size} articles:`);
for (const kind of kinds) console.log(`  ${kind}: ${perPage((r) => r.kinds.get(kind)?.parts ?? 0)} parts, ${perPage((r) => (r.kinds.get(kind)?.bytes ?? 0) / 1024)} kB`);
const total = (r: (typeof rows)[number]) => [...r.kinds.values()].reduce((sum, k) => ({ parts: sum.parts + k.parts, bytes: sum.bytes + k.bytes }), { parts: 0, bytes: 0 });
console.log(`  all: ${perPage((r) => total(r).parts)} parts, ${perPage((r) => total(r).bytes / 1024)} kB`);
console.log(`  articles asked ${perPage((r) => r.asked)} (never before ${perPage((r) => r.fresh)}), article blocks read ${perPage((r) => r.blocks)}`);
