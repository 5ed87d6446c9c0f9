import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { NotAnArticleError, articleFromParagraphs, extractArticle, paragraphsOf } from './article-extraction';

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/fixtures/seed', name), 'utf8');

describe('paragraphsOf', () => {
  test.each([
    ['inline elements join into one paragraph', '<div><p>Yuri <a href="#">Yuri <em>Ushakov</em></a>, said.</p></div>', ['Yuri Yuri Ushakov, said.']],
    ['blocks split paragraphs', '<div><p>One.</p><p>Two.</p>Three.</div>', ['One.', 'Two.', 'Three.']],
    ['br reads as a space', '<p>Line one<br>line two</p>', ['Line one line two']],
    ['scripts and styles are skipped', '<p>Text<script>var x</script><style>p{}</style> more</p>', ['Text more']],
    ['whitespace collapses and soft hyphens go', '<p>  a\n\n b\u00adc&nbsp; d </p>', ['a bc d']],
  ])('%s', (_name, html, expected) => {
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    expect(paragraphsOf(document.body as unknown as Element)).toEqual(expected);
  });

  test('deep nesting does not overflow the stack', () => {
    const depth = 20_000;
    const { document } = parseHTML('<html><body></body></html>');
    let parent: Element = document.body as unknown as Element;
    for (let i = 0; i < depth; i++) {
      const child = document.createElement('span') as unknown as Element;
      parent.appendChild(child);
      parent = child;
    }
    parent.textContent = 'deep';
    expect(paragraphsOf(document.body as unknown as Element)).toEqual(['deep']);
  });
});

describe('articleFromParagraphs', () => {
  test('spans point at each paragraph', () => {
    const article = articleFromParagraphs('T', ['First.', 'Second one.']);
    expect(article.text).toBe('First.\n\nSecond one.');
    expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual(['First.', 'Second one.']);
  });
});

describe('extractArticle', () => {
  test('keeps the NYT-like article body and drops navigation, ads and comments', () => {
    const article = extractArticle(fixture('nyt-001.html'), 'http://127.0.0.1/seed/nyt-001.html');
    expect(article.title).toContain('Russia Sends Hasty R.S.V.P.');
    expect(article.text).toContain('The Kremlin foreign policy adviser, Yuri Ushakov, said in Moscow');
    expect(article.text).toContain('Dmitri S. Peskov');
    expect(article.text).not.toContain('Advertisement');
    expect(article.text).not.toContain('reader42');
    expect(article.paragraphs.length).toBeGreaterThan(8);
  });

  test.each([
    ['an empty page', '<html><body></body></html>'],
    ['a page of links', `<html><body>${'<a href="/x">link</a> '.repeat(50)}</body></html>`],
  ])('rejects %s as not an article', (_name, html) => {
    expect(() => extractArticle(html, 'http://127.0.0.1/')).toThrow(NotAnArticleError);
  });
});
