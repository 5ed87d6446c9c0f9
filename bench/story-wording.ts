// How often a sentence recurs verbatim across unrelated articles: the real sets in ../shared
// (BASIL, ECB+: several outlets per event, no sentence shared across events) beside the growth
// benchmark's synthetic feed days (bench/lib/synthetic.ts: some 430 stories a day cut from about
// 300 real articles, so each real sentence comes back in many stories). Counts sentences of ten
// words or more (the verbatim runs fact alignment's reuse search looks for).
//
//   npx tsx bench/story-wording.ts [DAYS]   (7 days: 10,500 articles)
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { segmentSentences } from '../lib/text/segment.ts';
import { foldedWords } from '../lib/text/normalize.ts';
import { FIRST_DAY, followedOutlets, isoDay } from './lib/growth-sim.ts';
import { loadSentenceSources, syntheticFeedDay } from './lib/synthetic.ts';

interface Article {
  story: string;
  text: string;
}

const MIN_WORDS = 10;
const repoRoot = fileURLToPath(new URL('../', import.meta.url));

function sentenceKeys(text: string): string[] {
  return segmentSentences(text)
    .map((s) => foldedWords(s.text))
    .filter((w) => w.length >= MIN_WORDS)
    .map((w) => w.join(' '));
}

function report(name: string, articles: Article[], sampled = articles.length): void {
  const holders = new Map<string, Set<number>>();
  articles.forEach((a, i) => {
    for (const key of sentenceKeys(a.text)) {
      let set = holders.get(key);
      if (!set) holders.set(key, (set = new Set()));
      set.add(i);
    }
  });
  let others = 0;
  let sameStory = 0;
  let withOthers = 0;
  let recurring = 0;
  let sentences = 0;
  let n = 0;
  const step = Math.max(1, Math.floor(articles.length / sampled));
  for (let i = 0; i < articles.length; i += step, n++) {
    const a = articles[i]!;
    const other = new Set<number>();
    const same = new Set<number>();
    for (const key of sentenceKeys(a.text)) {
      sentences++;
      let elsewhere = false;
      for (const j of holders.get(key)!) {
        if (j === i) continue;
        if (articles[j]!.story === a.story) same.add(j);
        else {
          other.add(j);
          elsewhere = true;
        }
      }
      if (elsewhere) recurring++;
    }
    others += other.size;
    sameStory += same.size;
    if (other.size) withOthers++;
  }
  console.log(
    `${name}: ${articles.length} articles (${n} sampled): per article, ${(others / n).toFixed(2)} articles of other stories share a sentence of ${MIN_WORDS}+ words verbatim ` +
      `(${((100 * withOthers) / n).toFixed(1)}% of articles share one), ${(sameStory / n).toFixed(2)} of its own story; ${((100 * recurring) / sentences).toFixed(1)}% of its sentences recur in another story`,
  );
}

for (const [name, path] of [
  ['BASIL', '../shared/datasets/basil/stories.jsonl'],
  ['ECB+ dev', '../shared/datasets/ecbplus-dev/stories.jsonl'],
] as const) {
  const file = new URL(path, new URL('../', import.meta.url));
  if (!existsSync(file)) {
    console.log(`${name}: skipped (${fileURLToPath(file)} not found: ../shared is absent)`);
    continue;
  }
  const records = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { story: string; text: string });
  report(name, records.map((r) => ({ story: r.story, text: r.text })));
}

const days = Number(process.argv[2] ?? 7);
const sources = loadSentenceSources(repoRoot);
const outlets = followedOutlets();
const articles: Article[] = [];
for (let d = 0; d < days; d++) {
  // The growth benchmark's seed (bench/growth.ts); a story is one day's story-N, whatever the outlet.
  for (const a of syntheticFeedDay(isoDay(FIRST_DAY, d), 1500, outlets, sources, 20261201)) articles.push({ story: new URL(a.url).pathname.replace(/-\d+$/, ''), text: a.text });
}
report(`growth feed days (${days})`, articles, 400);
