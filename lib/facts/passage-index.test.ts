import { describe, expect, test } from 'vitest';
import { REUSE_MIN_WORDS } from './compare.ts';
import {
  buildPassageIndex,
  findReusedPassages,
  longestSharedRun,
  MAX_SHINGLE_POSTINGS,
  passageLookup,
  PASSAGE_MIN_RUN_WORDS,
  PASSAGE_SHINGLE_WORDS,
  queryShingles,
  sampledShingles,
  shingleSequence,
  WINNOW_WINDOW,
} from './passage-index.ts';

// Deterministic made-up news text: distinct enough that no two articles share a run by chance.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'po', 'da', 'fe', 'gu', 'hi', 'jo', 'bu'];
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'said', 'on', 'a', 'that', 'for'];
function words(next: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (next() < 0.35) out.push(FUNCTION_WORDS[Math.floor(next() * FUNCTION_WORDS.length)]!);
    else out.push(Array.from({ length: 2 + Math.floor(next() * 2) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  }
  return out;
}
const sentence = (ws: string[]) => `${ws.join(' ')}.`;
function corpusArticles(count: number, seed: number): string[][] {
  const next = random(seed);
  return Array.from({ length: count }, () => Array.from({ length: 8 }, () => sentence(words(next, 14 + Math.floor(next() * 14)))));
}

const QUOTE = 'We will not be intimidated by threats from anyone, and we will respond in kind';
const WIRE = 'The ministry said the convoy of forty trucks crossed the border at dawn on Tuesday carrying grain';

describe('finding reused passages anywhere in a corpus of many articles', () => {
  const articles = corpusArticles(600, 7);
  // An unrelated article deep in the corpus quotes the statement in the middle of its own sentence.
  articles[417]![3] = `Speaking after the vote, the minister told reporters: "${QUOTE}," before leaving the chamber.`;
  articles[233]![5] = `${WIRE}, officials confirmed.`;
  const index = buildPassageIndex(articles);

  test('a quotation reused inside an otherwise unrelated article is found, and only there', () => {
    const page = [`The opposition leader answered at once. "${QUOTE}," she said in a televised address.`];
    const hits = findReusedPassages(passageLookup(index), page);
    expect(hits[0]).toMatchObject({ sentence: 0, article: 417, articleSentence: 3 });
    expect(new Set(hits.map((h) => h.article))).toEqual(new Set([417]));
  });

  test('a reused wire sentence is found from a page that reworded what surrounds it', () => {
    const hits = findReusedPassages(passageLookup(index), ['Nothing here matches.', `According to reports, ${WIRE.toLowerCase()} and more.`]);
    expect(hits.map((h) => [h.sentence, h.article, h.articleSentence])).toEqual([[1, 233, 5]]);
  });

  test('skipped articles (the page itself, its versions) are never returned', () => {
    expect(findReusedPassages(passageLookup(index), [WIRE], { skipArticle: (a) => a === 233 })).toEqual([]);
  });

  test('short common phrases match nothing: shingles are longer than them', () => {
    const page = ['The of and to in said on a that for the of.', 'Said on Monday that the.'];
    expect(findReusedPassages(passageLookup(index), page)).toEqual([]);
  });

  test('any run of REUSE_MIN_WORDS shared words is found (winnowing guarantee), whatever surrounds it', () => {
    expect(PASSAGE_MIN_RUN_WORDS).toBe(REUSE_MIN_WORDS);
    expect(PASSAGE_SHINGLE_WORDS + WINNOW_WINDOW - 1).toBe(REUSE_MIN_WORDS);
    const next = random(99);
    for (let trial = 0; trial < 150; trial++) {
      const run = words(next, REUSE_MIN_WORDS);
      const host = corpusArticles(40, 1000 + trial);
      const at = Math.floor(next() * 40);
      host[at]![2] = sentence([...words(next, Math.floor(next() * 8)), ...run, ...words(next, Math.floor(next() * 8))]);
      const hits = findReusedPassages(passageLookup(buildPassageIndex(host)), [sentence([...words(next, Math.floor(next() * 8)), ...run, ...words(next, 3)])]);
      expect(hits.some((h) => h.article === at && h.articleSentence === 2)).toBe(true);
    }
  });

  test('the index stores about a third of the shingles, not all of them', () => {
    let all = 0;
    let stored = 0;
    for (const article of articles.slice(0, 100)) {
      for (const s of article) {
        all += queryShingles(s).length;
        stored += sampledShingles(s).length;
      }
    }
    expect(stored / all).toBeGreaterThan(0.2);
    expect(stored / all).toBeLessThan(0.45);
  });
});

describe('boilerplate is capped', () => {
  const BOILERPLATE = 'The views expressed in this article are those of the author alone';
  const articles = corpusArticles(MAX_SHINGLE_POSTINGS + 20, 3).map((a) => [...a, `${BOILERPLATE}.`]);
  const index = buildPassageIndex(articles);

  test('a passage in more than MAX_SHINGLE_POSTINGS sentences is dropped from the index', () => {
    expect(findReusedPassages(passageLookup(index), [`${BOILERPLATE}.`])).toEqual([]);
    for (const h of queryShingles(`${BOILERPLATE}.`)) expect(index.hashes.includes(h)).toBe(false);
  });

  test('the same passage in fewer articles is found in each', () => {
    const small = buildPassageIndex(articles.slice(0, 10));
    const hits = findReusedPassages(passageLookup(small), [`${BOILERPLATE}.`], { perSentence: 50 });
    expect(hits.map((h) => h.article)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('determinism', () => {
  // Integer-only hashing (lib/fingerprint/hash.ts) gives these in Node and browsers alike; a
  // change here means stored indexes no longer match queries.
  test('shingle hashes are pinned values', () => {
    expect([...shingleSequence(['the', 'kremlin', 'said', 'on', 'tuesday', 'that', 'putin'])]).toEqual([1850337986, 3295400652]);
  });

  test('building twice gives identical arrays, sorted by hash with sentences ascending', () => {
    const articles = corpusArticles(50, 11);
    const a = buildPassageIndex(articles);
    const b = buildPassageIndex(articles);
    expect(a).toEqual(b);
    for (let i = 1; i < a.hashes.length; i++) {
      expect(a.hashes[i - 1]! <= a.hashes[i]!).toBe(true);
      if (a.hashes[i - 1] === a.hashes[i]) expect(a.sentences[i - 1]! < a.sentences[i]!).toBe(true);
    }
    expect(a.sentenceStart.length).toBe(51);
    expect(a.sentenceStart[50]).toBe(400);
  });
});

describe('words and runs', () => {
  test('longest shared run', () => {
    expect(longestSharedRun(['a', 'b', 'c', 'd', 'x'], ['z', 'b', 'c', 'd', 'a'])).toBe(3);
    expect(longestSharedRun([], ['a'])).toBe(0);
  });
});
