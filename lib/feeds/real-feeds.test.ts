// Real outlets' feeds (tests/fixtures/real-feeds, MIT-licensed test inputs of rss-parser), served
// from 127.0.0.1 with the headers such servers send, read by the fetcher and the parser.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishedDay } from '../article/dates';
import { createFetcher } from './fetch/fetcher';
import { parseFeedDocument } from './parse';
import { canonicalUrl } from './url';

const DIR = join(__dirname, '../../tests/fixtures/real-feeds');
// What each file is served as: real servers often send no charset at all.
const SERVED: Record<string, string> = {
  'guardian.rss': 'text/xml; charset=UTF-8',
  'heise.atom': 'application/atom+xml',
  'heraldsun.rss': 'application/rss+xml',
  'uolNoticias.rss': 'text/xml',
  'feedburner.atom': 'text/xml; charset=UTF-8',
  'encoding.rss': 'application/rss+xml',
};

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    if (!SERVED[name]) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': SERVED[name]! });
    res.end(readFileSync(join(DIR, name)));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function read(name: string) {
  const response = await createFetcher({ retries: 0 }).get(`${origin}/${name}`, { expect: 'feed', maxBytes: 2 * 1024 * 1024 });
  if (response.kind !== 'ok') throw new Error(`unexpected ${response.kind}`);
  return parseFeedDocument(response.body, response.finalUrl);
}

describe('real feeds on loopback', () => {
  test('The Guardian: RSS 2.0 with media: and dc: namespaces', async () => {
    const feed = await read('guardian.rss');
    expect([feed.format, feed.title, feed.items.length, feed.dropped]).toEqual(['rss', 'The Guardian', 55, []]);
    expect(feed.items[0]).toEqual({
      url: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      key: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      title: 'Trump State of the Union address promised unity but emphasized discord',
      published: '2018-01-31',
      author: 'David Smith in Washington',
    });
    expect(feed.items.every((i) => i.url.startsWith('https://www.theguardian.com/') && i.published)).toBe(true);
  });

  test('heise online: German Atom; its tracking parameter is not part of the article\'s address', async () => {
    const feed = await read('heise.atom');
    expect([feed.format, feed.title, feed.items.length]).toEqual(['atom', 'heise developer neueste Meldungen', 15]);
    expect(feed.items[0]!.key).toBe('http://heise.de/-3088438');
    expect(feed.items[0]!.published).toBe('2016-02-01');
    expect(canonicalUrl(feed.items[0]!.url)).toBe('http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html');
    expect(feed.items.some((i) => /[äöüß]/.test(i.title ?? ''))).toBe(true);
  });

  test('UOL Notícias: Latin-1 bytes with no declared encoding, dates written in Portuguese', async () => {
    const feed = await read('uolNoticias.rss');
    expect([feed.format, feed.title, feed.items.length]).toEqual(['rss', 'UOL Noticias', 15]);
    expect(feed.items[0]!.title).toBe('Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno');
    expect(feed.items.some((i) => i.title?.includes('\uFFFD'))).toBe(false);
    expect(feed.items[0]!.published).toBe('2018-09-24');
    expect(feed.items.every((i) => i.published?.startsWith('2018-09-'))).toBe(true);
  });

  test('Jornal de Notícias: declared ISO-8859-1, FeedBurner links replaced by the outlet\'s own', async () => {
    const feed = await read('encoding.rss');
    expect([feed.format, feed.title, feed.items.length]).toEqual(['rss', 'Jornal de Notícias - Últimas Notícias', 40]);
    expect(feed.items[0]!.title).toBe('Mãe de utente é a nova presidente da Raríssimas');
    expect(feed.items[0]!.url).toBe('https://www.jn.pt/nacional/interior/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html');
    expect(feed.items.every((i) => i.url.startsWith('https://www.jn.pt/'))).toBe(true);
  });

  test('a FeedBurner-proxied Atom feed: every entry at the publisher\'s address, not feedproxy', async () => {
    const feed = await read('feedburner.atom');
    expect([feed.format, feed.title, feed.items.length, feed.dropped]).toEqual(['atom', 'Google Ads Developer Blog', 25, []]);
    expect(feed.items[0]!.url).toBe('http://googleadsdeveloper.blogspot.com/2016/06/adwords-and-dfp-java-client-library.html');
    expect(feed.items.some((i) => i.url.includes('feedproxy'))).toBe(false);
    expect(feed.items[0]!.key).toBe('tag:blogger.com,1999:blog-7815614485808579332.post-8394866751819460570');
  });

  test('Herald Sun: RSS 0.92 with no dates', async () => {
    const feed = await read('heraldsun.rss');
    expect([feed.format, feed.items.length]).toEqual(['rss', 2]);
    expect(feed.items.map((i) => [i.title, i.published])).toEqual([['The First Item', null], ['The Second Item', null]]);
  });

  test('origLink pairing is all or nothing: an item without one keeps its own link', () => {
    const xml = `<rss xmlns:fb="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>T</title>
      <item><link>http://proxy.example/1</link><fb:origLink>https://outlet.example/a?x=1&amp;y=2</fb:origLink></item>
      <item><link>http://proxy.example/2</link></item></channel></rss>`;
    expect(parseFeedDocument(xml, 'http://127.0.0.1/').items.map((i) => i.url)).toEqual(['https://outlet.example/a?x=1&y=2', 'http://proxy.example/2']);
  });
});

describe('dates written in other languages', () => {
  test.each([
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24'],
    ['Sáb, 01 Dez 2018 08:00:00 -0200', '2018-12-01'],
    ['Mi, 3. Okt 2018 10:00:00 +0200', '2018-10-03'],
    ['Mer, 12 Dic 2018 10:00:00 +0100', '2018-12-12'],
    ['Lun, 2 Ene 2017 10:00:00 +0100', '2017-01-02'],
    ['Mon, 02 Foo 2018 10:00:00 GMT', null],
  ])('%s → %s', (input, expected) => {
    expect(publishedDay(input)).toBe(expected);
  });
});
