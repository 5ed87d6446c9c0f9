import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { NotAnArticleError, articleFromParagraphs, extractArticle, paragraphsOf, withoutByline } from './article-extraction';

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
    expect(article.text.startsWith('MOSCOW —')).toBe(true);
    expect(article.published).toBe('2018-04-02');
    expect(article.outlet).toBe('The New York Times');
  });

  test.each([
    ['an empty page', '<html><body></body></html>'],
    ['a page of links', `<html><body>${'<a href="/x">link</a> '.repeat(50)}</body></html>`],
  ])('rejects %s as not an article', (_name, html) => {
    expect(() => extractArticle(html, 'http://127.0.0.1/')).toThrow(NotAnArticleError);
  });
});
