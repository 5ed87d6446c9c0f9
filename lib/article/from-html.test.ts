import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle, joinParagraphs, NotAnArticleError, paragraphsOf, withoutByline } from './from-html';

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

  test('a document with more elements than Readability parses is not an article', () => {
    const html = `<html><body><article>${'<p>x</p>'.repeat(70_000)}</article></body></html>`;
    expect(() => extractArticle(html, { requireReaderable: false })).toThrow(/more than 60,000 elements/);
  });

  test('the byline line at the top is left out', () => {
    const body = `<p>${'Officials said the bridge would stay closed while engineers examine the girders, and drivers should use the tunnel. '.repeat(3)}</p>`.repeat(4);
    const html = `<html><head><meta name="author" content="Maria Lopez"></head><body><article><h1>Bridge</h1><p>By Maria Lopez</p>${body}</article></body></html>`;
    const article = extractArticle(html);
    expect(article.byline).toBe('Maria Lopez');
    expect(article.text).not.toContain('By Maria Lopez');
    expect(article.text).toContain('Officials said the bridge');
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

describe('paragraphsOf', () => {
  test.each([
    ['inline elements join into one paragraph', '<div><p>Yuri <a href="#">Yuri <em>Ushakov</em></a>, said.</p></div>', ['Yuri Yuri Ushakov, said.']],
    ['blocks split paragraphs', '<div><p>One.</p><p>Two.</p>Three.</div>', ['One.', 'Two.', 'Three.']],
    ['br reads as a space', '<p>Line one<br>line two</p>', ['Line one line two']],
    ['scripts and styles are skipped', '<p>Text<script>var x</script><style>p{}</style> more</p>', ['Text more']],
    ['captions and buttons are no article text', '<p>Before.</p><figure><img><figcaption>Putin and Trump in Danang. AFP</figcaption></figure><p>After <button>Share</button>it.</p>', ['Before.', 'After it.']],
    ['whitespace collapses and soft hyphens go', '<p>  a\n\n b\u00adc&nbsp; d </p>', ['a bc d']],
  ])('%s', (_name, html, expected) => {
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    expect(paragraphsOf(document.body as unknown as Parameters<typeof paragraphsOf>[0])).toEqual(expected);
  });

  test('deep nesting does not overflow the stack', () => {
    const depth = 20_000;
    const { document } = parseHTML('<html><body></body></html>');
    let parent = document.body;
    for (let i = 0; i < depth; i++) {
      const child = document.createElement('span');
      parent.appendChild(child);
      parent = child;
    }
    parent.textContent = 'deep';
    expect(paragraphsOf(document.body as unknown as Parameters<typeof paragraphsOf>[0])).toEqual(['deep']);
  });
});

describe('withoutByline', () => {
  const body = 'MOSCOW — Russia sought to move beyond last week’s diplomatic confrontation with the West on Monday.';
  test.each([
    ['the byline Readability names', ['By Andrew Higgins and Peter Baker · 2018-04-02', body], 'Andrew Higgins and Peter Baker', [body]],
    ['a "By …" line without metadata', ['By Maria Lopez', body], null, [body]],
    ['a long paragraph that mentions the author', [`${body} Andrew Higgins reported from Moscow, where the Kremlin said little.`], 'Andrew Higgins', [`${body} Andrew Higgins reported from Moscow, where the Kremlin said little.`]],
    ['a byline-like line deep in the article', [body, body, body, 'By the way, nothing.'], null, [body, body, body, 'By the way, nothing.']],
    ['a sentence starting with "by" in lower case', ['by then it was late.', body], null, ['by then it was late.', body]],
  ])('%s', (_name, paragraphs, byline, expected) => {
    expect(withoutByline(paragraphs, byline)).toEqual(expected);
  });
});

describe('joinParagraphs', () => {
  test('spans point at each paragraph', () => {
    const article = joinParagraphs(['First.', 'Second one.']);
    expect(article.text).toBe('First.\n\nSecond one.');
    expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual(['First.', 'Second one.']);
  });
});
