import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { NotAnArticleError, extractArticle } from './article-extraction';

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/fixtures/seed', name), 'utf8');

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

  test('names the outlet of a page from its address when the directory knows it', () => {
    const html = fixture('nbc-002.html').replace('content="NBC News"', 'content="nbcnews.com"');
    expect(extractArticle(html, 'https://www.nbcnews.com/news/amp/ncna861966').outlet).toBe('NBC News');
    expect(extractArticle(html, 'https://tass.com/world/1').outlet).toBe('TASS');
  });

  test.each([
    ['an empty page', '<html><body></body></html>'],
    ['a page of links', `<html><body>${'<a href="/x">link</a> '.repeat(50)}</body></html>`],
  ])('rejects %s as not an article', (_name, html) => {
    expect(() => extractArticle(html, 'http://127.0.0.1/')).toThrow(NotAnArticleError);
  });
});
