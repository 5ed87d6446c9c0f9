// Brings what is stored in line with the manifest after opening, in the order a user would want
// nothing lost:
// - an import without a readable segment (stored by version 1 of the database, or compiled by
//   an extension version with another corpus format) is compiled again from its records;
// - version 1's followed-feeds articles (stored as records under the "feeds" import) become one
//   feeds segment with their feed bookkeeping, and the old records go in the same switch;
// - feeds segments of another corpus format are dropped (their text is in no other place; the
//   next refresh brings back what the feeds still list);
// - parts of no live segment left by a cut-short write are deleted.
import type { Corpus } from '@/lib/corpus';
import { FEEDS_CORPUS_ID, FEEDS_CORPUS_NAME, type FeedArticle } from '@/lib/feeds/sources';
import type { CorporaDatabase } from './db';
import { encodeFeedRefs } from './feed-segments';
import { addImport, listImports } from './imports';
import { segmentsOf, withoutSegments, withSegment } from './manifest';
import { FEED_ARTICLES_PART, openStoredCorpus, type SegmentCache } from './open';
import { compileSegment } from './segment-api';
import { newSegmentId, writeSegment } from './segment-entry';
import { collectOrphans, switchManifest } from './store';

/** Returns whether the corpus changed (the caller opens it again). */
export async function reconcile(db: CorporaDatabase, bundled: Corpus, cache: SegmentCache = new Map()): Promise<boolean> {
  let changed = false;
  let opened = await openStoredCorpus(db, bundled, cache);
  const unreadable = new Set(opened.unreadable.map((s) => s.id));

  for (const imported of await listImports(db)) {
    const segments = segmentsOf(opened.manifest, imported.id);
    if (segments.length && segments.every((s) => !unreadable.has(s.id))) continue;
    const records = (await db.get('records', imported.id))?.records ?? [];
    if (!records.length) continue;
    // addImport replaces the import's unreadable segments in its switch.
    await addImport(db, opened.corpus, { corpus: imported, records });
    opened = await openStoredCorpus(db, bundled, cache);
    changed = true;
  }

  const v1Feeds = (await db.get('records', FEEDS_CORPUS_ID))?.records as FeedArticle[] | undefined;
  if (v1Feeds) {
    const id = newSegmentId();
    const entry = v1Feeds.length
      ? await writeSegment(db, {
          id,
          kind: 'feeds',
          source: FEEDS_CORPUS_ID,
          data: await compileSegment(v1Feeds, { id, name: FEEDS_CORPUS_NAME, sources: [FEEDS_CORPUS_NAME], context: opened.corpus }),
          extra: [{ name: FEED_ARTICLES_PART, bytes: encodeFeedRefs(v1Feeds) }],
        })
      : null;
    await switchManifest(
      db,
      (current) => (entry ? withSegment(current, entry) : current),
      (tx) => [tx.objectStore('imports').delete(FEEDS_CORPUS_ID), tx.objectStore('records').delete(FEEDS_CORPUS_ID)],
    );
    changed = true;
  }

  const staleFeeds = opened.unreadable.filter((s) => s.kind === 'feeds').map((s) => s.id);
  if (staleFeeds.length) {
    await switchManifest(db, (current) => withoutSegments(current, staleFeeds));
    changed = true;
  }
  await collectOrphans(db);
  return changed;
}
