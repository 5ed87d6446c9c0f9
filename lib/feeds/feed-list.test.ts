import { describe, expect, test } from 'vitest';
import { FeedListError, feedListToOpml, parseFeedList } from './feed-list';

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News">
      <outline type="rss" text="Harbor Gazette" xmlUrl="http://127.0.0.1:9/feeds/gazette.xml" htmlUrl="http://127.0.0.1:9/"/>
      <outline type="rss" text="Valley Times" title="The Valley Times" xmlUrl="http://127.0.0.1:9/feeds/valley.atom"/>
    </outline>
    <outline type="rss" text="Again" xmlUrl="http://127.0.0.1:9/feeds/gazette.xml#dup"/>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/hosts"/>
  </body>
</opml>`;

describe('parseFeedList', () => {
  test('reads nested OPML outlines with their titles and reports what it skips', () => {
    const list = parseFeedList(OPML);
    expect(list.feeds).toEqual([
      { url: 'http://127.0.0.1:9/feeds/gazette.xml', title: 'Harbor Gazette' },
      { url: 'http://127.0.0.1:9/feeds/valley.atom', title: 'The Valley Times' },
    ]);
    expect(list.rejected.map((r) => r.reason)).toEqual([
      'listed twice: http://127.0.0.1:9/feeds/gazette.xml#dup',
      'not an http(s) URL: file:///etc/hosts',
    ]);
    expect(list.rejected[0]!.where).toBe('outline 2 "Again"');
  });

  test('reads a text list with comments, blank lines and optional titles', () => {
    const list = parseFeedList('# my feeds\n\nhttp://127.0.0.1:9/a.xml Harbor Gazette\r\nhttps://127.0.0.1:9/b.atom\nnot-a-url\n');
    expect(list.feeds).toEqual([
      { url: 'http://127.0.0.1:9/a.xml', title: 'Harbor Gazette' },
      { url: 'https://127.0.0.1:9/b.atom' },
    ]);
    expect(list.rejected).toEqual([{ where: 'line 5', reason: 'not an http(s) URL: not-a-url' }]);
  });

  test('an OPML file without feeds is an error, not an empty list', () => {
    expect(() => parseFeedList('<?xml version="1.0"?><opml version="2.0"></opml>')).toThrow(FeedListError);
    expect(() => parseFeedList('<opml version="2.0"><head/><body><outline text="empty folder"/></body></opml>')).toThrow('lists no feeds');
  });

  test('a truncated OPML file keeps what it can read and names what it cannot', () => {
    const list = parseFeedList('<?xml version="1.0"?><opml><body><outline xmlUrl="http://127.0.0.1:9/a.xml"/><outline xmlUrl="x"</body>');
    expect(list.feeds).toEqual([{ url: 'http://127.0.0.1:9/a.xml' }]);
    expect(list.rejected).toEqual([{ where: 'outline 2', reason: 'not an http(s) URL: x' }]);
  });

  test('an empty list exports as an empty OPML document', () => {
    expect(feedListToOpml([])).toMatch(/<opml version="2.0"><head><title>Parallax sources<\/title><\/head><body\/><\/opml>/);
  });

  test('OPML export reads back to the same feeds', () => {
    const feeds = [{ url: 'http://127.0.0.1:9/a.xml', title: 'A & B' }, { url: 'http://127.0.0.1:9/b.xml' }];
    const opml = feedListToOpml(feeds);
    expect(opml).toContain('<opml');
    expect(parseFeedList(opml)).toEqual({ feeds: [{ url: feeds[0]!.url, title: 'A & B' }, { url: feeds[1]!.url, title: feeds[1]!.url }], rejected: [] });
  });
});
