// What each tab shows, kept per tab and URL. Held in memory and written through to
// storage.session (where the browser has it) so that a restarted MV3 worker or event page still
// answers the popup, and the content script's next request for the same article text reuses the
// result instead of analyzing again.
import type { TabReport } from '@/lib/messages';
import type { PageAnalysis } from '@/utils/page-analysis/page-analysis';

/**
 * A tab's entry, in memory and in the session area alike. Its report is the analysis's own
 * (reportOf) unless a state was reported over it (setReport): only then is one kept. The
 * analysis's report carries its whole result, which kept beside the analysis was serialized
 * twice into the session area, before the answer to the page.
 */
export interface TabEntry {
  url: string;
  /** textHash of the analyzed article text, when an analysis exists. */
  hash?: string;
  analysis?: PageAnalysis;
  /** A state reported over the analysis, or without one; absent when it is the analysis's own. */
  report?: TabReport;
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

function entryOf(value: unknown): TabEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as TabEntry;
  if (typeof entry.url !== 'string') return null;
  if (typeof entry.report === 'object' && entry.report !== null) return entry;
  const analysis = entry.analysis;
  return typeof analysis === 'object' && analysis !== null && typeof analysis.state === 'string' ? entry : null;
}

export class AnalysisCache {
  private readonly entries = new Map<number, TabEntry>();

  constructor(private readonly session: SessionArea | null) {}

  async get(tabId: number): Promise<TabEntry | null> {
    const held = this.entries.get(tabId);
    if (held) return held;
    if (!this.session) return null;
    const key = KEY_PREFIX + tabId;
    const stored = entryOf((await this.session.get(key).catch(() => ({}) as Record<string, unknown>))[key]);
    if (stored === null) return null;
    this.entries.set(tabId, stored);
    return stored;
  }

  /** What the popup shows for this tab: the state reported last, or the analysis's own report. */
  async report(tabId: number): Promise<TabReport | null> {
    const entry = await this.get(tabId);
    if (entry === null) return null;
    return entry.report ?? reportOf(entry.analysis!, entry.url);
  }

  /** The cached analysis for this tab when it was made for the same URL and article text. */
  async analysisFor(tabId: number, url: string, hash: string): Promise<PageAnalysis | null> {
    const entry = await this.get(tabId);
    return entry && entry.url === url && entry.hash === hash && entry.analysis ? entry.analysis : null;
  }

  async setAnalysis(tabId: number, url: string, hash: string, analysis: PageAnalysis): Promise<void> {
    // The same analysis given again (a page re-run on unchanged text) is written already.
    const held = this.entries.get(tabId);
    if (held && held.url === url && held.hash === hash && held.analysis === analysis && held.report === undefined) return;
    await this.put(tabId, { url, hash, analysis });
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
    await this.session?.remove(KEY_PREFIX + tabId).catch(() => undefined);
  }

  private async put(tabId: number, entry: TabEntry): Promise<void> {
    this.entries.set(tabId, entry);
    if (!this.session) return;
    const key = KEY_PREFIX + tabId;
    if (JSON.stringify(entry).length > MAX_PERSISTED_CHARS) {
      await this.session.remove(key).catch(() => undefined);
      return;
    }
    // A full session area only costs the restart-survival of this entry, never the answer.
    await this.session.set({ [key]: entry }).catch(() => undefined);
  }
}
