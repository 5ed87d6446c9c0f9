// An HTTP proxy on 127.0.0.1 that records every request a browser sends through it: the whole
// browser's traffic when the browser is told to use it for everything (loopback included). It
// forwards only to loopback (the fixture servers) and answers anything else itself, so nothing
// leaves the machine whatever the browser tries.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxyRecorder {
  port: number;
  /** "GET http://host/path", "CONNECT host:443" or "UPGRADE ws://..." for every request seen. */
  requests: string[];
  /** Browser prefs that send all of Firefox's traffic (HTTP, HTTPS, WebSocket, loopback) here. */
  firefoxPrefs: Record<string, string | number | boolean>;
  close(): Promise<void>;
}

const isLoopback = (hostname: string) => hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';

export async function startProxyRecorder(): Promise<ProxyRecorder> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const target = req.url ?? '';
    requests.push(`${req.method} ${target}`);
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.protocol !== 'http:' || !isLoopback(url.hostname)) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('the test proxy forwards to loopback only');
      return;
    }
    const upstream = httpRequest(url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // HTTPS goes through CONNECT tunnels: recorded and refused (no fixture serves HTTPS).
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    requests.push(`UPGRADE ${req.url ?? ''}`);
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      // Without this Firefox sends loopback requests directly, past any proxy.
      'network.proxy.allow_hijacking_localhost': true,
      // Name lookups are traffic too: no prefetching, no DNS over HTTPS.
      'network.dns.disablePrefetch': true,
      'network.trr.mode': 5,
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
