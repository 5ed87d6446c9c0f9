// Test helper (Node only): a fresh in-memory IndexedDB (fake-indexeddb), the seeds as the bundled
// corpus, and feed articles cut from the seeds' paragraphs, each with its own id, URL and day.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { CompiledCorpus, compileCorpus, type Corpus, type CorpusRecord } from '@/lib/corpus';
import { seedRecords } from '@/lib/corpus/test-seeds';
import type { RefreshResult } from '@/lib/feeds/refresh';
import type { SourceState } from '@/lib/feeds/sources';

/** A new, empty IndexedDB for each test (`idb` reads the global; fake-indexeddb/auto set the other IDB globals). */
export function freshIndexedDb(): void {
  Object.assign(globalThis, { indexedDB: new IDBFactory() });
}

let bundled: Corpus | null = null;
export function bundledSeeds(): Corpus {
  bundled ??= new CompiledCorpus(compileCorpus(seedRecords(), { name: 'seeds' }));
  return bundled;
}

export const FEED_A = 'http://127.0.0.1:9/a.xml';
export const FEED_B = 'http://127.0.0.1:9/b.xml';

const paragraphs = seedRecords()
  .slice(1)
  .flatMap((r) => r.text.split(/\n\s*\n/).map((p) => p.trim()))
  .filter((p) => p.length > 120);

/** Article `n` (0-based) of a feed: three seed paragraphs, a day counted back from 2026-12-02. */
export function feedRecord(n: number, daysAgo = 0): CorpusRecord {
  const text = [0, 1, 2].map((k) => paragraphs[(n * 3 + k) % paragraphs.length]!).join('\n\n');
  const day = new Date(Date.UTC(2026, 11, 2) - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return { id: `127.0.0.1/article-${n}`, outlet: n % 2 ? 'Gazette' : 'Courier', url: `http://127.0.0.1:9/article-${n}`, title: `Article ${n}`, published: day, text: `${text}\n\nStory number ${n}.` };
}

export const NOW = new Date('2026-12-02T12:00:00Z');

export const source = (url: string): SourceState => ({ url, addedAt: '', lastFetched: null, lastAdded: 0, articles: 0, lastError: null, lastFailures: [] });

/** A refresh that found these records in `feedUrl`. */
export function refreshOf(records: CorpusRecord[], feedUrl = FEED_A): RefreshResult {
  return {
    records,
    feeds: [{ url: feedUrl, title: null, status: 'fetched', items: records.map((r) => ({ url: r.url!, title: r.title ?? null, status: 'added' as const, id: r.id })), added: records.length, skipped: 0, failed: 0 }],
  };
}

/** Ids of a corpus's live articles in corpus order (a corpus of segments keeps removed articles' places). */
export function liveIds(corpus: Corpus): string[] {
  const ids: string[] = [];
  for (let i = 0; i < corpus.indexEnd; i++) if (!corpus.isRemoved(i)) ids.push(corpus.articleId(i));
  return ids;
}
