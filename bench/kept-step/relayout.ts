// A kept growth step's stored corpus (bench/growth.ts --keep DIR) with every segment laid out in
// parts again as this version of the extension writes them (utils/corpus-storage segmentParts),
// the articles unchanged: a change to how segments are stored is then timed on the same corpus,
// before and after (bench/kept-step/cold.ts), without simulating the days again.
//
//   npx tsx bench/kept-step/relayout.ts DIR STEP OUT_DIR
//
// Writes OUT_DIR/indexeddb-STEP.bin and copies the step's reader pages and bundled corpus there.
import 'fake-indexeddb/auto';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCorporaDb } from '../../utils/corpus-storage/db.ts';
import { FEED_ARTICLES_PART, loadWholeSegment } from '../../utils/corpus-storage/open.ts';
import { decodeFeedRefs, feedRefsPart, feedRefsParts } from '../../utils/corpus-storage/feed-refs.ts';
import { feedSummary } from '../../utils/corpus-storage/feed-refresh-plan.ts';
import { listParts, partNames, segmentParts } from '../../utils/corpus-storage/segment-api.ts';
import { readManifest, readParts } from '../../utils/corpus-storage/store.ts';
import { restoreIndexedDb, saveIndexedDb } from '../lib/idb-snapshot.ts';

const [dir, step, out] = process.argv.slice(2);
if (!dir || !step || !out || !existsSync(join(dir, `indexeddb-${step}.bin`))) throw new Error('usage: npx tsx bench/kept-step/relayout.ts DIR STEP OUT_DIR (a step kept by bench/growth.ts --keep DIR)');
mkdirSync(out, { recursive: true });
await restoreIndexedDb(join(dir, `indexeddb-${step}.bin`));
const db = await openCorporaDb();
const manifest = await readManifest(db);
const segments = [];
for (const entry of manifest.segments) {
  // Feed bookkeeping re-encoded and paged as this version writes it (utils/corpus-storage/feed-refs.ts);
  // the summary's counts are kept (they may count tombstoned articles: a refresh reads such a segment whole and counts it anew).
  const pages = partNames(entry.parts).filter((name) => name === FEED_ARTICLES_PART || name.startsWith(`${FEED_ARTICLES_PART}-`)).length;
  const names = Array.from({ length: pages }, (_, k) => feedRefsPart(k));
  const refs = pages ? [...(await readParts(db, entry.id, names)).values()].flatMap((bytes) => decodeFeedRefs(bytes)) : null;
  const extra = refs ? feedRefsParts(refs) : [];
  const feeds = refs && entry.feeds ? { ...entry.feeds, pages: feedSummary(refs).pages } : entry.feeds;
  const parts = [...segmentParts(await loadWholeSegment(db, entry), { lazyLookups: entry.kind === 'feeds' }), ...extra];
  const tx = db.transaction(['parts', 'manifest'], 'readwrite');
  const store = tx.objectStore('parts');
  const written = Date.now();
  await store.delete(IDBKeyRange.bound([entry.id, ''], [entry.id, '\uffff']));
  await Promise.all(parts.map((p) => store.put({ segment: entry.id, name: p.name, bytes: p.bytes, written })));
  await tx.done;
  segments.push({ ...entry, parts: listParts(parts.map((p) => p.name)), bytes: parts.reduce((sum, p) => sum + p.bytes.byteLength, 0), ...(feeds ? { feeds } : {}) });
  console.log(`  ${entry.id}: ${entry.articles} articles, ${entry.parts.length} parts → ${parts.length}`);
}
await db.put('manifest', { ...manifest, segments, key: 'manifest' } as never);
db.close();
const size = await saveIndexedDb(join(out, `indexeddb-${step}.bin`));
for (const file of [`pages-${step}.json`, 'corpus.bin']) copyFileSync(join(dir, file), join(out, file));
console.log(`step ${step}: ${segments.length} segments laid out again, ${(size.bytesGzip / 2 ** 20).toFixed(1)} MB gzip stored`);
