#!/usr/bin/env node
// Writes the demo/fixture pages of the seed story: an NYT-like page for 001, an NBC-like page
// for 002 and an unrelated article, each with navigation, ads and comments around the article
// so extraction has real page furniture to skip. Run: node scripts/make-seed-pages.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'tests/fixtures/seed');
mkdirSync(out, { recursive: true });

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const seed = (name) => readFileSync(join(root, 'corpus/seeds', name), 'utf8');
// Wrap a few names in links/emphasis so the article text is split across inline elements.
const inline = (p) =>
  escape(p)
    .replace('Yuri Ushakov', '<a href="/topic/ushakov">Yuri <em>Ushakov</em></a>')
    .replace('Dmitri S. Peskov', '<span class="name">Dmitri S.</span> <span class="name">Peskov</span>')
    .replace('Sarah Huckabee Sanders', '<a href="/people/sanders"><strong>Sarah Huckabee Sanders</strong></a>');

function page({ title, site, byline, date, paragraphs, lang = 'en' }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escape(title)} - ${escape(site)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="${escape(site)}">
<meta property="og:title" content="${escape(title)}">
<meta name="author" content="${escape(byline)}">
<meta property="article:published_time" content="${date}">
<style>
 body { font: 18px/1.6 Georgia, serif; margin: 0; color: #111; background: #fff; }
 header.site { display: flex; gap: 1.5em; padding: .8em 2em; border-bottom: 1px solid #ddd; font-family: sans-serif; font-size: 14px; }
 header.site strong { font-size: 20px; margin-right: 2em; }
 main { display: grid; grid-template-columns: minmax(0, 680px) 260px; gap: 3em; padding: 2em; justify-content: center; }
 article h1 { font-size: 34px; line-height: 1.2; }
 .byline { font-family: sans-serif; color: #555; font-size: 14px; }
 aside .ad { background: #f3f3f3; border: 1px dashed #bbb; padding: 1em; font-family: sans-serif; font-size: 13px; margin-bottom: 1em; }
 section.comments { border-top: 1px solid #ddd; margin-top: 2em; font-family: sans-serif; font-size: 14px; }
 footer { padding: 2em; font-family: sans-serif; font-size: 12px; color: #777; border-top: 1px solid #ddd; }
</style>
</head>
<body>
<header class="site"><strong>${escape(site)}</strong><nav><a href="/world">World</a> · <a href="/politics">Politics</a> · <a href="/business">Business</a> · <a href="/opinion">Opinion</a></nav></header>
<main>
<article>
<h1>${escape(title)}</h1>
<p class="byline">By ${escape(byline)} · <time datetime="${date}">${date}</time></p>
${paragraphs.map((p) => `<p>${inline(p)}</p>`).join('\n')}
</article>
<aside>
<div class="ad">Advertisement — Subscribe for unlimited access to award-winning journalism.</div>
<div class="ad">Most read: Five recipes for a quick weeknight dinner</div>
</aside>
</main>
<section class="comments"><h2>Comments</h2><p>reader42: Interesting times.</p><p>jdoe: Who knows what will happen next.</p></section>
<footer>© ${escape(site)}. All rights reserved. <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></footer>
</body>
</html>
`;
}

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

writeFileSync(
  join(out, 'nyt-001.html'),
  page({
    title: 'Russia Sends Hasty R.S.V.P. to Trump’s Invitation',
    site: 'The New York Times',
    byline: 'Andrew Higgins and Peter Baker',
    date: '2018-04-02',
    paragraphs: lines(seed('001_4938277a76e1a9f3.txt')),
  }),
);

// 002 starts with headline, standfirst, a photo caption and a share label before the body.
const nbc = lines(seed('002_61e61ccaf47142ac.txt'));
writeFileSync(
  join(out, 'nbc-002.html'),
  page({
    title: nbc[0],
    site: 'NBC News',
    byline: 'NBC News staff',
    date: '2018-04-02',
    paragraphs: nbc.slice(4),
  }),
);

writeFileSync(
  join(out, 'unrelated.html'),
  page({
    title: 'City council approves new bike lanes along the river',
    site: 'The Riverside Gazette',
    byline: 'Maria Lopez',
    date: '2024-05-14',
    paragraphs: [
      'The city council voted 7 to 2 on Tuesday night to approve a network of protected bike lanes along the east bank of the river, ending a debate that had stretched over three years.',
      'Supporters said the lanes would make cycling safer for commuters and schoolchildren, pointing to a rise in collisions at the Harbor Street bridge since 2019.',
      'Opponents, including several shop owners on Market Street, argued that removing parking spaces would hurt business during the construction period.',
      'Construction is expected to begin in September and cost about $4.2 million, most of it covered by a state transportation grant, according to the city’s planning department.',
      'Council member Diane Okafor, who sponsored the measure, said the vote showed the city was ready to plan for the next fifty years rather than the last fifty.',
      'The planning department will hold public meetings in June to present the final designs and gather comments from residents who live along the route.',
    ],
  }),
);
console.log(`wrote ${out}/{nyt-001,nbc-002,unrelated}.html`);
