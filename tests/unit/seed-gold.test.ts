// The seed gold (tests/fixtures/seed-gold.json) still points at the sentences it was read on,
// is well formed, and the measure eval/seed-alignment.ts takes with it is right on a hand example.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze.ts';
import { compileCorpus, loadCorpus, serializeCorpus } from '../../lib/corpus/index.ts';
import { seedRecords } from '../../lib/corpus/test-seeds.ts';
import type { AnalysisResult, Fact } from '../../lib/result.ts';
import { bothWays, GoldIndex, loadSeedGold, scoreAlignment, segmentationDrift, shownLinks, type SeedGold, type ShownLink } from '../../eval/lib/seed-gold.ts';

const gold = loadSeedGold();
const records = seedRecords();
const keys = Object.keys(gold.articles).sort();
const textOf = (key: string) => records.find((r) => r.id === gold.articles[key]!.id)!.text;

describe('seed gold fixture', () => {
  it('covers seeds 001-004 and matches today’s sentence segmentation', () => {
    expect(keys).toEqual(['001', '002', '003', '004']);
    expect(segmentationDrift(gold, Object.fromEntries(keys.map((k) => [k, textOf(k)])))).toEqual([]);
  });

  it('reports drift when a sentence changes', () => {
    const texts = Object.fromEntries(keys.map((k) => [k, textOf(k)]));
    texts['002'] = texts['002']!.replace('Sanders added.', 'Sanders added. She left.');
    const drift = segmentationDrift(gold, texts);
    expect(drift.some((d) => d.startsWith('002:'))).toBe(true);
    expect(drift.every((d) => d.startsWith('002'))).toBe(true);
  });

  it('has well-formed links: existing sentences of two different articles, each pair once, a known fact', () => {
    const seen = new Set<string>();
    for (const link of gold.links) {
      const [a, i] = link.a.split(':');
      const [b, j] = link.b.split(':');
      expect(a).not.toBe(b);
      expect(link.a < link.b).toBe(true);
      expect(gold.articles[a!]!.sentences[Number(i)]).toBeDefined();
      expect(gold.articles[b!]!.sentences[Number(j)]).toBeDefined();
      expect(['strong', 'weak']).toContain(link.strength);
      expect(gold.facts[link.fact]).toBeTruthy();
      expect(seen.has(`${link.a}|${link.b}`)).toBe(false);
      seen.add(`${link.a}|${link.b}`);
    }
  });

  it('never links page furniture (captions, credits, labels)', () => {
    const index = new GoldIndex(gold);
    const ref = (s: string) => ({ article: s.split(':')[0]!, sentence: Number(s.split(':')[1]) });
    const furniture = keys.flatMap((k) => gold.articles[k]!.sentences.filter((s) => gold.furnitureKinds.includes(s.kind)));
    expect(furniture.length).toBeGreaterThan(0);
    for (const link of gold.links) {
      expect(index.isFurniture(ref(link.a))).toBe(false);
      expect(index.isFurniture(ref(link.b))).toBe(false);
    }
  });
});

/** Two tiny articles read by hand: x (3 sentences) and y (3 sentences). */
const hand: SeedGold = {
  furnitureKinds: ['caption'],
  facts: { visit: 'a visit', talks: 'talks' },
  articles: {
    x: { id: 'X', outlet: 'X News', coverage: 'same-event', sentences: [
      { index: 0, kind: 'body', text: 'A visit was proposed.' },
      { index: 1, kind: 'body', text: 'No talks have started.' },
      { index: 2, kind: 'caption', text: 'A photo.' },
    ] },
    y: { id: 'Y', outlet: null, coverage: 'same-event', sentences: [
      { index: 0, kind: 'body', text: 'He proposed a visit.' },
      { index: 1, kind: 'body', text: 'The visit, which has no date, needs talks.' },
      { index: 2, kind: 'body', text: 'Talks have not begun.' },
    ] },
  },
  links: [
    { a: 'x:0', b: 'y:0', strength: 'strong', fact: 'visit' },
    { a: 'x:0', b: 'y:1', strength: 'weak', fact: 'visit' },
    { a: 'x:1', b: 'y:2', strength: 'strong', fact: 'talks' },
  ],
};
const link = (from: string, to: string): ShownLink => ({
  from: { article: from.split(':')[0]!, sentence: Number(from.split(':')[1]) },
  to: { article: to.split(':')[0]!, sentence: Number(to.split(':')[1]) },
});

describe('seed alignment measure', () => {
  it('scores a hand example: precision over links shown, recall over strong (sentence, outlet) pairs', () => {
    const index = new GoldIndex(hand);
    const shown = [
      link('x:0', 'y:1'), // weak: right
      link('x:2', 'y:0'), // a caption: wrong
      link('y:0', 'x:0'), // strong: right, finds y:0 in x
      link('y:2', 'x:0'), // not in the gold: wrong
    ];
    const s = scoreAlignment(index, shown, bothWays(['x', 'y']));
    expect(s.shown).toBe(4);
    expect([s.strong, s.weak, s.wrong.length, s.furniture]).toEqual([1, 1, 2, 1]);
    expect(s.precision).toBe(2 / 4);
    // Targets: x:0→y, x:1→y, y:0→x, y:2→x. Found with a strong counterpart: y:0→x only;
    // x:0→y is linked, but only to its weak counterpart (lenient recall counts it).
    expect(s.targets).toBe(4);
    expect(s.found).toBe(1);
    expect(s.recall).toBe(1 / 4);
    expect(s.foundLenient).toBe(2);
  });

  it('keeps to the article pairs asked for, in the direction asked', () => {
    const index = new GoldIndex(hand);
    const s = scoreAlignment(index, [link('x:0', 'y:0'), link('y:2', 'x:1')], [['x', 'y']]);
    expect([s.shown, s.targets, s.found, s.precision, s.recall]).toEqual([1, 2, 1, 1, 0.5]);
  });

  it('says n/a rather than a figure when nothing is shown or nothing is to be found', () => {
    const index = new GoldIndex(hand);
    const s = scoreAlignment(index, [], [['x', 'y']]);
    expect(s.precision).toBeNull();
    expect(scoreAlignment(index, [], []).recall).toBeNull();
  });

  it('reads the links of a result: facts and related coverage apart, articles outside the gold counted', () => {
    const index = new GoldIndex(hand);
    const passage = (articleId: string, sentenceIndex: number) => ({ articleId, sentenceIndex }) as Fact['passages'][number];
    const fact = (sentence: number, passages: Fact['passages']): Fact => ({ sentence: { index: sentence, start: 0, end: 0, text: '' }, passages, conflict: false });
    const result = {
      facts: [fact(0, [passage('Y', 0), passage('Y', 0), passage('Z', 3)])],
      related: [{ facts: [fact(1, [passage('Y', 2)])] }],
    } as unknown as AnalysisResult;
    const links = shownLinks(index, 'x', result);
    expect(links.facts).toEqual([link('x:0', 'y:0')]);
    expect(links.related).toEqual([link('x:1', 'y:2')]);
    expect(links.outside).toBe(1);
  });

  it('runs on the seeds with the engine: every shown link judged, targets as the gold implies', () => {
    const index = new GoldIndex(gold);
    const corpus = loadCorpus(serializeCorpus(compileCorpus(records, { name: 'seeds' })));
    const sameEvent = keys.filter((k) => gold.articles[k]!.coverage === 'same-event');
    const shown = sameEvent.flatMap((k) => shownLinks(index, k, analyze(records.find((r) => r.id === gold.articles[k]!.id)!, corpus)).facts);
    const s = scoreAlignment(index, shown, bothWays(sameEvent));
    expect(s.strong + s.weak + s.wrong.length).toBe(s.shown);
    // Every strong link between same-event articles gives a target at each end; the set of
    // (sentence, other article) pairs is what recall is taken over.
    const targets = new Set<string>();
    for (const l of gold.links) {
      const [a, b] = [l.a.split(':')[0]!, l.b.split(':')[0]!];
      if (l.strength !== 'strong' || !sameEvent.includes(a) || !sameEvent.includes(b)) continue;
      targets.add(`${l.a}>${b}`);
      targets.add(`${l.b}>${a}`);
    }
    expect(s.targets).toBe(targets.size);
    expect(s.found).toBeLessThanOrEqual(s.foundLenient);
    expect(s.foundLenient).toBeLessThanOrEqual(s.targets);
    // Compiling the seed corpus and analyzing three articles: seconds on a loaded machine.
  }, 60_000);
});
