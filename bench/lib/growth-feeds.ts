// The followed outlets' sites for the growth benchmark, answered from memory (nothing leaves the
// process): each feed as RSS listing the articles this refresh finds, each article as an HTML
// page, so that a refresh runs the extension's feed reading (lib/feeds/refresh.ts: feeds parsed,
// pages extracted, near-duplicates checked against the corpus) on them.
import type { Fetcher, FetchResult } from '../../lib/feeds/fetch/fetcher.ts';
import type { ArticleInput } from '../../lib/result.ts';
import type { FeedDayArticle } from './synthetic.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An article as a news site's page: its title, outlet and date in the usual tags, a paragraph a line (the extension extracts them back). */
export function articlePage(a: Pick<ArticleInput, 'title' | 'text' | 'outlet' | 'published'>): string {
  const title = escape(a.title ?? '');
  const paragraphs = a.text.split('\n').map((p) => `<p>${escape(p)}</p>`).join('\n');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<meta property="og:site_name" content="${escape(a.outlet ?? '')}">${a.published ? `<meta property="article:published_time" content="${a.published}T08:00:00Z">` : ''}</head>` +
    `<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>` +
    `<main><article><h1>${title}</h1>\n${paragraphs}\n</article></main><footer>© ${escape(a.outlet ?? '')}</footer></body></html>`
  );
}

function rss(feedUrl: string, items: readonly FeedDayArticle[]): string {
  const entries = items.map(
    (a) => `<item><title>${escape(a.title ?? '')}</title><link>${escape(a.url)}</link><guid>${escape(a.url)}</guid><pubDate>${new Date(`${a.published}T08:00:00Z`).toUTCString()}</pubDate></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escape(items[0]?.outlet ?? feedUrl)}</title><link>${escape(feedUrl)}</link>${entries.join('')}</channel></rss>`;
}

/** A fetcher answering the followed feeds with `articles` and their pages (404 for anything else). */
export function simulatedSites(articles: readonly FeedDayArticle[], feedUrls: readonly string[]): Fetcher {
  const bodies = new Map<string, { body: string; type: string }>();
  for (const url of feedUrls) bodies.set(url, { body: rss(url, articles.filter((a) => a.feedUrl === url)), type: 'application/rss+xml' });
  for (const a of articles) bodies.set(a.url, { body: articlePage(a), type: 'text/html; charset=utf-8' });
  return {
    get(url): Promise<FetchResult> {
      const found = bodies.get(url);
      if (!found) return Promise.reject(new Error(`no page at ${url} in the simulation`));
      return Promise.resolve({ kind: 'ok', url, finalUrl: url, status: 200, contentType: found.type, body: found.body, validators: {}, attempts: 1 });
    },
  };
}
