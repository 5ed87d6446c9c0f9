// The one way feeds and article pages are fetched, in the CLI (Node's fetch) and in the
// extension's background (the browser's fetch, passed in). Polite by default: an identifying
// User-Agent, a per-host concurrency limit, conditional requests, retries that back off, and
// a hard cap on time and size so one bad server cannot stall or exhaust a refresh. Every request
// and every redirect hop is checked against a host policy first (host-policy.ts).
import { hostOf, isWebUrl } from '../url';
import { ANY_WEB_HOST, type HostPolicy } from './host-policy';
import { createKeyedLimiter } from './limiter';

export const DEFAULT_USER_AGENT = 'Parallax/0.1 (news feed reader; builds a local corpus on the reader\'s device)';

/** Caching validators a server gave for a URL, sent back to ask "changed since?". */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

// Structural subsets of fetch's types, so Node's and the browser's fetch both fit.
interface BodyReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}
export interface FetchResponseLike {
  /** 'opaqueredirect' in browsers for a redirect under redirect: 'manual' (its target is hidden). */
  type?: string;
  status: number;
  statusText?: string;
  url: string;
  headers: { get(name: string): string | null };
  body: { getReader(): BodyReader } | null;
}
export interface FetchInitLike {
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Redirects come back to the fetcher, which checks each hop before following it. */
  redirect: 'manual';
  credentials: 'omit';
}
export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

export type FailureReason = 'not-web' | 'refused' | 'redirect-refused' | 'timeout' | 'network' | 'status' | 'too-large' | 'content-type' | 'aborted';

export class FetchFailure extends Error {
  override name = 'FetchFailure';
  constructor(
    message: string,
    readonly reason: FailureReason,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export type FetchResult =
  | { kind: 'ok'; url: string; finalUrl: string; status: number; contentType: string | null; body: string; validators: Validators; attempts: number }
  | { kind: 'not-modified'; url: string; validators: Validators; attempts: number };

export interface FetcherOptions {
  fetch?: FetchLike;
  userAgent?: string;
  /** Per attempt, headers and body together. */
  timeoutMs?: number;
  /** Extra attempts after the first, for timeouts, network errors, 408, 429 and 5xx. */
  retries?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
  perHost?: number;
  /** Which URLs may be requested, checked before every request and every redirect hop. */
  policy?: HostPolicy;
  /** Redirect hops followed before giving up. */
  maxRedirects?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface GetOptions {
  /** What the caller can use: a page must be HTML, a feed XML or JSON. */
  expect: 'html' | 'feed';
  maxBytes: number;
  validators?: Validators;
  signal?: AbortSignal;
}

export interface Fetcher {
  get(url: string, options: GetOptions): Promise<FetchResult>;
}

const RETRY_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
};
const TYPES = {
  html: /^(text\/html|application\/xhtml\+xml)\b/i,
  feed: /(xml|json|^text\/plain)\b/i,
};

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

/**
 * Picks the charset from the header, else from the document's own declaration, else UTF-8 when
 * the bytes are UTF-8, else Windows-1252 (Latin-1): older feeds send Latin-1 without saying so.
 */
function decode(bytes: Uint8Array, contentType: string | null): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const sniffed = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1];
  for (const label of [declared, sniffed]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown label: try the next one
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function readCapped(response: FetchResponseLike, url: string, maxBytes: number): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length'));
  if (length > maxBytes) {
    await response.body?.getReader().cancel().catch(() => undefined);
    throw new FetchFailure(`too large: ${megabytes(length)}, the limit is ${megabytes(maxBytes)}`, 'too-large', url);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchFailure(`too large: over ${megabytes(maxBytes)}, the limit`, 'too-large', url);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const hosts = createKeyedLimiter(options.perHost ?? 2);
  const policy = options.policy ?? ANY_WEB_HOST;
  const maxRedirects = options.maxRedirects ?? 5;

  /**
   * Fetches `url` hop by hop: each redirect's target is checked against the policy before it is
   * requested. A browser hides a manual redirect's target (an opaque redirect), so there a redirect
   * cannot be checked and is refused; Node's fetch shows it, so the CLI follows checked hops.
   */
  async function fetchChecked(url: string, init: FetchInitLike): Promise<{ response: FetchResponseLike; finalUrl: string }> {
    let current = url;
    for (let hops = 0; ; hops += 1) {
      const response = await fetchImpl(current, init);
      const isRedirect = response.type === 'opaqueredirect' || REDIRECT_STATUS.has(response.status);
      if (!isRedirect) return { response, finalUrl: current };
      await response.body?.getReader().cancel().catch(() => undefined);
      const location = response.type === 'opaqueredirect' ? null : response.headers.get('location');
      if (!location) {
        throw new FetchFailure('redirect refused: the browser does not say where it leads, so Parallax cannot check the next host and does not follow it', 'redirect-refused', url);
      }
      let target: string;
      try {
        target = new URL(location, current).toString();
      } catch {
        throw new FetchFailure(`redirect refused: "${location}" is not an address`, 'redirect-refused', url);
      }
      const refusal = policy.refusal(target);
      if (refusal) throw new FetchFailure(`redirect refused: ${current} redirects to ${target}; ${refusal}`, 'redirect-refused', url);
      if (hops + 1 > maxRedirects) throw new FetchFailure(`redirect refused: more than ${maxRedirects} redirects`, 'redirect-refused', url);
      current = target;
    }
  }

  async function attempt(url: string, get: GetOptions): Promise<FetchResult | { retry: FetchFailure; waitMs: number | null }> {
    const headers: Record<string, string> = { accept: ACCEPT[get.expect], 'user-agent': userAgent };
    if (get.validators?.etag) headers['if-none-match'] = get.validators.etag;
    if (get.validators?.lastModified) headers['if-modified-since'] = get.validators.lastModified;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new FetchFailure(`timed out after ${timeoutMs / 1000} s`, 'timeout', url)), timeoutMs);
    const onAbort = () => controller.abort(new FetchFailure('cancelled', 'aborted', url));
    get.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const { response, finalUrl } = await fetchChecked(url, { headers, signal: controller.signal, redirect: 'manual', credentials: 'omit' });
      const validators: Validators = {};
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      if (etag) validators.etag = etag;
      if (lastModified) validators.lastModified = lastModified;
      if (response.status === 304) {
        await response.body?.getReader().cancel().catch(() => undefined);
        return { kind: 'not-modified', url, validators: { ...get.validators, ...validators }, attempts: 0 };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.getReader().cancel().catch(() => undefined);
        const failure = new FetchFailure(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, 'status', url, response.status);
        if (RETRY_STATUS.has(response.status)) return { retry: failure, waitMs: retryAfterMs(response.headers.get('retry-after'), Date.now()) };
        throw failure;
      }
      const contentType = response.headers.get('content-type');
      if (contentType && !TYPES[get.expect].test(contentType)) {
        await response.body?.getReader().cancel().catch(() => undefined);
        throw new FetchFailure(`not ${get.expect === 'html' ? 'a web page' : 'a feed'} (${contentType.split(';')[0]})`, 'content-type', url);
      }
      const bytes = await readCapped(response, url, get.maxBytes);
      return { kind: 'ok', url, finalUrl, status: response.status, contentType, body: decode(bytes, contentType), validators, attempts: 0 };
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof FetchFailure) {
        const failure = controller.signal.reason;
        if (failure.reason === 'aborted') throw failure;
        return { retry: failure, waitMs: null };
      }
      if (error instanceof FetchFailure) throw error;
      return { retry: new FetchFailure(`network error: ${describeNetworkError(error)}`, 'network', url), waitMs: null };
    } finally {
      clearTimeout(timer);
      get.signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    async get(url, get) {
      if (!isWebUrl(url)) throw new FetchFailure(`not an http(s) URL: ${url}`, 'not-web', url);
      const refusal = policy.refusal(url);
      if (refusal) throw new FetchFailure(`refused: ${refusal}`, 'refused', url);
      let last: FetchFailure | null = null;
      for (let tries = 1; tries <= retries + 1; tries += 1) {
        const outcome = await hosts.run(hostOf(url), () => attempt(url, get));
        if (!('retry' in outcome)) return { ...outcome, attempts: tries };
        last = outcome.retry;
        if (tries > retries) break;
        const exponential = backoffMs * 2 ** (tries - 1) * (0.5 + random() / 2);
        await sleep(Math.min(maxBackoffMs, outcome.waitMs ?? exponential), get.signal).catch(() => {
          throw new FetchFailure('cancelled', 'aborted', url);
        });
      }
      const failure = last!;
      throw new FetchFailure(retries > 0 ? `${failure.message} (${retries + 1} attempts)` : failure.message, failure.reason, url, failure.status);
    },
  };
}
