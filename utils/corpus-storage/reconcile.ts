// Brings what is stored in line with the manifest after opening, in the order a user would want
// nothing lost:
// - an import without a readable segment (stored by version 1 of the database, or compiled by
//   an extension version with another corpus format) is compiled again from its records;
// - version 1's followed-feeds articles (stored as records under the "feeds" import) become one
//   feeds segment with their feed bookkeeping, and the old records go in the same switch;
// - feeds segments of another corpus format are dropped (their text is in no other place; the
//   next refresh brings back what the feeds still list);
// - a readable segment stored before segments had a lookup part gets one (a refresh reads it
//   instead of the index part; ./known.ts);
// - parts of no live segment left by a cut-short write are deleted.
// It opens the stored articles from their lookup parts (./known.ts), as a refresh does: a worker
// started for a refresh reads no index part.
import type { Corpus } from '@/lib/corpus';
import { FEEDS_CORPUS_ID, FEEDS_CORPUS_NAME, type FeedArticle } from '@/lib/feeds/sources';
import type { CorporaDatabase } from './db';
import { feedRefsParts } from './feed-segments';
import { feedSummary } from './feed-refresh-plan';
import { addImport, listImports } from './imports';
import { lookupsFromIndexPart, openKnown, type LookupCache } from './known';
import { segmentsOf, withoutSegments, withSegment, type Manifest, type SegmentEntry } from './manifest';
import { type SegmentCache } from './open';
import { compileSegment, hasRefreshParts, LOOKUP_PART, lookupPartOf, SEGMENT_FORMAT } from './segment-api';
import { newSegmentId, writeSegment } from './segment-entry';
import { collectOrphans, switchManifest, writeUnlistedParts } from './store';

/** Returns whether the corpus changed (the caller opens it again). */
export async function reconcile(db: CorporaDatabase, bundled: Corpus, caches: { lookups: LookupCache; segments?: SegmentCache } = { lookups: new Map() }): Promise<boolean> {
  let changed = false;
  let opened = await openKnown(db, bundled, caches);
  const unreadable = new Set(opened.unreadable.map((s) => s.id));

  for (const imported of await listImports(db)) {
    const segments = segmentsOf(opened.manifest, imported.id);
    if (segments.length && segments.every((s) => !unreadable.has(s.id))) continue;
    const records = (await db.get('records', imported.id))?.records ?? [];
    if (!records.length) continue;
    // addImport replaces the import's unreadable segments in its switch.
    await addImport(db, opened.articles, { corpus: imported, records });
    opened = await openKnown(db, bundled, caches);
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
          data: await compileSegment(v1Feeds, { id, name: FEEDS_CORPUS_NAME, sources: [FEEDS_CORPUS_NAME], context: opened.articles }),
          extra: feedRefsParts(v1Feeds),
          feeds: feedSummary(v1Feeds),
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
  const unreadableNow = new Set(opened.unreadable.map((s) => s.id));
  const withoutLookups = opened.manifest.segments.filter((s) => s.format === SEGMENT_FORMAT && !hasRefreshParts(s.parts) && !unreadableNow.has(s.id));
  if (withoutLookups.length) changed = (await addLookupParts(db, withoutLookups)) || changed;
  await collectOrphans(db);
  return changed;
}

/** Stores a lookup part for each segment, made from its index part, then lists it in the manifest (segments dropped meanwhile are left). */
async function addLookupParts(db: CorporaDatabase, entries: readonly SegmentEntry[]): Promise<boolean> {
  const added = new Map<string, number>();
  for (const entry of entries) {
    let part;
    try {
      part = lookupPartOf(await lookupsFromIndexPart(db, entry));
    } catch {
      continue; // dropped meanwhile, or damaged: opening reports it unreadable
    }
    // Marked: a switch elsewhere may drop the segment meanwhile, leaving the part an orphan.
    await writeUnlistedParts(db, entry.id, [part]);
    added.set(entry.id, part.bytes.byteLength);
  }
  if (!added.size) return false;
  const switched = await switchManifest(db, (current): Manifest | null => {
    if (!current.segments.some((s) => added.has(s.id) && !s.parts.includes(LOOKUP_PART))) return null;
    return { ...current, segments: current.segments.map((s) => (added.has(s.id) && !s.parts.includes(LOOKUP_PART) ? { ...s, parts: [...s.parts, LOOKUP_PART], bytes: s.bytes + added.get(s.id)! } : s)) };
  });
  return switched !== null;
}
