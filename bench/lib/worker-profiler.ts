// A CPU profile of an extension's background service worker in Chromium, over the DevTools
// protocol on a loopback port (bench/kept-step/browser-warm.ts --cpu-prof): Playwright opens
// protocol sessions on pages only. The browser is launched with `--remote-debugging-port=0`
// (DEVTOOLS_ARGS); it writes the port it chose into its profile's DevToolsActivePort file. Node's
// own WebSocket client (Node 22; in Node 20, NODE_OPTIONS=--experimental-websocket).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEVTOOLS_ARGS = ['--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1'];

export interface WorkerProfiler {
  start(): Promise<void>;
  /** Stops and returns the profile (a .cpuprofile's JSON). */
  stop(): Promise<unknown>;
  close(): void;
}

export async function profileWorker(profileDir: string, urlPrefix: string): Promise<WorkerProfiler> {
  const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0]!.trim();
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((t) => t.type === 'service_worker' && t.url.startsWith(urlPrefix));
  if (!target) throw new Error(`no service worker under ${urlPrefix} among ${targets.length} DevTools targets`);
  if (typeof globalThis.WebSocket !== 'function') throw new Error('--cpu-prof needs a WebSocket client: Node 22, or NODE_OPTIONS=--experimental-websocket in Node 20');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let id = 0;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error) waiting.reject(new Error(`DevTools: ${message.error.message}`));
    else waiting.resolve(message.result);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      pending.set(++id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  return {
    start: async () => void (await send('Profiler.start')),
    stop: async () => ((await send('Profiler.stop')) as { profile: unknown }).profile,
    close: () => socket.close(),
  };
}
