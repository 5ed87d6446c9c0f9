// The user's imported corpora, each one segment. Adding compiles only the import's records (the
// rest of the corpus is its context); removing drops its segment in the manifest switch, with no
// compiling at all. The import's records are kept as the user gave them, so that it can be
// compiled again if a later version of the extension changes the corpus format.
import type { Corpus, CorpusContext } from '@/lib/corpus';
import type { CompileProgressOptions } from '@/lib/import/combine';
import type { ImportedCorpus, ImportRecord } from '@/lib/import/records';
import { FEEDS_CORPUS_ID, FEEDS_CORPUS_NAME } from '@/lib/feeds/sources';
import type { CorporaDatabase } from './db';
import { liveCount, segmentsOf, withoutSegments, withSegment, type Manifest } from './manifest';
import { openKnown } from './known';
import type { SegmentCache } from './open';
import { compileSegment } from './segment-api';
import { newSegmentId, writeSegment } from './segment-entry';
import { readManifest, switchManifest } from './store';

/** Imports as the user made them, oldest first (the corpus order). */
export async function listImports(db: CorporaDatabase): Promise<ImportedCorpus[]> {
  return (await db.getAll('imports')).filter((i) => i.id !== FEEDS_CORPUS_ID).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

/** The followed feeds' articles as one entry of the corpus list, or null when there are none. */
export function feedsEntry(manifest: Manifest): ImportedCorpus | null {
  const segments = segmentsOf(manifest, FEEDS_CORPUS_ID);
  if (!segments.length) return null;
  const articles = segments.reduce((sum, s) => sum + liveCount(manifest, s), 0);
  const days = segments.flatMap((s) => [s.firstPublished, s.lastPublished]).filter((d): d is string => !!d).sort();
  return {
    id: FEEDS_CORPUS_ID,
    name: FEEDS_CORPUS_NAME,
    fileName: 'news feeds (Sources)',
    importedAt: segments.at(-1)!.created,
    // Outlets and dates of articles since removed still count here: the list is a summary, not a search.
    summary: { name: FEEDS_CORPUS_NAME, articles, outlets: new Set(segments.flatMap((s) => s.outlets)).size, firstPublished: days[0] ?? null, lastPublished: days.at(-1) ?? null },
  };
}

/** What the options page lists under Corpora: the imports, then the followed feeds' articles. */
export async function listStoredCorpora(db: CorporaDatabase): Promise<ImportedCorpus[]> {
  const feeds = feedsEntry(await readManifest(db));
  return [...(await listImports(db)), ...(feeds ? [feeds] : [])];
}

/**
 * Compiles an import's records into a segment joining `context` (the corpus as searched now),
 * writes its parts, then stores the import, its records and the manifest entry in one switch:
 * nothing is kept when compiling or writing fails.
 */
export async function addImport(
  db: CorporaDatabase,
  context: CorpusContext,
  job: { corpus: ImportedCorpus; records: ImportRecord[] },
  progress: CompileProgressOptions = {},
): Promise<void> {
  const id = newSegmentId();
  const data = await compileSegment(job.records, { id, name: job.corpus.name, sources: [job.corpus.name], context, ...progress });
  const entry = await writeSegment(db, { id, kind: 'import', source: job.corpus.id, data });
  await switchManifest(
    db,
    (current) => withSegment(withoutSegments(current, segmentsOf(current, job.corpus.id).map((s) => s.id)), entry),
    (tx) => [tx.objectStore('imports').put(job.corpus), tx.objectStore('records').put({ id: job.corpus.id, records: job.records })],
  );
}

/** Removes an import (or, for FEEDS_CORPUS_ID, every stored feed article): its segments leave the manifest and their parts are deleted. */
export async function removeImport(db: CorporaDatabase, id: string): Promise<void> {
  await switchManifest(
    db,
    (current) => withoutSegments(current, segmentsOf(current, id).map((s) => s.id)),
    (tx) => [tx.objectStore('imports').delete(id), tx.objectStore('records').delete(id)],
  );
}

/**
 * Ids the corpus already uses (bundled and every stored segment), with the name of the corpus
 * using each: an import's ids must be new. Read from the segments' lookups (./known.ts), not
 * their index parts, which are several times larger.
 */
export async function takenIds(db: CorporaDatabase, bundled: Corpus, cache?: SegmentCache): Promise<Map<string, string>> {
  const opened = await openKnown(db, bundled, { lookups: new Map(), segments: cache });
  const names = new Map((await listImports(db)).map((i) => [i.id, i.name]));
  const taken = new Map<string, string>();
  for (let i = 0; i < bundled.size; i++) taken.set(bundled.article(i).id, `bundled ${bundled.name}`);
  for (const segment of opened.articles.segments) {
    const entry = opened.manifest.segments.find((s) => s.id === segment.id);
    if (!entry) continue;
    const name = entry.kind === 'feeds' ? FEEDS_CORPUS_NAME : (names.get(entry.source) ?? entry.source);
    for (const [a, id] of (await segment.allIds()).entries()) if (!segment.isRemoved(a)) taken.set(id, name);
  }
  return taken;
}
