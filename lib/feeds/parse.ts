// Reads RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed with feedsmith into one small shape. The
// parser does the XML; this file decides what an item's link, key, title and day are.
import { parseFeed, type AnyFeed } from 'feedsmith';
import { publishedDay } from '../article/dates';
import type { FeedDocument, FeedItem } from './types';
import { canonicalUrl, resolveWebUrl } from './url';

/** The feed could not be read; `message` says why in words a user understands. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

interface RawItem {
  link: string | null;
  key: string | null;
  title: string | null;
  date: string | null;
  author: string | null;
}

type Text = string | { value?: string } | undefined;
const text = (value: Text): string | null => {
  const raw = typeof value === 'string' ? value : value?.value;
  const trimmed = raw?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
};

function rawItems(parsed: AnyFeed<string>): { title: string | null; siteUrl: string | null; items: RawItem[] } {
  switch (parsed.format) {
    case 'rss': {
      const feed = parsed.feed;
      return {
        title: text(feed.title),
        siteUrl: feed.link ?? null,
        items: (feed.items ?? []).map((item) => ({
          link: item.link ?? (item.guid?.isPermaLink !== false ? (item.guid?.value ?? null) : null),
          key: item.guid?.value ?? null,
          title: text(item.title),
          date: item.pubDate ?? item.dc?.dates?.[0] ?? null,
          author: item.dc?.creators?.[0] ?? item.authors?.[0]?.name ?? null,
        })),
      };
    }
    case 'atom': {
      const feed = parsed.feed;
      const alternate = (links: { href?: string; rel?: string }[] | undefined) =>
        (links ?? []).find((link) => !link.rel || link.rel === 'alternate')?.href ?? null;
      return {
        title: text(feed.title),
        siteUrl: alternate(feed.links),
        items: (feed.entries ?? []).map((entry) => ({
          link: alternate(entry.links),
          key: entry.id ?? null,
          title: text(entry.title),
          date: entry.published ?? entry.updated ?? null,
          author: entry.authors?.[0]?.name ?? null,
        })),
      };
    }
    case 'rdf': {
      const feed = parsed.feed;
      return {
        title: text(feed.title),
        siteUrl: feed.link ?? null,
        items: (feed.items ?? []).map((item) => ({
          link: item.link ?? null,
          key: item.rdf?.about ?? null,
          title: text(item.title),
          date: item.dc?.dates?.[0] ?? null,
          author: item.dc?.creators?.[0] ?? null,
        })),
      };
    }
    case 'json': {
      const feed = parsed.feed;
      return {
        title: text(feed.title),
        siteUrl: feed.home_page_url ?? null,
        items: (feed.items ?? []).map((item) => ({
          link: item.url ?? item.external_url ?? null,
          key: item.id ?? null,
          title: text(item.title),
          date: item.date_published ?? item.date_modified ?? null,
          author: item.authors?.[0]?.name ?? null,
        })),
      };
    }
  }
}

const FEEDBURNER_NS = 'http://rssnamespace.org/feedburner/ext/1.0';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * FeedBurner proxies every link through its own host and keeps the outlet's address in
 * `feedburner:origLink`, which the XML parser does not read. The article is known by the
 * outlet's address (the proxy's changes per feed), so it is taken from there: one per item, in
 * document order, used only when every item could be paired with its own (else none are).
 */
function feedburnerOrigLinks(source: string, items: number): (string | null)[] | null {
  const prefix = new RegExp(`xmlns:([\\w.-]+)=["']${FEEDBURNER_NS.replace(/[./]/g, '\\$&')}["']`).exec(source)?.[1];
  if (!prefix) return null;
  const blocks = source.match(/<(?:[\w.-]+:)?(item|entry)\b[\s\S]*?<\/(?:[\w.-]+:)?\1>/g) ?? [];
  if (blocks.length !== items) return null;
  const origLink = new RegExp(`<${prefix}:origLink>\\s*(?:<!\\[CDATA\\[)?([^<\\]]*)`);
  return blocks.map((block) => {
    const raw = origLink.exec(block)?.[1]?.trim();
    return raw ? raw.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name]!) : null;
  });
}

/**
 * Parses a feed fetched from `feedUrl`. Items keep the feed's order; an item without a usable
 * web link, or one the feed repeats (same link or same guid), is listed in `dropped`.
 */
export function parseFeedDocument(body: string, feedUrl: string): FeedDocument {
  const source = body.replace(/^\uFEFF/, '').trim();
  if (!source) throw new FeedParseError('the feed is empty');
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(source.startsWith('{') ? JSON.parse(source) : source);
  } catch (error) {
    const name = (error as Error).name;
    if (/^<(!doctype\s+)?html\b/i.test(source)) throw new FeedParseError('this is a web page, not a feed');
    if (name === 'MalformedError' || error instanceof SyntaxError) throw new FeedParseError(`the feed is not well-formed (${(error as Error).message})`);
    throw new FeedParseError('not an RSS, Atom or JSON feed');
  }
  const { title, siteUrl, items } = rawItems(parsed);
  const origLinks = feedburnerOrigLinks(source, items.length);
  if (origLinks) for (const [index, item] of items.entries()) item.link = origLinks[index] ?? item.link;
  const document: FeedDocument = { format: parsed.format, title, siteUrl: resolveWebUrl(siteUrl, feedUrl), items: [], dropped: [] };
  const seenUrls = new Set<string>();
  const seenKeys = new Set<string>();
  for (const [index, raw] of items.entries()) {
    const url = resolveWebUrl(raw.link, feedUrl);
    const key = raw.key ?? url ?? `item ${index + 1}`;
    if (!url) {
      document.dropped.push({ key, url: null, reason: raw.link ? `link is not a web page (${raw.link})` : 'item has no link' });
      continue;
    }
    const canonical = canonicalUrl(url);
    if (seenUrls.has(canonical) || seenKeys.has(key)) {
      document.dropped.push({ key, url, reason: 'repeated in the feed' });
      continue;
    }
    seenUrls.add(canonical);
    seenKeys.add(key);
    const item: FeedItem = { url, key, title: raw.title, published: publishedDay(raw.date), author: raw.author };
    document.items.push(item);
  }
  return document;
}
