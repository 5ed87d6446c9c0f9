// The fixture pages are the script's output, not hand edits: run it in a scratch copy of the
// repository's layout and compare every file it writes with the one the tests serve. A seed
// page's date is the manifest's, so the pages and the corpus they are compared with agree.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = join(__dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'parallax-seed-pages-'));
cpSync(join(root, 'scripts/make-seed-pages.mjs'), join(scratch, 'scripts/make-seed-pages.mjs'));
cpSync(join(root, 'corpus/seeds'), join(scratch, 'corpus/seeds'), { recursive: true });
execFileSync(process.execPath, [join(scratch, 'scripts/make-seed-pages.mjs')], { stdio: 'ignore' });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const written = ['seed', 'hostile', 'dynamic'].flatMap((dir) => readdirSync(join(scratch, 'tests/fixtures', dir)).map((name) => `${dir}/${name}`));
const manifest = JSON.parse(readFileSync(join(root, 'corpus/seeds/manifest.json'), 'utf8')) as { documents: { file: string; published: string }[] };
const publishedOf = (file: string) => manifest.documents.find((d) => d.file === file)!.published;

describe('scripts/make-seed-pages.mjs', () => {
  test('writes the seed, hostile and dynamic pages', () => {
    expect(written).toEqual(expect.arrayContaining(['seed/nyt-001.html', 'seed/nbc-002.html', 'seed/newyorker-004.html', 'seed/unrelated.html', 'dynamic/spa.html']));
  });

  test.each(written)('tests/fixtures/%s is what the script writes', (file) => {
    expect(readFileSync(join(root, 'tests/fixtures', file), 'utf8')).toBe(readFileSync(join(scratch, 'tests/fixtures', file), 'utf8'));
  });

  test.each([
    ['seed/nyt-001.html', '001_4938277a76e1a9f3.txt', '2018-04-02'],
    ['seed/nbc-002.html', '002_61e61ccaf47142ac.txt', '2018-04-02'],
    // The follow-up, published a month after the event.
    ['seed/newyorker-004.html', '004_0528f1ea5f2947bd.txt', '2018-05-04'],
  ])('%s carries the date of %s in the manifest, %s', (page, seed, date) => {
    const html = readFileSync(join(root, 'tests/fixtures', page), 'utf8');
    expect(/<meta property="article:published_time" content="([^"]+)">/.exec(html)?.[1]).toBe(date);
    expect(publishedOf(seed)).toBe(date);
  });
});
