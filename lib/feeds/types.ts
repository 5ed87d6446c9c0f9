// Plain data shared by the feed modules, the CLI and the extension's background.

/** A feed the user follows. `title` is what the user (or their OPML export) calls it. */
export interface FeedSource {
  url: string;
  title?: string;
}

/** One entry of a parsed feed, with its link resolved against the feed's URL. */
export interface FeedItem {
  url: string;
  /** guid (RSS) or id (Atom); falls back to the URL. */
  key: string;
  title: string | null;
  /** YYYY-MM-DD as the feed wrote it (in the publisher's own offset). */
  published: string | null;
  author: string | null;
}

export interface FeedDocument {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  siteUrl: string | null;
  items: FeedItem[];
  /** Items dropped while reading the feed (no link, repeated entries), with the reason. */
  dropped: { key: string; url: string | null; reason: string }[];
}

export type { CorpusRecord } from '../corpus/schema.ts';
