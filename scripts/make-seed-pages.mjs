#!/usr/bin/env node
// Writes the demo/fixture pages of the seed story: an NYT-like page for 001, an NBC-like page
// for 002, a New Yorker-like page for 004 and an unrelated article, each with navigation, ads and
// comments around the article so extraction has real page furniture to skip. A seed page's
// outlet, date and (where the manifest has one) title come from corpus/seeds/manifest.json, so
// the pages cannot drift from the corpus they are compared with. Run: node scripts/make-seed-pages.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'tests/fixtures/seed');
mkdirSync(out, { recursive: true });

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const seed = (name) => readFileSync(join(root, 'corpus/seeds', name), 'utf8');
const manifest = JSON.parse(seed('manifest.json'));
/** The manifest's entry for a seed file. */
const described = (file) => {
  const doc = manifest.documents.find((d) => d.file === file);
  if (!doc?.outlet || !doc.published) throw new Error(`corpus/seeds/manifest.json: no outlet or date for ${file}`);
  return doc;
};
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

/** A seed's page: outlet, date and title as the manifest has them, the byline its authors unless given. */
function seedPage(file, { title, byline, paragraphs }) {
  const doc = described(file);
  return page({ title: doc.title ?? title, site: doc.outlet, byline: byline ?? doc.authors.join(' and '), date: doc.published, paragraphs });
}

const nyt001 = '001_4938277a76e1a9f3.txt';
writeFileSync(
  join(out, 'nyt-001.html'),
  // The manifest has no title for 001: the print headline its web page names (000's notes).
  seedPage(nyt001, { title: 'Russia Sends Hasty R.S.V.P. to Trump’s Invitation', paragraphs: lines(seed(nyt001)) }),
);

// 002 starts with headline, standfirst, a photo caption and a share label before the body.
const nbc = lines(seed('002_61e61ccaf47142ac.txt'));
writeFileSync(join(out, 'nbc-002.html'), seedPage('002_61e61ccaf47142ac.txt', { byline: 'NBC News staff', paragraphs: nbc.slice(4) }));

// 004 starts with its headline; the first-run end-to-end test follows it through a feed.
const newYorker = lines(seed('004_0528f1ea5f2947bd.txt'));
writeFileSync(join(out, 'newyorker-004.html'), seedPage('004_0528f1ea5f2947bd.txt', { byline: 'The New Yorker', paragraphs: newYorker.slice(1) }));

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
console.log(`wrote ${out}/{nyt-001,nbc-002,newyorker-004,unrelated}.html`);

// Hostile and broken pages: Parallax must end them in no-article or error (or finish normally
// where the page only misbehaves around a real article), never hang or damage the page. Large
// content is generated by the page's own script so the fixtures stay small.
const hostile = join(root, 'tests/fixtures/hostile');
mkdirSync(hostile, { recursive: true });
const nyt = lines(seed('001_4938277a76e1a9f3.txt'));
const shell = (title, body, head = '') => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title>${head}</head>
<body>
${body}
</body>
</html>
`;
const hostilePages = {
  // About 6 million characters (450 paragraphs of 13,000) of article-like text: too large to analyze, must stop quickly.
  'huge-text.html': shell(
    'Huge text',
    `<article id="a"><h1>An endless story</h1></article>
<script>
const sentence = ${JSON.stringify(nyt[1])} + ' ';
const p = sentence.repeat(40);
const a = document.getElementById('a');
const html = [];
for (let i = 0; i < 450; i++) html.push('<p>' + p + '</p>');
a.insertAdjacentHTML('beforeend', html.join(''));
</script>`,
  ),
  // 100,000 elements: more than any real article page; stops at the gate.
  'element-bomb.html': shell(
    'Element bomb',
    `<article id="a"><h1>Many elements</h1>${nyt.slice(0, 4).map((p) => `<p>${escape(p)}</p>`).join('')}</article><div id="bomb"></div>
<script>
const bomb = document.getElementById('bomb');
const html = [];
for (let i = 0; i < 100000; i++) html.push('<span>x</span>');
bomb.innerHTML = html.join('');
</script>`,
  ),
  // Markup nested 1,000 levels deep around the article (Chromium's own renderer crashes at 5,000).
  'deep-nesting.html': shell(
    'Deep nesting',
    `<div id="root"></div>
<script>
let node = document.getElementById('root');
for (let i = 0; i < 1000; i++) { const d = document.createElement('div'); node.appendChild(d); node = d; }
const paragraphs = ${JSON.stringify(nyt.slice(0, 6))};
for (const text of paragraphs) { const p = document.createElement('p'); p.textContent = text; node.appendChild(p); }
</script>`,
  ),
  // An application page: a form and a list of links, no article.
  'no-article.html': shell(
    'Sign in',
    `<header><nav>${['Home', 'Products', 'Pricing', 'Docs', 'Blog'].map((l) => `<a href="/${l.toLowerCase()}">${l}</a>`).join(' ')}</nav></header>
<main><form><label>Email <input type="email"></label><label>Password <input type="password"></label><button>Sign in</button></form>
<ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/item/${i}">Item ${i}</a></li>`).join('')}</ul></main>`,
  ),
  // A frameset: no body of its own, the article lives in a frame (content scripts run in the top frame only).
  'frames.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Frames</title></head>
<frameset cols="50%,50%"><frame src="/seed/nyt-001.html"><frame src="/seed/unrelated.html"></frameset>
</html>
`,
  // A page whose scripts replace Range, CSS, Highlight and DOM methods before Parallax runs.
  'override-range.html': shell(
    'Overrides',
    `<article><h1>${escape('Russia Sends Hasty R.S.V.P. to Trump’s Invitation')}</h1>${nyt.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article>
<script>
window.Range = function () { throw new Error('page: no Range for you'); };
document.createRange = function () { throw new Error('page: no createRange'); };
window.CSS = { highlights: { set() { throw new Error('page: no highlights'); }, delete() {}, has() { return false; } } };
window.Highlight = function () { throw new Error('page: no Highlight'); };
Node.prototype.contains = function () { throw new Error('page: no contains'); };
window.MutationObserver = function () { throw new Error('page: no MutationObserver'); };
</script>`,
  ),
};
for (const [name, html] of Object.entries(hostilePages)) writeFileSync(join(hostile, name), html);
console.log(`wrote ${hostile}/{${Object.keys(hostilePages).join(',')}}`);

// Pages that change after load: an article body that arrives late (with a ticking clock outside
// it that must not cause re-runs), and a single-page app that swaps articles with pushState.
const dynamic = join(root, 'tests/fixtures/dynamic');
mkdirSync(dynamic, { recursive: true });
const unrelatedParagraphs = [
  'The city council voted 7 to 2 on Tuesday night to approve a network of protected bike lanes along the east bank of the river, ending a debate that had stretched over three years.',
  'Supporters said the lanes would make cycling safer for commuters and schoolchildren, pointing to a rise in collisions at the Harbor Street bridge since 2019.',
  'Opponents, including several shop owners on Market Street, argued that removing parking spaces would hurt business during the construction period.',
  'Construction is expected to begin in September and cost about $4.2 million, most of it covered by a state transportation grant, according to the city’s planning department.',
];
const dynamicPages = {
  'late-article.html': shell(
    'Russia Sends Hasty R.S.V.P. to Trump’s Invitation',
    `<header><strong>The Daily</strong> <span id="clock">00:00:00</span></header>
<main id="main"><p>Loading…</p></main>
<script>
let ticks = 0;
setInterval(() => { document.getElementById('clock').textContent = new Date(ticks++ * 1000).toISOString().slice(11, 19); }, 200);
const paragraphs = ${JSON.stringify(nyt)};
setTimeout(() => {
  const article = document.createElement('article');
  article.innerHTML = '<h1>Russia Sends Hasty R.S.V.P. to Trump’s Invitation</h1>' + paragraphs.map((p) => '<p>' + p.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</p>').join('');
  document.getElementById('main').replaceChildren(article);
}, 1200);
</script>`,
  ),
  'spa.html': shell(
    'City council approves new bike lanes',
    `<header><nav><a href="#" id="to-nyt">World</a></nav></header>
<main><article id="story"><h1>City council approves new bike lanes along the river</h1>${unrelatedParagraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</article></main>
<script>
const nyt = ${JSON.stringify(nyt)};
window.showStory = () => {
  history.pushState({}, '', '?story=nyt-001');
  document.title = 'Russia Sends Hasty R.S.V.P. to Trump’s Invitation';
  document.getElementById('story').innerHTML = '<h1>Russia Sends Hasty R.S.V.P. to Trump’s Invitation</h1><p class="byline">By Andrew Higgins and Peter Baker · <time datetime="${described(nyt001).published}">${described(nyt001).published}</time></p>' + nyt.map((p) => '<p>' + p.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</p>').join('');
};
document.getElementById('to-nyt').addEventListener('click', (e) => { e.preventDefault(); window.showStory(); });
</script>`,
  ),
};
for (const [name, html] of Object.entries(dynamicPages)) writeFileSync(join(dynamic, name), html);
console.log(`wrote ${dynamic}/{${Object.keys(dynamicPages).join(',')}}`);
