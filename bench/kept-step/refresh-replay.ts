// Replays a day's refreshes against a corpus the growth benchmark kept (bench/growth.ts --keep
// DIR): puts the saved IndexedDB back, then runs the next day's scheduled refreshes through the
// same code as the benchmark (bench/lib/growth-store.ts), printing each one's phase times, so a
// refresh at 40,000 or 100,000 articles can be timed or profiled (node --cpu-prof) without
// simulating the days before it.
//
// npx tsx bench/kept-step/refresh-replay.ts DIR STEP [--refreshes N] [--skip-read]
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { useModelFiles } from '../../lib/cli/model-files.ts';
import { loadSentenceSources, syntheticFeedDay } from '../lib/synthetic.ts';
import { FIRST_DAY, followedOutlets, isoDay } from '../lib/growth-sim.ts';
import { restoreIndexedDb } from '../lib/idb-snapshot.ts';
import { followedSources, openGrowthStore } from '../lib/growth-store.ts';
import { readManifest } from '../../utils/corpus-storage/store.ts';
import { openCorporaDb } from '../../utils/corpus-storage/db.ts';

useModelFiles();
const [dir, stepArg] = process.argv.slice(2);
const args = process.argv.slice(4);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i > -1 ? args[i + 1] : undefined;
};
if (!dir || !stepArg) throw new Error('usage: bench/kept-step/refresh-replay.ts DIR STEP [--refreshes N] [--skip-read]');
const count = Number(option('--refreshes') ?? 6);
const SEED = 20261201;
const PER_DAY = 1500;
const PER_DAY_REFRESHES = 24;

await restoreIndexedDb(join(dir, `indexeddb-${stepArg}.bin`));
const manifest = await readManifest(await openCorporaDb());
const latest = manifest.segments.map((s) => s.lastPublished ?? '').sort().at(-1)!;
// The day after the latest stored article: none of its articles is stored yet.
const dayIndex = Math.round((Date.parse(latest.slice(0, 10)) - Date.parse(FIRST_DAY)) / 86_400_000) + 1;
const day = isoDay(FIRST_DAY, dayIndex);
const outlets = followedOutlets();
const sources = loadSentenceSources(fileURLToPath(new URL('../../', import.meta.url)));
const articles = syntheticFeedDay(day, PER_DAY, outlets, sources, SEED);
const store = openGrowthStore(followedSources(outlets, new Date(`${FIRST_DAY}T00:00:00Z`)), new Uint8Array(readFileSync(join(dir, 'corpus.bin'))));
const live = manifest.segments.reduce((n, s) => n + s.articles - (manifest.removed[s.id]?.length ?? 0), 0);
console.log(`replaying ${count} refreshes of ${day} on ${live} stored articles in ${manifest.segments.length} segments`);
const per = (ms: number, n: number) => (ms / n).toFixed(2);
for (let r = 0; r < count; r++) {
  const from = Math.floor((r * articles.length) / PER_DAY_REFRESHES);
  const to = Math.floor(((r + 1) * articles.length) / PER_DAY_REFRESHES);
  const now = new Date(Date.parse(`${day}T00:00:00Z`) + ((r + 1) * 86_400_000) / PER_DAY_REFRESHES - 60_000);
  const t = await store.refresh(articles.slice(from, to), now, !args.includes('--skip-read'));
  const merge = await store.maintain();
  const total = t.open.ms + (t.read?.ms ?? 0) + t.save.ms + t.reopen.ms;
  console.log(
    `  refresh ${r + 1}: ${t.added} new, ${per(total, t.added)} ms per new article (open ${per(t.open.ms, t.added)}, read ${t.read ? per(t.read.ms, t.added) : '-'}, save ${per(t.save.ms, t.added)}, reopen ${per(t.reopen.ms, t.added)}; merges ${merge.ms.toFixed(0)} ms)`,
  );
}
