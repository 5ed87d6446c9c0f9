import { describe, expect, test } from 'vitest';
import { FeedParseError, parseFeedDocument } from './parse';

const FEED_URL = 'http://127.0.0.1:9/feeds/gazette.xml';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Harbor Gazette &amp; Co</title>
    <link>http://127.0.0.1:9/</link>
    <item><title>Bridge closes</title><link>/news/bridge</link><guid>g1</guid><pubDate>Mon, 02 Jun 2025 23:30:00 -0500</pubDate><dc:creator>Ana Ruiz</dc:creator></item>
    <item><title>Bridge closes (again)</title><link>/news/bridge?utm_source=rss</link><guid>g1-copy</guid></item>
    <item><title>No link</title><guid isPermaLink="false">g3</guid></item>
    <item><title>Script link</title><link>javascript:alert(1)</link></item>
    <item><title>Guid as link</title><guid>http://127.0.0.1:9/news/ferry</guid></item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">The Valley Times</title>
  <link rel="self" href="http://127.0.0.1:9/feeds/valley.atom"/>
  <link rel="alternate" href="http://127.0.0.1:9/"/>
  <entry>
    <title>Inspectors find cracks</title>
    <link rel="alternate" href="http://127.0.0.1:9/valley/cracks"/>
    <id>urn:valley:1</id>
    <updated>2025-06-03T08:00:00Z</updated>
    <published>2025-06-02T21:00:00-07:00</published>
    <author><name>Lee Park</name></author>
  </entry>
</feed>`;

describe('parseFeedDocument', () => {
  test('RSS: resolves links, keeps the publisher day, drops repeats and items without a web link', () => {
    const feed = parseFeedDocument(RSS, FEED_URL);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbor Gazette & Co');
    expect(feed.items).toEqual([
      { url: 'http://127.0.0.1:9/news/bridge', key: 'g1', title: 'Bridge closes', published: '2025-06-02', author: 'Ana Ruiz' },
      { url: 'http://127.0.0.1:9/news/ferry', key: 'http://127.0.0.1:9/news/ferry', title: 'Guid as link', published: null, author: null },
    ]);
    expect(feed.dropped).toEqual([
      { key: 'g1-copy', url: 'http://127.0.0.1:9/news/bridge?utm_source=rss', reason: 'repeated in the feed' },
      { key: 'g3', url: null, reason: 'item has no link' },
      { key: 'item 4', url: null, reason: 'link is not a web page (javascript:alert(1))' },
    ]);
  });

  test('Atom: alternate link, id as key, published before updated', () => {
    const feed = parseFeedDocument(ATOM, 'http://127.0.0.1:9/feeds/valley.atom');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('The Valley Times');
    expect(feed.siteUrl).toBe('http://127.0.0.1:9/');
    expect(feed.items).toEqual([
      { url: 'http://127.0.0.1:9/valley/cracks', key: 'urn:valley:1', title: 'Inspectors find cracks', published: '2025-06-02', author: 'Lee Park' },
    ]);
  });

  test('JSON Feed', () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: '/j/1', title: 'One', date_published: '2025-06-01T10:00:00Z' }] });
    expect(parseFeedDocument(json, FEED_URL).items).toEqual([{ url: 'http://127.0.0.1:9/j/1', key: '1', title: 'One', published: '2025-06-01', author: null }]);
  });

  test.each([
    ['', 'the feed is empty'],
    ['<rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>', 'the feed is not well-formed'],
    ['<!DOCTYPE html><html><body><p>Hello</p></body></html>', 'this is a web page, not a feed'],
    ['just some words', 'not an RSS, Atom or JSON feed'],
  ])('%j fails with a reason', (body, reason) => {
    expect(() => parseFeedDocument(body, FEED_URL)).toThrow(FeedParseError);
    expect(() => parseFeedDocument(body, FEED_URL)).toThrow(reason);
  });
});
