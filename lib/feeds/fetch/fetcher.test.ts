import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startFeedServer, type FeedServer } from '../../../tests/feeds/server';
import { createFetcher, DEFAULT_USER_AGENT, FetchFailure, type FetchLike, type FetchResponseLike } from './fetcher';
import { feedHostPolicy } from './host-policy';

const PAGE = { expect: 'html', maxBytes: 5 * 1024 * 1024 } as const;
const FEED = { expect: 'feed', maxBytes: 1024 * 1024 } as const;

async function failure(promise: Promise<unknown>): Promise<FetchFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchFailure) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

describe('against a loopback server', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({ slowMs: 60_000, hugeBytes: 2 * 1024 * 1024 });
  });
  afterAll(() => server.close());
  const fetcher = () => createFetcher({ timeoutMs: 1_000, retries: 1, backoffMs: 5 });

  test('sends an identifying User-Agent and returns the page with its validators', async () => {
    const result = await fetcher().get(server.url('/pages/gazette/bridge-closed.html'), PAGE);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.body).toContain('Harbor Bridge closed indefinitely');
    expect(result.validators.etag).toMatch(/^".+"$/);
    expect(result.validators.lastModified).toBeTruthy();
    expect(result.attempts).toBe(1);
    const served = server.requests.find((r) => r.path === '/pages/gazette/bridge-closed.html');
    expect(served?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(served?.headers.accept).toMatch(/^text\/html/);
  });

  test('conditional requests: a known ETag or Last-Modified gets 304 not-modified', async () => {
    const first = await fetcher().get(server.url('/feeds/gazette.xml'), FEED);
    if (first.kind !== 'ok') throw new Error('expected ok');
    const byEtag = await fetcher().get(server.url('/feeds/gazette.xml'), { ...FEED, validators: first.validators });
    expect(byEtag.kind).toBe('not-modified');
    const byDate = await fetcher().get(server.url('/feeds/gazette.xml'), { ...FEED, validators: { lastModified: first.validators.lastModified! } });
    expect(byDate.kind).toBe('not-modified');
    const stale = await fetcher().get(server.url('/feeds/gazette.xml'), { ...FEED, validators: { etag: '"old"' } });
    expect(stale.kind).toBe('ok');
    const conditional = server.requests.filter((r) => r.path === '/feeds/gazette.xml' && r.headers['if-none-match']);
    expect(conditional.map((r) => r.status)).toEqual([304, 200]);
  });

  test('follows a redirect hop by hop and reports where it ended', async () => {
    const result = await fetcher().get(server.url('/pages/gazette/moved.html'), PAGE);
    expect(result.kind === 'ok' && result.finalUrl).toBe(server.url('/pages/gazette/council-vote.html'));
    const hops = server.requests.filter((r) => /\/(moved|council-vote)\.html$/.test(r.path)).map((r) => `${r.status} ${r.path}`);
    expect(hops.slice(-2)).toEqual(['301 /pages/gazette/moved.html', '200 /pages/gazette/council-vote.html']);
  });

  describe('with the hosts of followed feeds as the policy', () => {
    const guarded = () => createFetcher({ timeoutMs: 1_000, retries: 1, backoffMs: 5, policy: feedHostPolicy([server.url('/feeds/elsewhere.xml')]) });

    test('the feed\'s own host is reached, redirects within it followed', async () => {
      const result = await guarded().get(server.url('/pages/gazette/moved.html'), PAGE);
      expect(result.kind === 'ok' && result.finalUrl).toBe(server.url('/pages/gazette/council-vote.html'));
    });

    test('another loopback port or name is refused before any request', async () => {
      const before = server.requests.length;
      const otherPort = await failure(guarded().get('http://127.0.0.1:9/pages/gazette/council-vote.html', PAGE));
      expect([otherPort.reason, otherPort.message]).toEqual(['refused', 'refused: 127.0.0.1:9 is on your own machine or network, and no feed you follow is at http://127.0.0.1:9']);
      const otherName = await failure(guarded().get(server.url('/pages/gazette/council-vote.html').replace('127.0.0.1', 'localhost'), PAGE));
      expect(otherName.reason).toBe('refused');
      expect(server.requests.length).toBe(before);
    });

    test('a redirect to another host is refused, reported as a refused redirect, and its target never requested', async () => {
      const before = server.requests.length;
      const error = await failure(guarded().get(server.url('/pages/gazette/to-elsewhere.html'), PAGE));
      expect(error.reason).toBe('redirect-refused');
      expect(error.message).toBe(
        `redirect refused: ${server.url('/pages/gazette/to-elsewhere.html')} redirects to http://127.0.0.1:9/pages/gazette/council-vote.html; 127.0.0.1:9 is on your own machine or network, and no feed you follow is at http://127.0.0.1:9`,
      );
      expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/pages/gazette/to-elsewhere.html']);
    });
  });

  test('a 404 fails at once, without retrying', async () => {
    const before = server.requests.length;
    const error = await failure(fetcher().get(server.url('/pages/gazette/missing.html'), PAGE));
    expect(error.reason).toBe('status');
    expect(error.status).toBe(404);
    expect(error.message).toBe('HTTP 404 Not Found');
    expect(server.requests.length - before).toBe(1);
  });

  test('a slow page times out on every attempt', { timeout: 20_000 }, async () => {
    const error = await failure(fetcher().get(server.url('/pages/gazette/slow.html'), PAGE));
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('timed out after 1 s (2 attempts)');
    expect(server.requests.filter((r) => r.path === '/pages/gazette/slow.html')).toHaveLength(2);
  });

  test('a huge page streamed without Content-Length is cut off at the size limit', async () => {
    const error = await failure(fetcher().get(server.url('/pages/gazette/huge-streamed.html'), { expect: 'html', maxBytes: 512 * 1024 }));
    expect(error.reason).toBe('too-large');
    expect(error.message).toBe('too large: over 512 kB, the limit');
  });

  test('a huge page that announces its length is refused by it', async () => {
    const error = await failure(fetcher().get(server.url('/pages/gazette/huge.html'), { expect: 'html', maxBytes: 512 * 1024 }));
    expect(error.reason).toBe('too-large');
    expect(error.message).toBe('too large: 2 MB, the limit is 512 kB');
  });

  test('a feed where a page is expected is refused by its content type', async () => {
    const error = await failure(fetcher().get(server.url('/feeds/gazette.xml'), PAGE));
    expect(error.message).toBe('not a web page (application/rss+xml)');
  });

  test('refuses URLs that are not http(s) without any request', async () => {
    const error = await failure(fetcher().get('file:///etc/hosts', PAGE));
    expect(error.reason).toBe('not-web');
  });

  test('a refused connection is a network error', async () => {
    const closed = await startFeedServer();
    const url = closed.url('/feeds/gazette.xml');
    await closed.close();
    const error = await failure(createFetcher({ retries: 0 }).get(url, FEED));
    expect(error.reason).toBe('network');
    expect(error.message).toMatch(/^network error: /);
  });
});

function fakeResponse(status: number, headers: Record<string, string> = {}, body = ''): FetchResponseLike {
  const bytes = new TextEncoder().encode(body);
  let sent = false;
  return {
    status,
    url: '',
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    body: {
      getReader: () => ({
        read: async () => (sent ? { done: true } : ((sent = true), { done: false, value: bytes })),
        cancel: async () => undefined,
      }),
    },
  };
}

test('at most perHost requests reach one host at a time; other hosts are not held up', async () => {
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const release: (() => void)[] = [];
  const fetch: FetchLike = async (url) => {
    const host = new URL(url).host;
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    peak.set(host, Math.max(peak.get(host) ?? 0, inFlight.get(host)!));
    await new Promise<void>((resolve) => release.push(resolve));
    inFlight.set(host, inFlight.get(host)! - 1);
    return fakeResponse(200, { 'content-type': 'text/html' }, '<p>ok</p>');
  };
  const fetcher = createFetcher({ fetch, perHost: 2 });
  const urls = [...Array.from({ length: 6 }, (_, i) => `http://127.0.0.1:1/a${i}`), 'http://127.0.0.2:1/b0', 'http://127.0.0.2:1/b1'];
  const all = Promise.all(urls.map((url) => fetcher.get(url, PAGE)));
  // Answer the requests one at a time, letting queued ones start in between.
  for (let answered = 0; answered < urls.length; answered += 1) {
    await vi.waitFor(() => expect(release.length).toBeGreaterThan(0));
    release.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  expect((await all).every((r) => r.kind === 'ok')).toBe(true);
  expect(Object.fromEntries(peak)).toEqual({ '127.0.0.1:1': 2, '127.0.0.2:1': 2 });
});

describe('redirects as the browser sees them', () => {
  test('every request asks for manual redirects', async () => {
    const inits: string[] = [];
    const fetch: FetchLike = async (_url, init) => (inits.push(init.redirect), fakeResponse(200, { 'content-type': 'text/html' }, '<p>ok</p>'));
    await createFetcher({ fetch }).get('http://127.0.0.1:9/a', PAGE);
    expect(inits).toEqual(['manual']);
  });

  test('an opaque redirect (target hidden by the browser) is refused and reported as such, not retried', async () => {
    let calls = 0;
    const fetch: FetchLike = async () => (calls++, { ...fakeResponse(0), type: 'opaqueredirect' });
    const error = await failure(createFetcher({ fetch, retries: 2 }).get('http://127.0.0.1:9/a', PAGE));
    expect(error.reason).toBe('redirect-refused');
    expect(error.message).toMatch(/^redirect refused: the browser does not say where it leads/);
    expect(calls).toBe(1);
  });

  test('a redirect loop stops after maxRedirects hops', async () => {
    const fetch: FetchLike = async (url) => fakeResponse(302, { location: `${url}x` });
    const error = await failure(createFetcher({ fetch, maxRedirects: 3 }).get('http://127.0.0.1:9/a', PAGE));
    expect([error.reason, error.message]).toEqual(['redirect-refused', 'redirect refused: more than 3 redirects']);
  });

  test('a redirect to a non-web scheme is refused', async () => {
    const fetch: FetchLike = async () => fakeResponse(301, { location: 'file:///etc/passwd' });
    const error = await failure(createFetcher({ fetch }).get('http://127.0.0.1:9/a', PAGE));
    expect(error.message).toBe('redirect refused: http://127.0.0.1:9/a redirects to file:///etc/passwd; not an http(s) address: file:///etc/passwd');
  });
});

describe('retries with backoff (injected fetch and clock)', () => {
  test.each([
    [[503, 503, 200], 3, [100, 200]],
    [[429, 200], 2, [100]],
    [[500, 500, 500], null, [100, 200]],
  ])('statuses %j', async (statuses, attemptsWhenOk, waits) => {
    const queue = [...statuses];
    const slept: number[] = [];
    const fetch: FetchLike = async () => fakeResponse(queue.shift()!, { 'content-type': 'text/html' }, '<p>ok</p>');
    const fetcher = createFetcher({ fetch, retries: 2, backoffMs: 100, random: () => 1, sleep: async (ms) => void slept.push(ms) });
    const outcome = fetcher.get('http://127.0.0.1:9/a', PAGE);
    if (attemptsWhenOk) expect((await outcome).attempts).toBe(attemptsWhenOk);
    else expect((await failure(outcome)).message).toBe('HTTP 500 (3 attempts)');
    expect(slept).toEqual(waits);
  });

  test('Retry-After is honoured, capped by maxBackoffMs', async () => {
    const queue = [fakeResponse(503, { 'retry-after': '3' }), fakeResponse(503, { 'retry-after': '120' }), fakeResponse(200, {}, 'x')];
    const slept: number[] = [];
    const fetcher = createFetcher({ fetch: async () => queue.shift()!, retries: 2, maxBackoffMs: 10_000, sleep: async (ms) => void slept.push(ms) });
    await fetcher.get('http://127.0.0.1:9/a', PAGE);
    expect(slept).toEqual([3_000, 10_000]);
  });

  test('decodes the charset the page declares', async () => {
    const latin1 = Uint8Array.from([...'<meta charset="iso-8859-1"><p>caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x3c, 0x2f, 0x70, 0x3e]));
    let sent = false;
    const response: FetchResponseLike = {
      status: 200,
      url: 'http://127.0.0.1:9/b',
      headers: { get: (name) => (name === 'content-type' ? 'text/html' : null) },
      body: { getReader: () => ({ read: async () => (sent ? { done: true } : ((sent = true), { done: false, value: latin1 })), cancel: async () => undefined }) },
    };
    const result = await createFetcher({ fetch: async () => response }).get('http://127.0.0.1:9/b', PAGE);
    expect(result.kind === 'ok' && result.body).toBe('<meta charset="iso-8859-1"><p>café</p>');
  });

  test('a page announcing a length over the limit is refused without reading its body, and not retried', async () => {
    let reads = 0;
    let cancelled = 0;
    let calls = 0;
    const response: FetchResponseLike = {
      status: 200,
      url: 'http://127.0.0.1:9/d',
      headers: { get: (name) => ({ 'content-type': 'text/html', 'content-length': String(6 * 1024 * 1024) })[name] ?? null },
      body: { getReader: () => ({ read: async () => ((reads += 1), { done: true }), cancel: async () => void (cancelled += 1) }) },
    };
    const error = await failure(createFetcher({ fetch: async () => ((calls += 1), response), retries: 2 }).get('http://127.0.0.1:9/d', PAGE));
    expect(error.message).toBe('too large: 6 MB, the limit is 5 MB');
    expect([calls, reads, cancelled]).toEqual([1, 0, 1]);
  });

  test('an aborted refresh stops without retrying', async () => {
    const controller = new AbortController();
    let calls = 0;
    const fetch: FetchLike = (_url, init) => {
      calls += 1;
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
    };
    const pending = createFetcher({ fetch, retries: 3 }).get('http://127.0.0.1:9/c', { ...PAGE, signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    expect(error.reason).toBe('aborted');
    expect(calls).toBe(1);
  });
});
