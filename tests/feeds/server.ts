// A news site and its feeds on 127.0.0.1, for the feed fetcher's tests, the CLI demo and the
// extension's end-to-end run. Serves tests/fixtures/feeds with dates filled in relative to
// today, answers conditional requests, and has the bad cases a real feed reader meets: a
// redirect, a 404, a slow page, a huge page (announcing its length, and one streamed without
// saying it), a page that is no article, a broken feed, and a
// hostile feed (feeds/elsewhere.xml) whose links and redirect lead to other hosts on this machine.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const FEED_FIXTURES_DIR = resolve(import.meta.dirname, '..', 'fixtures', 'feeds');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FeedServerOptions {
  /** How long /pages/gazette/slow.html waits before answering. */
  slowMs?: number;
  /**
   * Size of /pages/gazette/huge.html, which announces it (Content-Length), and of
   * /pages/gazette/huge-streamed.html, streamed without one.
   */
  hugeBytes?: number;
  /** "Today" for the dates written into feeds and pages. */
  now?: Date;
  /**
   * Where the hostile feed's links and redirect point ({{elsewhere}}): another server on this
   * machine that no followed feed is on. Default: port 9 of 127.0.0.1 (the discard port; nothing listens).
   */
  elsewhere?: string;
}

export interface ServedRequest {
  path: string;
  status: number;
  headers: IncomingHttpHeaders;
}

export interface FeedServer {
  origin: string;
  url(path: string): string;
  requests: ServedRequest[];
  /** Most requests that were in flight at once. */
  maxInFlight: number;
  /** The fixture text with {{origin}} and dates filled in (e.g. feeds.opml for a CLI run). */
  render(relativePath: string): Promise<string>;
  close(): Promise<void>;
}

const DAY = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function fill(template: string, origin: string, now: Date, elsewhere: string): string {
  const at = (days: string) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9, 30) - Number(days) * DAY);
  return template
    .replaceAll('{{origin}}', origin)
    .replaceAll('{{localhost}}', origin.replace('//127.0.0.1:', '//localhost:'))
    .replaceAll('{{elsewhere}}', elsewhere)
    .replace(/\{\{iso:(\d+)\}\}/g, (_, days: string) => at(days).toISOString().replace('.000Z', 'Z'))
    .replace(/\{\{rfc822:(\d+)\}\}/g, (_, days: string) => {
      const d = at(days);
      return `${WEEKDAYS[d.getUTCDay()]}, ${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 09:30:00 GMT`;
    });
}

export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const slowMs = options.slowMs ?? 10_000;
  const hugeBytes = options.hugeBytes ?? 6 * 1024 * 1024;
  const now = options.now ?? new Date();
  const lastModified = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9, 30)).toUTCString();
  const requests: ServedRequest[] = [];
  let inFlight = 0;
  let origin = '';
  const state = { maxInFlight: 0 };

  const elsewhere = options.elsewhere ?? 'http://127.0.0.1:9';
  const render = async (relativePath: string) => fill(await readFile(join(FEED_FIXTURES_DIR, relativePath), 'utf8'), origin, now, elsewhere);

  const send = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };

  // A page of hugeBytes or a little more. With its length announced a client can refuse it before
  // reading the body; streamed without one it can only count what it reads.
  const sendHuge = (res: ServerResponse, announced: boolean) => {
    const head = '<!DOCTYPE html><html><head><title>Every bridge in the county</title></head><body><article>';
    const paragraph = `<p>${'The bridge gallery shows every crossing in the county, from the oldest stone arch to the newest cable span. '.repeat(40)}</p>\n`;
    const tail = '</article></body></html>';
    const paragraphs = Math.ceil(hugeBytes / paragraph.length);
    const length = head.length + paragraphs * paragraph.length + tail.length;
    res.writeHead(200, { 'content-type': TYPES['.html']!, ...(announced ? { 'content-length': String(length) } : {}) });
    res.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < paragraphs) {
        sent += 1;
        if (!res.write(paragraph)) return void res.once('drain', pump);
      }
      res.end(tail);
    };
    res.on('error', () => undefined);
    pump();
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: ServedRequest = { path: url.pathname + url.search, status: 0, headers: req.headers };
    requests.push(record);
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
      // A request the client gave up on before any answer (a timeout) has no status.
      record.status = res.headersSent ? res.statusCode : 0;
    });
    try {
      switch (url.pathname) {
        case '/pages/gazette/moved.html':
          res.writeHead(301, { location: '/pages/gazette/council-vote.html' });
          res.end();
          return;
        case '/pages/gazette/to-elsewhere.html':
          res.writeHead(302, { location: `${elsewhere}/pages/gazette/council-vote.html` });
          res.end();
          return;
        case '/pages/gazette/slow.html': {
          const timer = setTimeout(async () => send(res, 200, TYPES['.html']!, await render('pages/gazette/library-reopens.html')), slowMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        case '/pages/gazette/huge.html':
          return sendHuge(res, true);
        case '/pages/gazette/huge-streamed.html':
          return sendHuge(res, false);
      }
      const relative = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = resolve(join(FEED_FIXTURES_DIR, relative));
      if (!file.startsWith(FEED_FIXTURES_DIR) || !TYPES[extname(file)]) return send(res, 404, 'text/plain', 'not found');
      let body: string;
      try {
        body = await render(relative);
      } catch {
        return send(res, 404, 'text/html; charset=utf-8', '<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>');
      }
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      const validators = { etag, 'last-modified': lastModified };
      if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified)) {
        res.writeHead(304, validators);
        res.end();
        return;
      }
      send(res, 200, TYPES[extname(file)]!, body, validators);
    } catch (error) {
      send(res, 500, 'text/plain', String(error));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).toString(),
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    render,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
