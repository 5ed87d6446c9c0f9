import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '@/lib/analyze';
import { compileCorpus, loadCorpus, recordsFromManifest, serializeCorpus } from '@/lib/corpus';
import { analyzeArticle, extractPage, textHash } from './page-analysis';

const root = join(__dirname, '../..');
const seeds = join(root, 'corpus/seeds');
const corpus = loadCorpus(
  serializeCorpus(compileCorpus(recordsFromManifest(JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8')), (f) => readFileSync(join(seeds, f), 'utf8')))),
);
const page = (name: string) => readFileSync(join(root, 'tests/fixtures', name), 'utf8');

describe('a page through extraction and the real engine (seed corpus)', () => {
  test.each([
    ['seed/nyt-001.html', 'ready'],
    ['seed/nbc-002.html', 'ready'],
    ['seed/unrelated.html', 'no-coverage'],
  ])('%s ends %s', async (file, state) => {
    const url = `http://127.0.0.1/${file}`;
    const extraction = extractPage(page(file), url);
    expect(extraction.ok).toBe(true);
    if (!extraction.ok) return;
    const analysis = await analyzeArticle(extraction.article, url, corpus, analyze);
    expect(analysis.state).toBe(state);
    if (analysis.state !== 'ready' && analysis.state !== 'no-coverage') return;
    // Sentences are offsets into the extracted text the content script anchors.
    for (const s of analysis.result.sentences) expect(analysis.article.text.slice(s.start, s.end)).toBe(s.text);
  });

  test('the follow-up 004 read alone: no same-event coverage, 001-003 as earlier related coverage', async () => {
    const url = 'http://127.0.0.1/seed/newyorker-004.html';
    const extraction = extractPage(page('seed/newyorker-004.html'), url);
    if (!extraction.ok) throw new Error('the 004 page was not extracted');
    // The page's own date, as The New Yorker published it: a month after the event.
    expect(extraction.article.published).toBe('2018-05-04');
    const analysis = await analyzeArticle(extraction.article, url, corpus, analyze);
    expect(analysis.state).toBe('no-coverage');
    if (analysis.state !== 'no-coverage') return;
    expect(analysis.result.facts).toEqual([]);
    expect(analysis.result.related.map((r) => [r.outlet, r.daysApart])).toContainEqual(['NBC News', -32]);
    for (const r of analysis.result.related) expect(r.daysApart).toBe(-32);
  });

  test.each([
    ['hostile/no-article.html', 'no-article'],
    ['hostile/frames.html', 'no-article'],
  ])('%s ends %s', async (file, state) => {
    const extraction = extractPage(page(file), 'http://127.0.0.1/');
    expect(extraction.ok ? 'extracted' : extraction.analysis.state).toBe(state);
  });
});

describe('textHash', () => {
  test.each([
    ['same text, same hash', 'abc', 'abc', true],
    ['one character differs', 'abc', 'abd', false],
    ['length differs', 'abc', 'abcabc', false],
  ])('%s', (_name, a, b, same) => {
    expect(textHash(a) === textHash(b)).toBe(same);
  });
});
