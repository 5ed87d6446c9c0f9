// A server on 127.0.0.1 that answers every request with a small article page and remembers it:
// the "other host on the reader's machine" that a hostile feed points at. Tests assert that
// nothing ever reached it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorder {
  origin: string;
  /** "METHOD host path" of every request received. */
  requests: string[];
  close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.headers.host ?? ''} ${req.url ?? ''}`);
    const body = `<!DOCTYPE html><html><head><title>Private</title></head><body><article><h1>Private</h1>${'<p>Something only this machine should see, written out at article length so an extractor would keep it.</p>'.repeat(20)}</article></body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
