// Which hosts a refresh may reach. The extension's content script matches every http(s) page,
// which gives its background access to every origin; the browsers' own permission checks
// therefore say nothing useful (Chrome lets the fetch through, Firefox says yes to every host).
// So every request and every redirect hop is checked here instead: only the hosts of the feeds
// the user follows (and allowed), and never a loopback, private, link-local or other local-network
// address unless the user added a feed on exactly that host (scheme, name and port).
//
// What this cannot see: a public name whose DNS answer is a private address (DNS rebinding).
// Neither the browser's fetch nor an extension can ask where a name resolves before connecting.

/** Says why a URL may not be fetched, or null when it may. */
export interface HostPolicy {
  refusal(url: string): string | null;
}

/** Reaches everything web (http or https): for callers that check hosts themselves. */
export const ANY_WEB_HOST: HostPolicy = {
  refusal(url) {
    const parsed = parse(url);
    return parsed && isWeb(parsed) ? null : `not an http(s) address: ${url}`;
  },
};

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const isWeb = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

function ipv4Parts(hostname: string): number[] | null {
  // The URL parser already turned every IPv4 spelling (0x7f.1, 2130706433, 0177.0.0.1) into this form.
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  return match ? match.slice(1).map(Number) : null;
}

function isLocalIpv4([a, b]: number[]): boolean {
  return (
    a === 0 || // "this network", 0.0.0.0 reaches the local machine
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking networks, used by some LAN gear
    a! >= 224 // multicast, reserved and broadcast
  );
}

/** The eight 16-bit groups of a serialized IPv6 address ("[::1]" as URL.hostname gives it). */
function ipv6Groups(hostname: string): number[] | null {
  if (!hostname.startsWith('[') || !hostname.endsWith(']')) return null;
  const body = hostname.slice(1, -1);
  const [head, tail] = body.includes('::') ? body.split('::') : [body, null];
  const groups = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = tail === null ? [] : groups(tail);
  const middle = tail === null ? [] : new Array<number>(8 - front.length - back.length).fill(0);
  const all = [...front, ...middle, ...back];
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : null;
}

function isLocalIpv6(groups: number[]): boolean {
  const [first] = groups as [number];
  if (groups.every((g) => g === 0)) return true; // ::
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return true; // ::1
  if ((first & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return true; // multicast
  // An IPv4 address inside IPv6 (mapped ::ffff:a.b.c.d, or NAT64 64:ff9b::a.b.c.d) is judged as IPv4.
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (mapped || nat64) return isLocalIpv4([groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff]);
  return false;
}

// Names that only mean something on the user's own machine or network.
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa', '.intranet', '.corp'];

/** True for loopback, private, link-local and other addresses that only exist on the user's network. */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const v4 = ipv4Parts(host);
  if (v4) return isLocalIpv4(v4);
  const v6 = ipv6Groups(host);
  if (v6) return isLocalIpv6(v6);
  if (host.startsWith('[')) return true; // an IPv6 form we cannot read: not trusted
  // A single-label name ("router", "nas") resolves on the local network only.
  if (host === 'localhost' || !host.includes('.')) return true;
  return LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/**
 * The hosts of the feeds the user follows (and allowed). A public host may be reached on any
 * port, as the browser's host permissions work; a local-network host only at the exact origin
 * of a feed the user added there.
 */
export function feedHostPolicy(feedUrls: Iterable<string>): HostPolicy {
  const hostnames = new Set<string>();
  const localOrigins = new Set<string>();
  for (const feed of feedUrls) {
    const url = parse(feed);
    if (!url || !isWeb(url)) continue;
    if (isLocalNetworkHost(url.hostname)) localOrigins.add(url.origin);
    else hostnames.add(url.hostname.toLowerCase());
  }
  return {
    refusal(value) {
      const url = parse(value);
      if (!url || !isWeb(url)) return `not an http(s) address: ${value}`;
      if (isLocalNetworkHost(url.hostname)) {
        return localOrigins.has(url.origin) ? null : `${url.host} is on your own machine or network, and no feed you follow is at ${url.origin}`;
      }
      return hostnames.has(url.hostname.toLowerCase()) ? null : `${url.hostname} is not the site of a feed you follow`;
    },
  };
}
