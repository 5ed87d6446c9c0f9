import { describe, expect, test } from 'vitest';
import { canonicalUrl, hostOf, isWebUrl, resolveWebUrl } from './url';

describe('canonicalUrl', () => {
  test.each([
    ['https://Example.COM/a/b/?utm_source=rss&utm_medium=feed#top', 'https://example.com/a/b'],
    ['https://example.com:443/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['http://example.com/', 'http://example.com/'],
    ['https://example.com/a?id=7&fbclid=x', 'https://example.com/a?id=7'],
  ])('%s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });
});

describe('web URLs', () => {
  test.each([
    ['https://example.com/x', true],
    ['http://127.0.0.1:8080/feed.xml', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('isWebUrl(%s) = %s', (input, expected) => {
    expect(isWebUrl(input)).toBe(expected);
  });

  test('relative links resolve against the feed', () => {
    expect(resolveWebUrl('/news/1', 'http://127.0.0.1:9/feed.xml')).toBe('http://127.0.0.1:9/news/1');
    expect(resolveWebUrl('data:text/html,hi', 'http://127.0.0.1:9/')).toBeNull();
    expect(resolveWebUrl('', 'http://127.0.0.1:9/')).toBeNull();
  });

  test('hostOf drops www', () => {
    expect(hostOf('https://www.example.com:8443/x')).toBe('example.com:8443');
  });
});
