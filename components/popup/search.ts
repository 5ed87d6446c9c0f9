// Search over the popup's facts, omissions, unique sentences, outlets and related coverage.
// Fuse's token search matches each query word fuzzily (typos, "Dmitry"/"Dmitri", accents) and requires all of them,
// so adding a word narrows the list. The popup holds tens of items: a scan is the right tool.
import Fuse from 'fuse.js';
import type { AnalysisResult } from '@/lib/result';
import { coveringArticles } from './derive';
import { outletName } from './labels';

export type SearchKind = 'fact' | 'omission' | 'unique' | 'outlet' | 'related';

export interface SearchItem {
  key: string;
  kind: SearchKind;
  text: string;
  outlets: string[];
  others: string[];
}

export const itemKey = {
  fact: (sentenceIndex: number) => `fact-${sentenceIndex}`,
  omission: (i: number) => `omission-${i}`,
  unique: (sentenceIndex: number) => `unique-${sentenceIndex}`,
  outlet: (articleId: string) => `outlet-${articleId}`,
  related: (articleId: string) => `related-${articleId}`,
};

export function searchItems(result: AnalysisResult): SearchItem[] {
  const items: SearchItem[] = [];
  for (const fact of result.facts) {
    items.push({
      key: itemKey.fact(fact.sentence.index),
      kind: 'fact',
      text: fact.sentence.text,
      outlets: [...new Set(fact.passages.map((p) => outletName(p.outlet)))],
      others: fact.passages.map((p) => p.text),
    });
  }
  result.omissions.forEach((o, i) => {
    items.push({
      key: itemKey.omission(i),
      kind: 'omission',
      text: o.text,
      outlets: [...new Set(o.reportedBy.map((r) => outletName(r.outlet)))],
      others: o.reportedBy.map((r) => r.text),
    });
  });
  for (const s of result.unique) items.push({ key: itemKey.unique(s.index), kind: 'unique', text: s.text, outlets: [], others: [] });
  for (const a of coveringArticles(result)) {
    items.push({ key: itemKey.outlet(a.articleId), kind: 'outlet', text: a.outlet, outlets: [], others: a.title ? [a.title] : [] });
  }
  for (const r of result.related) {
    items.push({
      key: itemKey.related(r.id),
      kind: 'related',
      text: r.title ?? outletName(r.outlet),
      outlets: [outletName(r.outlet)],
      others: r.facts.flatMap((f) => [f.sentence.text, ...f.passages.map((p) => p.text)]),
    });
  }
  return items;
}

export interface Searcher {
  /** Keys of the items matching `query`, or null when the query is blank (show everything). */
  search(query: string): Set<string> | null;
}

export function createSearcher(items: SearchItem[]): Searcher {
  const fuse = new Fuse(items, {
    keys: [
      { name: 'text', weight: 2 },
      { name: 'outlets', weight: 1 },
      { name: 'others', weight: 1 },
    ],
    threshold: 0.2,
    ignoreLocation: true,
    ignoreDiacritics: true,
    useTokenSearch: true,
    tokenMatch: 'all',
  });
  return {
    search(query) {
      const q = query.trim();
      if (!q) return null;
      return new Set(fuse.search(q).map((r) => r.item.key));
    },
  };
}
