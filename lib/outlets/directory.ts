// The outlet directory: who publishes at a web address, where they are, which feeds they
// publish, and (only where AllSides rates them) their lean. Names come from here wherever the
// engine or the extension would otherwise show a bare host ("TASS", not "tass.com").
import data from './directory.json' with { type: 'json' };

/*! @license
 * The leans in Parallax's outlet directory are AllSides.com's published media bias ratings as of
 * 18 October 2019 (collected by the AllSideR project), licensed under Creative Commons
 * Attribution-NonCommercial 4.0 International (https://creativecommons.org/licenses/by-nc/4.0/).
 * Media bias ratings: AllSides.com (CC BY-NC 4.0), as of October 2019. Ratings change over time.
 */

/** AllSides' five ratings, in our words (their "left-center" is our "lean-left"). */
export const LEANS = ['left', 'lean-left', 'center', 'lean-right', 'right'] as const;
export type Lean = (typeof LEANS)[number];

export type OutletKind = 'wire' | 'national' | 'international' | 'regional';

export interface OutletFeed {
  url: string;
  title: string;
}

export interface Outlet {
  id: string;
  name: string;
  kind: OutletKind;
  /** ISO 3166-1 alpha-2 code of where the outlet is based. */
  country: string;
  /** BCP 47 language of the feeds listed. */
  language: string;
  /** Web hosts without "www."; a page on a subdomain of one belongs to the outlet too. */
  hosts: string[];
  /** Feeds the outlet publishes, the one to follow first. Empty when it publishes none openly. */
  feeds: OutletFeed[];
  /** Present only where AllSides rates the outlet: the rating and the name AllSides lists it under. */
  lean?: { rating: Lean; allsides: string };
  /** In the first-run page's starter selection. */
  starter?: boolean;
}

export interface LeanSource {
  name: string;
  /** YYYY-MM-DD of the ratings snapshot. */
  asOf: string;
  licence: string;
  /** The sentence to show wherever a lean is shown. */
  credit: string;
}

export interface OutletDirectory {
  /** YYYY-MM of when the feed addresses were last known to work (not re-checked since). */
  feedsKnownAsOf: string;
  leanSource: LeanSource;
  outlets: Outlet[];
}

export const DIRECTORY = data as OutletDirectory;
export const LEAN_CREDIT = DIRECTORY.leanSource.credit;

export const LEAN_NAMES: Readonly<Record<Lean, string>> = {
  left: 'Left',
  'lean-left': 'Lean left',
  center: 'Centre',
  'lean-right': 'Lean right',
  right: 'Right',
};

/** Lower case, no "www.", no port: the form hosts are listed in. */
function bareHost(host: string): string {
  return host.toLowerCase().replace(/:\d+$/, '').replace(/^www\./, '').replace(/\.$/, '');
}

/** Looks outlets up by address and by name; built once per directory. */
export class OutletIndex {
  private readonly byHost = new Map<string, Outlet>();
  private readonly byName = new Map<string, Outlet>();

  constructor(readonly outlets: readonly Outlet[]) {
    for (const outlet of outlets) {
      for (const host of outlet.hosts) this.byHost.set(bareHost(host), outlet);
      for (const name of [outlet.name, outlet.lean?.allsides]) if (name) this.byName.set(nameKey(name), outlet);
    }
  }

  /** The outlet publishing at `url` (or a bare host): the longest listed host it is on, so folha.uol.com.br is Folha, not UOL. */
  forUrl(url: string | null | undefined): Outlet | null {
    if (!url) return null;
    let host: string;
    try {
      host = bareHost(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).host : url);
    } catch {
      return null;
    }
    for (let at = host; at.includes('.'); at = at.slice(at.indexOf('.') + 1)) {
      const hit = this.byHost.get(at);
      if (hit) return hit;
    }
    return null;
  }

  /** The outlet a corpus or page calls `name` ("The New York Times", "nytimes.com", "NBCNews.com"). */
  forName(name: string | null | undefined): Outlet | null {
    if (!name?.trim()) return null;
    return this.byName.get(nameKey(name)) ?? (/^[\w-]+(\.[\w-]+)+$/.test(name.trim()) ? this.forUrl(name.trim()) : null);
  }

  /** The directory's outlet for an article: by its address first, else by the name it carries. */
  find(url: string | null | undefined, name: string | null | undefined): Outlet | null {
    return this.forUrl(url) ?? this.forName(name);
  }
}

/** Names compare without case, a leading "The", and punctuation ("The Hill" = "the hill"). */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

let shared: OutletIndex | null = null;
/** The index of the bundled directory. */
export function outletIndex(): OutletIndex {
  return (shared ??= new OutletIndex(DIRECTORY.outlets));
}

/**
 * The name to give an article's outlet: the directory's name for its address, else the name it
 * already has unless that is only a host, else null. A name the publisher gave ("NBC News")
 * is kept when the directory does not know the address.
 */
export function outletNameFor(url: string | null | undefined, current: string | null | undefined, index: OutletIndex = outletIndex()): string | null {
  const byUrl = index.forUrl(url);
  if (byUrl) return byUrl.name;
  const trimmed = current?.trim() || null;
  if (trimmed && /^(www\.)?[\w-]+(\.[\w-]+)+$/i.test(trimmed)) return index.forUrl(trimmed)?.name ?? trimmed;
  return trimmed;
}
