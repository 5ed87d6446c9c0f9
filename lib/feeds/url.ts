// One article often reaches a feed under several URLs: tracking parameters, fragments, a
// trailing slash, an upper-case host. The corpus knows an article by its canonical URL.

const TRACKING = /^(utm_[a-z]+|wt_mc|wt_zmc|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref_src)$/i;

/** Only web pages may be fetched: no file:, data:, javascript: or extension URLs from a feed. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Resolves `value` against `base` and returns it when it is an http(s) URL, otherwise null. */
export function resolveWebUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The URL an article is known by: no fragment, no tracking parameters, no default port. */
export function canonicalUrl(value: string): string {
  const url = new URL(value);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.slice(0, -1);
  return url.toString();
}

/** The host an article was published on, without "www.". */
export function hostOf(value: string): string {
  return new URL(value).host.replace(/^www\./, '');
}
