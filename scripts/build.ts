// npm run build: the bundled corpus, then both extension builds and their zips.
// PARALLAX_CORPUS=a.jsonl,b.jsonl bundles another corpus instead of the seeds.
import { existsSync } from 'node:fs';
import { bin, mustRun } from './run';
const bundler = new URL('./bundle-corpus.ts', import.meta.url).pathname;

if (existsSync(bundler)) await mustRun('bundling the corpus', bin('tsx'), [bundler]);
else console.warn('scripts/bundle-corpus.ts not found: building without a bundled corpus');
await mustRun('chrome build', bin('wxt'), ['zip', '-b', 'chrome']);
await mustRun('firefox build', bin('wxt'), ['zip', '-b', 'firefox', '--mv3']);
console.log('\nBuilt .output/chrome-mv3 and .output/firefox-mv3 (zips in .output/).');
