import { describe, expect, test } from 'vitest';
import { AnalysisCache, type SessionArea } from './analysis-cache';
import type { PageAnalysis } from '@/utils/page-analysis/page-analysis';
import type { AnalysisResult } from '@/lib/result';

function memoryArea(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (key) => {
      data.delete(key);
    },
  };
}

const result: AnalysisResult = {
  self: null,
  stories: [{ id: 'b', outlet: 'NBC News', title: null, url: null, published: null, score: 0.9, sameStory: true, relation: 'same-event', daysApart: null }],
  sentences: [],
  facts: [],
  omissions: [],
  unique: [],
  conflicts: [],
  coverage: { outlets: [], rows: [] },
  related: [],
  corpus: { name: 'seeds', articles: 5, outlets: 3, firstPublished: null, lastPublished: null },
};
const ready: PageAnalysis = { state: 'ready', article: { title: 'T', text: 'x', paragraphs: [] }, result };

describe('AnalysisCache', () => {
  test('a new worker (fresh cache, same session area) still answers for the tab', async () => {
    const area = memoryArea();
    await new AnalysisCache(area).setAnalysis(7, 'http://a/', 'h1', ready);
    const restarted = new AnalysisCache(area);
    expect(await restarted.report(7)).toEqual({ state: 'ready', article: { title: 'T', url: 'http://a/' }, result });
    expect(await restarted.analysisFor(7, 'http://a/', 'h1')).toEqual(ready);
  });

  test.each([
    ['another URL', 'http://b/', 'h1'],
    ['changed article text', 'http://a/', 'h2'],
  ])('does not reuse an analysis for %s', async (_name, url, hash) => {
    const cache = new AnalysisCache(memoryArea());
    await cache.setAnalysis(1, 'http://a/', 'h1', ready);
    expect(await cache.analysisFor(1, url, hash)).toBeNull();
  });

  test('a reported state replaces the report but keeps the same URL’s analysis', async () => {
    const cache = new AnalysisCache(null);
    await cache.setAnalysis(1, 'http://a/', 'h1', ready);
    await cache.setReport(1, 'http://a/', { state: 'working' });
    expect(await cache.report(1)).toEqual({ state: 'working' });
    expect(await cache.analysisFor(1, 'http://a/', 'h1')).toEqual(ready);
    await cache.setReport(1, 'http://b/', { state: 'no-article' });
    expect(await cache.analysisFor(1, 'http://a/', 'h1')).toBeNull();
  });

  test('an analysed page is written with its result once, and a restarted worker reports it as before', async () => {
    const area = memoryArea();
    await new AnalysisCache(area).setAnalysis(7, 'http://a/', 'h1', ready);
    const stored = area.data.get('parallax:tab:7') as Record<string, unknown>;
    // The report is made again from the analysis when read: the result is not serialized twice.
    expect(stored).not.toHaveProperty('report');
    expect(JSON.stringify(stored).split('"corpus":').length - 1).toBe(1);
    const restarted = new AnalysisCache(area);
    expect(await restarted.report(7)).toEqual({ state: 'ready', article: { title: 'T', url: 'http://a/' }, result });
    for (const analysis of [{ state: 'no-article', reason: 'r' }, { state: 'error', error: 'e' }] as PageAnalysis[]) {
      await new AnalysisCache(area).setAnalysis(8, 'http://a/', 'h2', analysis);
      expect(await new AnalysisCache(area).report(8)).toEqual(analysis.state === 'error' ? { state: 'error', error: 'e' } : { state: 'no-article' });
    }
  });

  test('the same analysis given again for the tab (unchanged text re-run) is not written again', async () => {
    const area = memoryArea();
    let writes = 0;
    const counted: SessionArea = { ...area, set: (items) => ((writes += 1), area.set(items)) };
    const cache = new AnalysisCache(counted);
    await cache.setAnalysis(6, 'http://a/', 'h1', ready);
    await cache.setAnalysis(6, 'http://a/', 'h1', ready);
    expect(writes).toBe(1);
    await cache.setReport(6, 'http://a/', { state: 'working' });
    await cache.setAnalysis(6, 'http://a/', 'h1', ready);
    expect(writes).toBe(3);
    expect((await new AnalysisCache(area).report(6))?.state).toBe('ready');
  });

  test('a reported state over a kept analysis is written as reported, and survives a restart', async () => {
    const area = memoryArea();
    const cache = new AnalysisCache(area);
    await cache.setAnalysis(4, 'http://a/', 'h1', ready);
    await cache.setReport(4, 'http://a/', { state: 'working' });
    const restarted = new AnalysisCache(area);
    expect(await restarted.report(4)).toEqual({ state: 'working' });
    expect(await restarted.analysisFor(4, 'http://a/', 'h1')).toEqual(ready);
    // A ready report the content script sent (an equal result, not the analysis's own) is kept as sent.
    await cache.setReport(4, 'http://a/', { state: 'ready', article: { url: 'http://a/' }, result: structuredClone(result) });
    expect(await new AnalysisCache(area).report(4)).toEqual({ state: 'ready', article: { url: 'http://a/' }, result });
  });

  test.each([
    ['not an object', 'x'],
    ['no URL', { report: { state: 'idle' } }],
    ['neither report nor analysis', { url: 'http://a/' }],
    ['an analysis without a state', { url: 'http://a/', analysis: {} }],
  ])('a stored value with %s is no entry', async (_name, value) => {
    const area = memoryArea();
    area.data.set('parallax:tab:5', value);
    expect(await new AnalysisCache(area).get(5)).toBeNull();
  });

  test('removing a tab forgets it in memory and in the session area', async () => {
    const area = memoryArea();
    const cache = new AnalysisCache(area);
    await cache.setAnalysis(3, 'http://a/', 'h', ready);
    await cache.remove(3);
    expect(await cache.get(3)).toBeNull();
    expect(area.data.size).toBe(0);
  });

  test('a failing session area loses nothing in memory', async () => {
    const broken: SessionArea = {
      get: () => Promise.reject(new Error('no session')),
      set: () => Promise.reject(new Error('quota')),
      remove: () => Promise.reject(new Error('no session')),
    };
    const cache = new AnalysisCache(broken);
    await cache.setAnalysis(2, 'http://a/', 'h', ready);
    expect(await cache.analysisFor(2, 'http://a/', 'h')).toEqual(ready);
  });
});
