// What each tab shows, kept per tab and URL. Held in memory and written through to
// storage.session (where the browser has it) so that a restarted MV3 worker or event page still
// answers the popup, and the content script's next request for the same article text reuses the
// result instead of analyzing again. The write is not waited for, and runs after the answer has
// gone: in Chromium, writing a warm page's analysis to storage.session (serializing it twice, once
// to check its size) took some 15-20 ms of the background's time per page at 40,000 articles,
// after the analysis itself, and the page waited for it (bench/kept-step/browser-warm.ts
// --cpu-prof). Writes are queued in the order made, so the session area ends as memory does.
import type { TabReport } from '@/lib/messages';
import type { PageAnalysis } from '@/utils/page-analysis/page-analysis';

export interface TabEntry {
  url: string;
  /** textHash of the analyzed article text, when an analysis exists. */
  hash?: string;
  analysis?: PageAnalysis;
  report: TabReport;
}

/** The subset of a storage area the cache needs (browser.storage.session, or a fake in tests). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const KEY_PREFIX = 'parallax:tab:';
/** Entries larger than this stay in memory only (storage.session holds about 10 MB in all). */
const MAX_PERSISTED_CHARS = 2_000_000;

export function reportOf(analysis: PageAnalysis, url: string): TabReport {
  switch (analysis.state) {
    case 'no-article':
      return { state: 'no-article' };
    case 'error':
      return { state: 'error', error: analysis.error };
    default: {
      const article = analysis.article.title ? { title: analysis.article.title, url } : { url };
      return { state: analysis.state, article, result: analysis.result };
    }
  }
}

function isEntry(value: unknown): value is TabEntry {
  return typeof value === 'object' && value !== null && typeof (value as TabEntry).url === 'string' && typeof (value as TabEntry).report === 'object';
}

export class AnalysisCache {
  private readonly entries = new Map<number, TabEntry>();
  /** The session area's writes, one after another in the order made. */
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly session: SessionArea | null) {}

  async get(tabId: number): Promise<TabEntry | null> {
    const held = this.entries.get(tabId);
    if (held) return held;
    if (!this.session) return null;
    const key = KEY_PREFIX + tabId;
    // What this worker wrote or removed lands first: a removed tab does not come back.
    await this.writes;
    const stored = (await this.session.get(key).catch(() => ({}) as Record<string, unknown>))[key];
    if (!isEntry(stored)) return null;
    this.entries.set(tabId, stored);
    return stored;
  }

  /** The cached analysis for this tab when it was made for the same URL and article text. */
  async analysisFor(tabId: number, url: string, hash: string): Promise<PageAnalysis | null> {
    const entry = await this.get(tabId);
    return entry && entry.url === url && entry.hash === hash && entry.analysis ? entry.analysis : null;
  }

  async setAnalysis(tabId: number, url: string, hash: string, analysis: PageAnalysis): Promise<void> {
    await this.put(tabId, { url, hash, analysis, report: reportOf(analysis, url) });
  }

  /** A state the content script reports without an analysis (working, no-article, error, disabled). */
  async setReport(tabId: number, url: string, report: TabReport): Promise<void> {
    const previous = await this.get(tabId);
    // Keep the analysis of the same URL: a re-run of unchanged text can still reuse it.
    const keep = previous && previous.url === url ? { hash: previous.hash, analysis: previous.analysis } : {};
    await this.put(tabId, { url, ...keep, report });
  }

  async remove(tabId: number): Promise<void> {
    this.entries.delete(tabId);
    const session = this.session;
    if (session) this.queue(() => session.remove(KEY_PREFIX + tabId));
  }

  /** Every write to the session area made so far has landed (or failed, which loses nothing in memory). */
  settled(): Promise<void> {
    return this.writes;
  }

  private async put(tabId: number, entry: TabEntry): Promise<void> {
    this.entries.set(tabId, entry);
    const session = this.session;
    if (!session) return;
    const key = KEY_PREFIX + tabId;
    this.queue(() =>
      // A full session area only costs the restart-survival of this entry, never the answer.
      JSON.stringify(entry).length > MAX_PERSISTED_CHARS ? session.remove(key) : session.set({ [key]: entry }),
    );
  }

  private queue(write: () => Promise<void>): void {
    // Each write waits for a task of its own: started at once, it ran in the task that answers
    // the page (storage.session.set serializes the entry as it is called), before the reply went.
    this.writes = this.writes
      .then(() => new Promise<void>((done) => setTimeout(done, 0)))
      .then(write)
      .catch(() => undefined);
  }
}
