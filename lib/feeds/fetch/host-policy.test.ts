import { describe, expect, test } from 'vitest';
import { feedHostPolicy, isLocalNetworkHost } from './host-policy';

describe('isLocalNetworkHost', () => {
  // URL.hostname as the parser gives it: every IPv4 spelling is normalized first.
  const hostname = (url: string) => new URL(url).hostname;

  test.each([
    'http://localhost/', 'http://LOCALHOST./', 'http://app.localhost/', 'http://127.0.0.1/', 'http://127.1.2.3/',
    'http://0.0.0.0/', 'http://2130706433/', 'http://0x7f.1/', 'http://10.1.2.3/', 'http://172.16.0.1/',
    'http://172.31.255.255/', 'http://192.168.1.1/', 'http://169.254.169.254/', 'http://100.64.0.1/',
    'http://224.0.0.1/', 'http://255.255.255.255/', 'http://[::1]/', 'http://[::]/', 'http://[fe80::1]/',
    'http://[fd00::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:192.168.0.1]/', 'http://[64:ff9b::a00:1]/',
    'http://router/', 'http://nas.local/', 'http://printer.lan/', 'http://db.internal/', 'http://box.home.arpa/',
  ])('%s is local', (url) => {
    expect(isLocalNetworkHost(hostname(url))).toBe(true);
  });

  test.each(['https://news.example.com/', 'http://93.184.216.34/', 'http://172.32.0.1/', 'http://[2001:db8::1]/', 'http://[::ffff:8.8.8.8]/', 'https://localhost.example.com/'])(
    '%s is not local',
    (url) => {
      expect(isLocalNetworkHost(hostname(url))).toBe(false);
    },
  );
});

describe('feedHostPolicy', () => {
  const policy = feedHostPolicy(['https://news.example.com/rss.xml', 'http://127.0.0.1:8080/feed.xml', 'not a url']);

  test('the host of a followed feed is reached, on any path, scheme or port', () => {
    expect(policy.refusal('https://news.example.com/2024/story.html')).toBeNull();
    expect(policy.refusal('http://NEWS.example.com:8443/story')).toBeNull();
  });

  test('another public host is refused', () => {
    expect(policy.refusal('https://www.example.com/story')).toBe('www.example.com is not the site of a feed you follow');
  });

  test('a local host is reached only at the exact origin of a feed the user added there', () => {
    expect(policy.refusal('http://127.0.0.1:8080/a.html')).toBeNull();
    expect(policy.refusal('http://127.0.0.1:8081/a.html')).toBe('127.0.0.1:8081 is on your own machine or network, and no feed you follow is at http://127.0.0.1:8081');
    expect(policy.refusal('http://localhost:8080/a.html')).toMatch(/^localhost:8080 is on your own machine/);
    expect(policy.refusal('https://127.0.0.1:8080/a.html')).toMatch(/is on your own machine/);
    expect(policy.refusal('http://192.168.1.1/')).toMatch(/is on your own machine/);
  });

  test('anything but http(s) is refused', () => {
    expect(policy.refusal('file:///etc/passwd')).toBe('not an http(s) address: file:///etc/passwd');
    expect(policy.refusal('ftp://news.example.com/x')).toMatch(/^not an http\(s\) address/);
  });

  test('with no feeds nothing is reachable', () => {
    expect(feedHostPolicy([]).refusal('https://news.example.com/')).not.toBeNull();
  });
});
