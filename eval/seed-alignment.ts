// Fact alignment on the seed event against the gold made by careful reading
// (tests/fixtures/seed-gold.json). Each of seeds 001-004 is analyzed as a user would see it: as a
// page, against the bundled corpus (all five seeds; the page finds itself and its versions and
// leaves them out). Figures, per pair of articles and overall, at each strictness setting:
//   precision: of the links shown (a page sentence → a sentence of another article), the share
//              the gold calls strong or weak;
//   recall:    of the (page sentence, other outlet) pairs with a strong gold link, the share where
//              the engine links the sentence to a strongly linked sentence of that outlet
//              ("lenient": to any sentence the gold links).
// Same-event coverage (001, 002, 003: in-page facts) and related coverage (004, a month later:
// AnalysisResult.related, plus any 004 link the engine shows among same-event facts) are
// measured apart. The seeds are in the repository, so this runs without ../shared.
//   npx tsx eval/seed-alignment.ts [--verbose]
import { readFileSync } from 'node:fs';
import { analyze } from '../lib/analyze.ts';
import { compileCorpus, loadCorpus, recordsFromManifest, serializeCorpus, type CorpusRecord } from '../lib/corpus/index.ts';
import { STRICTNESS_LEVELS, type Strictness } from '../lib/settings.ts';
import { figure, recordResults, type Figures } from './lib/results-file.ts';
import { bothWays, GoldIndex, loadSeedGold, scoreAlignment, segmentationDrift, shownLinks, type AlignmentScore, type ShownLink } from './lib/seed-gold.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';

// The sentence model (lib/meaning), read from models/ when first needed.
useModelFiles();

const verbose = process.argv.includes('--verbose');
const seedDir = new URL('../corpus/seeds/', import.meta.url);
const records: CorpusRecord[] = recordsFromManifest(JSON.parse(readFileSync(new URL('manifest.json', seedDir), 'utf8')), (file) =>
  readFileSync(new URL(file, seedDir), 'utf8'),
);
const gold = loadSeedGold();
const index = new GoldIndex(gold);
const keys = Object.keys(gold.articles).sort();
const recordOf = (key: string): CorpusRecord => {
  const record = records.find((r) => r.id === gold.articles[key]!.id);
  if (!record) throw new Error(`eval/seed-alignment: seed ${gold.articles[key]!.id} is not in corpus/seeds`);
  return record;
};

const drift = segmentationDrift(gold, Object.fromEntries(keys.map((k) => [k, recordOf(k).text])));
if (drift.length) {
  console.error(`eval/seed-alignment: the gold's sentences no longer match lib/text/segment.ts (re-read the changed sentences and update tests/fixtures/seed-gold.json):\n  ${drift.slice(0, 10).join('\n  ')}`);
  process.exit(1);
}

const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'seeds' })));
const sameEvent = keys.filter((k) => gold.articles[k]!.coverage === 'same-event');
const related = keys.filter((k) => gold.articles[k]!.coverage === 'related');
const strongLinks = gold.links.filter((l) => l.strength === 'strong').length;
const sentenceCount = keys.reduce((n, k) => n + gold.articles[k]!.sentences.length, 0);
const furnitureCount = keys.reduce((n, k) => n + gold.articles[k]!.sentences.filter((s) => gold.furnitureKinds.includes(s.kind)).length, 0);
console.log(
  `eval/seed-alignment: gold ${sentenceCount} sentences (${furnitureCount} furniture) in ${keys.length} seeds, ${gold.links.length} links (${strongLinks} strong, ${gold.links.length - strongLinks} weak); bundled corpus of ${records.length} seeds`,
);

const pct = (x: number | null) => (x === null ? '  n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
const row = (set: string, pair: string, s: AlignmentScore) =>
  `  ${set.padEnd(10)} ${pair.padEnd(9)} ${String(s.shown).padStart(5)} ${String(s.strong).padStart(6)} ${String(s.weak).padStart(4)} ${String(s.wrong.length).padStart(5)} ${String(s.furniture).padStart(5)}  ${pct(s.precision)}  ${String(s.found).padStart(5)}/${String(s.targets).padEnd(4)} ${pct(s.recall)}  ${pct(s.targets ? s.foundLenient / s.targets : null)}`;
const figures = (s: AlignmentScore): Figures => ({
  shown: s.shown,
  strong: s.strong,
  weak: s.weak,
  wrong: s.wrong.length,
  furniture: s.furniture,
  precision: s.precision === null ? null : figure(s.precision),
  targets: s.targets,
  found: s.found,
  recall: s.recall === null ? null : figure(s.recall),
  recallLenient: s.targets ? figure(s.foundLenient / s.targets) : null,
});
const text = (r: { article: string; sentence: number }) => gold.articles[r.article]!.sentences[r.sentence]!.text.replace(/\s+/g, ' ').slice(0, 90);

const results: Figures = {
  gold: { sentences: sentenceCount, furniture: furnitureCount, links: gold.links.length, strong: strongLinks, weak: gold.links.length - strongLinks },
};
for (const strictness of ['balanced', ...STRICTNESS_LEVELS.filter((s) => s !== 'balanced')] as Strictness[]) {
  const fromFacts: ShownLink[] = [];
  const fromRelated: ShownLink[] = [];
  let outside = 0;
  for (const key of keys) {
    const shown = shownLinks(index, key, analyze(recordOf(key), corpus, { strictness }));
    fromFacts.push(...shown.facts);
    fromRelated.push(...shown.related);
    outside += shown.outside;
  }
  console.log(`\nstrictness ${strictness}${strictness === 'balanced' ? ' (the default)' : ''}; links to articles outside the gold (not judged): ${outside}`);
  console.log('  set        pair      shown strong weak wrong furn.  precision  found/targets recall  lenient');
  const section: Figures = { outside };
  const measureSet = (name: string, label: string, links: ShownLink[], pairGroups: [string, [string, string][]][]) => {
    const all = pairGroups.flatMap(([, pairs]) => pairs);
    const overall = scoreAlignment(index, links, all);
    const perPair: Figures = {};
    for (const [pair, pairs] of pairGroups) {
      const s = scoreAlignment(index, links, pairs);
      perPair[pair] = figures(s);
      console.log(row(label, pair, s));
    }
    console.log(row(label, 'overall', overall));
    section[name] = { overall: figures(overall), pairs: perPair };
    if (verbose && strictness === 'balanced') {
      for (const w of overall.wrong) console.log(`    wrong ${w.from.article}:${w.from.sentence} → ${w.to.article}:${w.to.sentence}\n      ${text(w.from)}\n      ${text(w.to)}`);
      const shownTargets = new Set(links.filter((l) => index.strength(l.from, l.to) === 'strong').map((l) => `${l.from.article}:${l.from.sentence}>${l.to.article}`));
      for (const [page, other] of all) {
        for (const s of gold.articles[page]!.sentences) {
          const from = { article: page, sentence: s.index };
          if (index.hasStrongLink(from, other) && !shownTargets.has(`${page}:${s.index}>${other}`)) console.log(`    missed ${page}:${s.index} in ${other}: ${text(from)}`);
        }
      }
    }
    return overall;
  };
  const sameEventGroups = sameEvent.flatMap((a, i) => sameEvent.slice(i + 1).map((b) => [`${a}-${b}`, bothWays([a, b])] as [string, [string, string][]]));
  const sameScore = measureSet('sameEvent', 'same-event', fromFacts, sameEventGroups);
  // Related coverage: links shown between 004 and the others, wherever the engine put them.
  const relatedGroups = related.flatMap((r) => sameEvent.map((a) => [`${a}-${r}`, bothWays([a, r])] as [string, [string, string][]]));
  const relatedPairs = new Set(relatedGroups.flatMap(([, pairs]) => pairs.map(([p, o]) => `${p}>${o}`)));
  const inRelated = (l: ShownLink) => relatedPairs.has(`${l.from.article}>${l.to.article}`);
  measureSet('related', 'related', [...fromRelated, ...fromFacts.filter(inRelated)], relatedGroups);
  const asRelated = fromRelated.filter(inRelated).length;
  const asSameEvent = fromFacts.filter(inRelated).length;
  section.relatedShownAs = { related: asRelated, sameEventFacts: asSameEvent };
  console.log(`  related links shown as related coverage: ${asRelated}; among same-event facts: ${asSameEvent}`);
  if (strictness === 'balanced') {
    console.log(`  same-event target: precision >= 0.90, recall >= 0.75; now ${pct(sameScore.precision).trim()} / ${pct(sameScore.recall).trim()}`);
  }
  results[strictness] = section;
}
recordResults('seedAlignment', results);
