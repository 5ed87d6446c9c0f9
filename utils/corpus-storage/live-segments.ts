// The live segments of the stored corpus, opened in manifest order after the bundled corpus, as
// both openings do: the corpus queries search (./open.ts) and the articles a refresh checks
// against (./known.ts). One walk and one name for both, so that a refresh and a query see the
// same segments of the same corpus.
import { errorMessage } from '@/lib/error-message';
import { FEEDS_CORPUS_NAME } from '@/lib/feeds/sources';
import { combinedName } from '@/lib/import/combine';
import type { Manifest, SegmentEntry } from './manifest';
import { SEGMENT_FORMAT } from './segment-api';

/**
 * Each live segment opened with `open`, in manifest order. A segment of another format, or one
 * `open` fails on (damaged or missing parts), is listed in `unreadable` and left out (reconcile
 * compiles imports again and drops stale feeds); a failure is said on the console with its
 * segment. `cache` then forgets the segments the manifest no longer lists.
 */
export async function openLiveSegments<T>(manifest: Manifest, open: (entry: SegmentEntry) => Promise<T>, cache: Map<string, unknown>): Promise<{ opened: T[]; unreadable: SegmentEntry[] }> {
  const opened: T[] = [];
  const unreadable: SegmentEntry[] = [];
  for (const entry of manifest.segments) {
    if (entry.format !== SEGMENT_FORMAT) {
      unreadable.push(entry);
      continue;
    }
    try {
      opened.push(await open(entry));
    } catch (error) {
      console.warn(`Parallax left stored segment ${entry.id} (${entry.kind}) out of the corpus: ${errorMessage(error)}`);
      unreadable.push(entry);
    }
  }
  const live = new Set(manifest.segments.map((s) => s.id));
  for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
  return { opened, unreadable };
}

/** The stored corpus's name: the bundled corpus's, then each opened segment's (feeds segments all as the feeds corpus), once each. */
export function storedCorpusName(bundledName: string, manifest: Manifest, segments: readonly { id: string; name: string }[]): string {
  const kinds = new Map(manifest.segments.map((s) => [s.id, s.kind]));
  const names = [...new Set(segments.map((s) => (kinds.get(s.id) === 'feeds' ? FEEDS_CORPUS_NAME : s.name)))];
  return combinedName(bundledName, names.map((name) => ({ name })));
}
