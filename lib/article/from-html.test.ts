import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractArticle, NotAnArticleError } from './from-html';

const PAGES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'feeds', 'pages');
const page = (path: string) => readFileSync(resolve(PAGES, path), 'utf8').replace('{{iso:1}}', '2025-06-02T09:30:00Z');

describe('extractArticle', () => {
  test('keeps the article body as paragraphs, with title, byline, outlet and day from the metadata', () => {
    const article = extractArticle(page('gazette/bridge-closed.html'));
    expect(article.title).toBe('Harbor Bridge closed indefinitely after inspectors find cracks in main girder');
    expect(article.siteName).toBe('Harbor Gazette');
    expect(article.published).toBe('2025-06-02');
    expect(article.lang).toBe('en');
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^PORT ALDER — The Harbor Bridge, which carries about 41,000 vehicles/);
    expect(paragraphs.at(-1)).toMatch(/speed up the replacement project\.$/);
    expect(article.text).not.toMatch(/All rights reserved|More from Harbor Gazette|Obituaries|Privacy/);
  });

  test('never runs the page script', () => {
    const html = page('gazette/bridge-closed.html').replace('<script>', '<script>globalThis.parallaxPageScriptRan = true;');
    extractArticle(html);
    expect((globalThis as { parallaxPageScriptRan?: boolean }).parallaxPageScriptRan).toBeUndefined();
  });

  test('a section front of headlines is not an article', () => {
    expect(() => extractArticle(page('gazette/sections.html'))).toThrow(NotAnArticleError);
  });

  test.each([
    ['an empty document', ''],
    ['a teaser', '<html><body><article><h1>Brief</h1><p>The bridge is closed, officials said on Tuesday evening after an inspection, and more will follow later tonight in a full report.</p></article></body></html>'],
    ['a login wall', '<html><body><form><label>Email <input></label><button>Sign in</button></form><p>Subscribe to keep reading.</p></body></html>'],
  ])('%s is not an article', (_, html) => {
    expect(() => extractArticle(html)).toThrow(NotAnArticleError);
  });

  test('the date falls back to JSON-LD or a time element', () => {
    const body = `<p>${'Officials said the bridge would stay closed while engineers examine the girders, and drivers should use the tunnel. '.repeat(3)}</p>`.repeat(4);
    const withTime = `<html><body><article><h1>Bridge</h1><time datetime="2025-05-30T08:00:00+02:00">May 30</time>${body}</article></body></html>`;
    expect(extractArticle(withTime).published).toBe('2025-05-30');
    const withJsonLd = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge","datePublished":"2025-05-29T10:00:00Z","publisher":{"@type":"Organization","name":"Bay Daily"}}</script></head><body><article><h1>Bridge</h1>${body}</article></body></html>`;
    const fromJsonLd = extractArticle(withJsonLd);
    expect(fromJsonLd.published).toBe('2025-05-29');
    expect(fromJsonLd.siteName).toBe('Bay Daily');
  });
});
