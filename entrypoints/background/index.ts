import { browser } from 'wxt/browser';
import { parseMessage, type Message, type StatusReply, type TabReport } from '@/lib/messages';
import { analyzeAsync } from '@/lib/analyze';
import { parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { AnalysisCache, type SessionArea } from './analysis-cache';
import { ANALYSIS_MEASURE, ANSWER_MEASURE, CORPUS_MEASURE, measured, READ_AHEAD_MEASURE, WARM_UP_MEASURE } from './analysis-timing';
import { warmUp } from '@/lib/warm-up';
import { createStoredCorpora } from '@/utils/corpus-storage';
import { fetchBundledCorpus } from '@/utils/corpus-storage/bundled';
import { ensureSentenceModel } from '@/utils/model/sentence-model';
import { startFeeds } from './feeds';
import { analyzeArticle, extractPage, textHash, type PageAnalysis } from '@/utils/page-analysis/page-analysis';
import { errorMessage } from '@/lib/error-message';

/** How often the warm-up looks whether a page is still being analysed. */
const IDLE_POLL_MS = 20;

interface Sender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

export default defineBackground(() => {
  // The bundled corpus plus the stored segments: the user's imports (options page) and followed feeds.
  // The sentence model first: compiling and analysing pages both use it.
  const corpora = createStoredCorpora({ bundled: fetchBundledCorpus, prepare: () => ensureSentenceModel() });
  // Followed feeds (options page, Sources): refresh on demand or on the user's schedule; off by default.
  startFeeds({ corpora });
  const session = (browser.storage as { session?: SessionArea } | undefined)?.session ?? null;
  const cache = new AnalysisCache(session);

  async function readSettings(): Promise<Settings> {
    return parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  }

  async function analyzeHtml(tabId: number, url: string, html: string): Promise<PageAnalysis> {
    const extraction = extractPage(html, url);
    if (!extraction.ok) {
      await cache.setReport(tabId, url, extraction.analysis.state === 'error' ? { state: 'error', error: extraction.analysis.error } : { state: 'no-article' });
      return extraction.analysis;
    }
    // The same text analyzed at another strictness is another answer.
    const { strictness } = await readSettings();
    const hash = `${textHash(extraction.article.text)}:${strictness}`;
    const cached = await cache.analysisFor(tabId, url, hash);
    if (cached) {
      await cache.setAnalysis(tabId, url, hash, cached);
      return cached;
    }
    let analysis: PageAnalysis;
    analysing++;
    try {
      // The stored segments read their articles' texts on demand: analyzeAsync reads what alignment needs first.
      const corpus = await measured(CORPUS_MEASURE, () => corpora.current());
      analysis = await analyzeArticle(extraction.article, url, corpus, (input, c) => measured(ANALYSIS_MEASURE, () => analyzeAsync(input, c, { strictness })));
    } catch (error) {
      analysis = { state: 'error', error: `analysis failed: ${errorMessage(error)}` };
    } finally {
      analysing--;
    }
    await cache.setAnalysis(tabId, url, hash, analysis);
    // Once the answer is sent, the rest of the search index is read while the reader reads.
    setTimeout(readAhead, 0);
    return analysis;
  }

  /** Pages being analysed now: the warm-up waits for none. */
  let analysing = 0;
  /** Resolves once no page is being analysed, looked at every IDLE_POLL_MS (a page takes tens of milliseconds warm). */
  async function whenIdle(): Promise<void> {
    while (analysing > 0) await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
  }

  /**
   * Reads the search index ahead, then warms the engine up on the newest articles (lib/warm-up.ts),
   * once for each opening of the corpus (StoredCorpora.readSearchIndex).
   */
  function readAhead(): void {
    const reading = corpora.readSearchIndex((corpus, signal) => measured(WARM_UP_MEASURE, () => warmUp(corpus, { signal, whenIdle })));
    if (!reading) return;
    measured(READ_AHEAD_MEASURE, () => reading).catch((error: unknown) => console.warn(`Parallax: reading the search index ahead or warming up failed: ${errorMessage(error)}`));
  }

  async function tabReport(tabId: number): Promise<TabReport> {
    return (await cache.report(tabId)) ?? { state: 'idle' };
  }

  function handle(message: Message, sender: Sender): Promise<unknown> | undefined {
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'status':
        return Promise.resolve({ ok: true, version: browser.runtime.getManifest().version } satisfies StatusReply);
      case 'get-tab-result':
        return tabReport(message.tabId);
      case 'analyze-html':
        // Only a top-frame content script speaks for its tab.
        return tabId !== undefined && sender.frameId === 0 ? measured(ANSWER_MEASURE, () => analyzeHtml(tabId, message.url, message.html)) : undefined;
      case 'tab-state':
        return tabId !== undefined && sender.frameId === 0 ? cache.setReport(tabId, message.url, message.report).then(() => ({ ok: true })) : undefined;
      case 'corpora-changed':
        corpora.reset();
        return Promise.resolve({ ok: true });
      default:
        return undefined;
    }
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    // Only this extension's own pages and content scripts may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
    if (!message) return undefined;
    return handle(message, sender);
  });

  // A new reader gets the first-run page once (choose sources, first refresh); updates do not reopen it.
  browser.runtime.onInstalled.addListener((details: { reason: string }) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  browser.tabs.onRemoved.addListener((tabId: number) => {
    void cache.remove(tabId);
  });

  browser.commands?.onCommand.addListener(async (command: string, tab?: { id?: number }) => {
    if (command !== 'next-shared-fact') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // A tab without our content script (no article, browser pages) has nobody to answer.
    await browser.tabs.sendMessage(tabId, { type: 'next-shared-fact' }).catch(() => undefined);
  });
});
