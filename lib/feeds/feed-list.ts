// The list of feeds a user follows: a plain text file (one URL a line, # comments) or the OPML
// file feed readers import and export.
import { generateOpml, parseOpml } from 'feedsmith';
import type { FeedSource } from './types';
import { canonicalUrl, resolveWebUrl } from './url';

export class FeedListError extends Error {
  override name = 'FeedListError';
}

export interface FeedList {
  feeds: FeedSource[];
  /** Lines or outlines that are not feeds, with the reason (shown, never silently dropped). */
  rejected: { where: string; reason: string }[];
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

function addFeed(list: FeedList, seen: Set<string>, raw: string, where: string, title?: string): void {
  const url = resolveWebUrl(raw);
  if (!url) {
    list.rejected.push({ where, reason: `not an http(s) URL: ${raw}` });
    return;
  }
  const key = canonicalUrl(url);
  if (seen.has(key)) {
    list.rejected.push({ where, reason: `listed twice: ${url}` });
    return;
  }
  seen.add(key);
  list.feeds.push(title ? { url, title } : { url });
}

function readOpml(source: string): FeedList {
  let document: { body?: { outlines?: Outline[] } };
  try {
    document = parseOpml(source) as typeof document;
  } catch (error) {
    throw new FeedListError(`not a readable OPML file (${(error as Error).message})`);
  }
  const list: FeedList = { feeds: [], rejected: [] };
  const seen = new Set<string>();
  const walk = (outlines: Outline[] | undefined, path: string) => {
    for (const [index, outline] of (outlines ?? []).entries()) {
      const name = outline.title ?? outline.text;
      const where = `${path}outline ${index + 1}${name ? ` "${name}"` : ''}`;
      if (outline.xmlUrl) addFeed(list, seen, outline.xmlUrl, where, name);
      walk(outline.outlines, `${where} › `);
    }
  };
  walk(document.body?.outlines, '');
  if (list.feeds.length === 0 && list.rejected.length === 0) throw new FeedListError('the OPML file lists no feeds');
  return list;
}

function readLines(source: string): FeedList {
  const list: FeedList = { feeds: [], rejected: [] };
  const seen = new Set<string>();
  for (const [index, line] of source.split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    // "URL  optional title" lets a plain list name its outlets too.
    const [url = '', ...title] = trimmed.split(/\s+/);
    addFeed(list, seen, url, `line ${index + 1}`, title.join(' ') || undefined);
  }
  return list;
}

/** Reads a feed list in either format (OPML is recognised by its root element). */
export function parseFeedList(source: string): FeedList {
  const text = source.replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml\b/i.test(text) ? readOpml(text) : readLines(text);
}

/** OPML 2.0 for feed readers (and for re-importing into Parallax). */
export function feedListToOpml(feeds: FeedSource[], title = 'Parallax sources'): string {
  // feedsmith refuses an OPML without outlines; an empty list is still a valid export.
  if (feeds.length === 0) return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head><title>${title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</title></head><body/></opml>\n`;
  return generateOpml({
    head: { title },
    body: {
      outlines: feeds.map((feed) => ({ text: feed.title ?? feed.url, title: feed.title ?? feed.url, type: 'rss', xmlUrl: feed.url })),
    },
  });
}
