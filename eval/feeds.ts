// Article extraction for fetched feed items (lib/article/from-html: Readability on linkedom, the
// code the CLI and the extension's background run) on the 35 real saved news pages in
// ../shared/pages, against their expected metadata: is it an article (readerable), title,
// outlet (siteName), publication day; and how long extraction takes.
//   npx tsx eval/feeds.ts [--verbose]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publishedDay } from '../lib/article/dates';
import { extractArticle, NotAnArticleError } from '../lib/article/from-html';
import { figure, recordResults } from './lib/results-file.ts';

const PAGES = resolve(process.cwd(), '..', 'shared', 'pages');
if (!existsSync(PAGES)) {
  console.log('eval/feeds: ../shared/pages not found, skipping the extraction evaluation.');
  recordResults('feeds', { skipped: '../shared/pages not found' });
  process.exit(0);
}
const verbose = process.argv.includes('--verbose');

interface Expected {
  title: string | null;
  siteName: string | null;
  publishedTime: string | null;
  readerable: boolean;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const counts = { pages: 0, readerable: 0, detected: 0, missed: 0, falseArticles: 0, title: 0, siteNameExpected: 0, siteName: 0, dayExpected: 0, day: 0 };
const times: number[] = [];
const lengths: number[] = [];

for (const name of readdirSync(PAGES).sort()) {
  const dir = join(PAGES, name);
  if (!existsSync(join(dir, 'source.html'))) continue;
  const expected = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as Expected;
  const html = readFileSync(join(dir, 'source.html'), 'utf8');
  counts.pages += 1;
  if (expected.readerable) counts.readerable += 1;
  const started = performance.now();
  let article: ReturnType<typeof extractArticle> | null = null;
  let reason = '';
  try {
    article = extractArticle(html);
  } catch (error) {
    if (!(error instanceof NotAnArticleError)) throw error;
    reason = error.message;
  }
  times.push(performance.now() - started);
  if (!article) {
    if (expected.readerable) counts.missed += 1;
    if (verbose) console.log(`${name}: not an article (${reason}); expected readerable=${expected.readerable}`);
    continue;
  }
  if (!expected.readerable) counts.falseArticles += 1;
  else counts.detected += 1;
  lengths.push(article.text.length);
  const titleOk = clean(article.title) === clean(expected.title);
  if (expected.readerable && titleOk) counts.title += 1;
  if (expected.siteName) {
    counts.siteNameExpected += 1;
    if (clean(article.siteName) === clean(expected.siteName)) counts.siteName += 1;
  }
  const day = publishedDay(expected.publishedTime);
  if (day) {
    counts.dayExpected += 1;
    if (article.published === day) counts.day += 1;
  }
  if (verbose) console.log(`${name}: ${article.text.length} chars, title ${titleOk ? 'ok' : `"${article.title}" ≠ "${expected.title}"`}, site ${article.siteName ?? '-'}, day ${article.published ?? '-'} (expected ${day ?? '-'})`);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};
const share = (n: number, of: number) => `${n}/${of} (${of ? ((100 * n) / of).toFixed(1) : '0.0'}%)`;
console.log('eval/feeds: article extraction for feed items on ../shared/pages');
console.log(`  pages ${counts.pages}, readerable by the expected metadata ${counts.readerable}`);
console.log(`  articles found ${share(counts.detected, counts.readerable)}; missed ${counts.missed}; non-articles taken as articles ${counts.falseArticles}`);
console.log(`  title exact ${share(counts.title, counts.detected)}`);
console.log(`  outlet (siteName) exact ${share(counts.siteName, counts.siteNameExpected)} of pages that declare one`);
console.log(`  publication day ${share(counts.day, counts.dayExpected)} of pages that declare one`);
console.log(`  text length median ${median(lengths)} chars; extraction median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
// Every figure above but the timings (they vary with the machine's load).
const ratio = (n: number, of: number) => (of ? figure(n / of) : null);
recordResults('feeds', {
  pages: counts.pages,
  readerable: counts.readerable,
  articlesFound: counts.detected,
  articlesFoundShare: ratio(counts.detected, counts.readerable),
  missed: counts.missed,
  nonArticlesTakenAsArticles: counts.falseArticles,
  titleExact: counts.title,
  titleExactShare: ratio(counts.title, counts.detected),
  siteNameExact: counts.siteName,
  siteNameDeclared: counts.siteNameExpected,
  siteNameExactShare: ratio(counts.siteName, counts.siteNameExpected),
  publicationDay: counts.day,
  publicationDayDeclared: counts.dayExpected,
  publicationDayShare: ratio(counts.day, counts.dayExpected),
  textLengthMedianChars: median(lengths),
});
