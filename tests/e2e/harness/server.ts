import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export type Route = (url: URL) => { status?: number; type?: string; body: string | Buffer } | null | Promise<{ status?: number; type?: string; body: string | Buffer } | null>;

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Paths requested so far, in order (for tests that check what the extension fetched). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves files under `roots` (first hit wins) and optional routes on 127.0.0.1 at a free port.
 * Only loopback: tests never reach the network.
 */
export async function startFixtureServer(roots: string[], routes: Record<string, Route> = {}): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    try {
      const route = routes[url.pathname];
      const routed = route ? await route(url) : null;
      if (routed) {
        res.writeHead(routed.status ?? 200, { 'content-type': routed.type ?? 'text/html; charset=utf-8' });
        res.end(routed.body);
        return;
      }
      const relative = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      for (const root of roots) {
        const file = resolve(join(root, relative.endsWith('/') ? `${relative}index.html` : relative));
        if (!file.startsWith(resolve(root))) continue;
        try {
          const body = await readFile(file);
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          res.end(body);
          return;
        } catch {
          // try the next root
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).toString(),
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
