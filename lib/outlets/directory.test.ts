import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DIRECTORY, LEANS, OutletIndex, outletIndex, outletNameFor } from './directory';
import { isWebUrl } from '../feeds/url';

const outlets = DIRECTORY.outlets;

describe('the outlet directory', () => {
  test('has at least 60 outlets from at least 8 countries, every one complete', () => {
    expect(outlets.length).toBeGreaterThanOrEqual(60);
    expect(new Set(outlets.map((o) => o.country)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(outlets.map((o) => o.kind))).toEqual(new Set(['wire', 'national', 'international', 'regional']));
    for (const o of outlets) {
      expect(o.name.trim(), o.id).not.toBe('');
      expect(o.country, o.id).toMatch(/^[A-Z]{2}$/);
      expect(o.language, o.id).toMatch(/^[a-z]{2}$/);
      expect(o.hosts.length, o.id).toBeGreaterThan(0);
      for (const h of o.hosts) expect(h, o.id).toMatch(/^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      for (const f of o.feeds) expect(isWebUrl(f.url), f.url).toBe(true);
      if (o.lean) expect(LEANS).toContain(o.lean.rating);
    }
    expect(new Set(outlets.map((o) => o.id)).size).toBe(outlets.length);
    const hosts = outlets.flatMap((o) => o.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(DIRECTORY.feedsKnownAsOf).toMatch(/^\d{4}-\d{2}$/);
    expect(DIRECTORY.leanSource.credit).toMatch(/AllSides.*October 2019/);
  });

  // Every lean is AllSides' own rating of that outlet, never one of ours.
  const ratings = '../shared/datasets/allsides-ratings/allsides_data.csv';
  test.skipIf(!existsSync(ratings))('every lean is the rating AllSides published for the outlet (needs ../shared)', () => {
    const rows = readFileSync(ratings, 'utf8').trim().split('\n').slice(1);
    const published = new Map(rows.map((row) => {
      const [name, rating] = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, ''));
      return [name!, rating!] as const;
    }));
    const ours = { left: 'left', 'left-center': 'lean-left', center: 'center', 'right-center': 'lean-right', right: 'right' } as Record<string, string>;
    const rated = outlets.filter((o) => o.lean);
    expect(rated.length).toBeGreaterThan(20);
    for (const o of rated) expect([o.id, ours[published.get(o.lean!.allsides) ?? '']]).toEqual([o.id, o.lean!.rating]);
  });
});

describe('OutletIndex', () => {
  const index = outletIndex();
  test('names an address by the longest host it is on', () => {
    expect(index.forUrl('https://tass.com/politics/1234')?.name).toBe('TASS');
    expect(index.forUrl('https://www.nbcnews.com/news/amp/ncna861966')?.name).toBe('NBC News');
    expect(index.forUrl('https://feeds.bbci.co.uk/x')).toBeNull();
    expect(index.forUrl('https://www.bbc.co.uk/news/world-1')?.name).toBe('BBC News');
    expect(index.forUrl('https://folha.uol.com.br/mundo/x.shtml')?.name).toBe('Folha de S.Paulo');
    expect(index.forUrl('https://noticias.uol.com.br/politica/x.htm')?.name).toBe('UOL Notícias');
    expect(index.forUrl('tass.com')?.name).toBe('TASS');
    expect(index.forUrl('https://notnytimes.com/x')).toBeNull();
    expect(index.forUrl('not a url')).toBeNull();
    expect(index.forUrl('http://127.0.0.1:8080/a')).toBeNull();
  });

  test('names a corpus outlet by its name, AllSides name or bare host', () => {
    expect(index.forName('The New York Times')?.id).toBe('nyt');
    expect(index.forName('new york times')?.id).toBe('nyt');
    expect(index.forName('NBCNews.com')?.id).toBe('nbc');
    expect(index.forName('Fox Online News')?.id).toBe('fox');
    expect(index.forName('tass.com')?.id).toBe('tass');
    expect(index.forName('Harbor Gazette')).toBeNull();
    expect(index.find(null, 'NBC News')?.id).toBe('nbc');
    expect(index.find('https://www.foxnews.com/politics/x', 'NBC News')?.id).toBe('fox');
  });

  test('outletNameFor prefers the directory, keeps a publisher\'s own name, never keeps a bare host it can name', () => {
    expect(outletNameFor('https://tass.com/world/1', 'tass.com')).toBe('TASS');
    expect(outletNameFor('https://tass.com/world/1', null)).toBe('TASS');
    expect(outletNameFor('http://127.0.0.1:9/a', 'Harbor Gazette')).toBe('Harbor Gazette');
    expect(outletNameFor(null, 'www.nytimes.com')).toBe('The New York Times');
    expect(outletNameFor(null, 'example.org')).toBe('example.org');
    expect(outletNameFor(undefined, '  ')).toBeNull();
    expect(outletNameFor('https://x.example/a', null, new OutletIndex([]))).toBeNull();
  });
});
