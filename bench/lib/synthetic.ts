// Deterministic synthetic corpora built from real sentences: the seeds and, when ../shared is
// present, BASIL's articles and the STS-b news sentences. A synthetic story takes a run of
// consecutive sentences from one real article; each of its 2-5 articles (different outlets,
// dates within three days) takes part of that run plus a few sentences from anywhere else, so
// term statistics, lengths and same-story overlap look like news.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusRecord } from '../../lib/corpus/schema.ts';
import { articleId } from '../../lib/feeds/refresh.ts';
import { segmentSentences } from '../../lib/text/segment.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = ['Daily Ledger', 'Morning Post', 'Evening Star', 'Metro Times', 'Global Wire', 'Valley Herald', 'Coast Courier', 'Capital Report', 'Harbor News', 'Prairie Journal'];

export interface SentenceSources {
  /** Real articles as sentence lists (stories are cut from these). */
  articles: string[][];
  /** Every real sentence (fillers are drawn from these). */
  pool: string[];
  description: string;
}

export function loadSentenceSources(repoRoot: string): SentenceSources {
  const articles: string[][] = [];
  const seedsDir = join(repoRoot, 'corpus', 'seeds');
  for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(seedsDir, file), 'utf8');
    const sentences = segmentSentences(text).map((s) => s.text);
    if (/[.!?]/.test(text)) articles.push(sentences); // the normalized seed has no sentences to reuse
  }
  const parts = ['seeds'];
  const pool = articles.flat();
  const basil = join(repoRoot, '..', 'shared', 'datasets', 'basil', 'stories.jsonl');
  if (existsSync(basil)) {
    for (const line of readFileSync(basil, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const sentences = segmentSentences((JSON.parse(line) as { text: string }).text).map((s) => s.text).filter((s) => s.length > 20);
      articles.push(sentences);
      pool.push(...sentences);
    }
    parts.push('BASIL');
  }
  const stsb = join(repoRoot, '..', 'shared', 'datasets', 'stsb-news');
  for (const file of ['train.jsonl', 'dev.jsonl']) {
    const path = join(stsb, file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const pair = JSON.parse(line) as { a: string; b: string };
      pool.push(pair.a, pair.b);
    }
    if (!parts.includes('STS-b news')) parts.push('STS-b news');
  }
  return { articles: articles.filter((a) => a.length >= 4), pool, description: `${parts.join(' + ')}: ${articles.length} articles, ${pool.length} sentences` };
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2010, 0, 1);

/** A story's real sentences: a run of consecutive sentences from one real article. */
function storyRun(random: () => number, sources: SentenceSources): string[] {
  const source = sources.articles[Math.floor(random() * sources.articles.length)]!;
  const runLength = Math.min(source.length, 6 + Math.floor(random() * 10));
  const runStart = Math.floor(random() * (source.length - runLength + 1));
  return source.slice(runStart, runStart + runLength);
}

/** One outlet's article of a story: part of the run plus a few sentences from anywhere else. */
function storyArticle(random: () => number, run: readonly string[], sources: SentenceSources): { title: string; text: string } {
  const keep = run.filter(() => random() < 0.7);
  if (keep.length < 2) keep.push(...run.slice(0, 2));
  const fillers = 2 + Math.floor(random() * 5);
  const sentences = [...keep];
  for (let f = 0; f < fillers; f++) sentences.splice(Math.floor(random() * (sentences.length + 1)), 0, sources.pool[Math.floor(random() * sources.pool.length)]!);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 2) paragraphs.push(sentences.slice(i, i + 2).join(' '));
  return { title: keep[0]!.split(/\s+/).slice(0, 9).join(' ').replace(/[,.;:]+$/, ''), text: paragraphs.join('\n') };
}

/** Generates `size` articles (deterministic for a given seed). */
export function* syntheticArticles(size: number, sources: SentenceSources, seed: number, idPrefix = 'a'): Generator<CorpusRecord> {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let made = 0;
  let story = 0;
  while (made < size) {
    const run = storyRun(random, sources);
    const day = START + Math.floor(random() * 3650) * DAY_MS;
    const members = Math.min(size - made, 2 + Math.floor(random() * 4));
    for (let m = 0; m < members; m++) {
      const { title, text } = storyArticle(random, run, sources);
      yield {
        id: `${idPrefix}${made}`,
        outlet: pick(OUTLETS),
        title,
        published: new Date(day + Math.floor(random() * 4) * DAY_MS).toISOString().slice(0, 10),
        text,
        story: `s${story}`,
      };
      made++;
    }
    story++;
  }
}

/** An outlet a simulated reader follows: what its articles' addresses and its feed are. */
export interface FollowedOutlet {
  name: string;
  host: string;
  feedUrl: string;
}

/** A day's article from one followed outlet's feed. */
export interface FeedDayArticle extends CorpusRecord {
  url: string;
  published: string;
  feedUrl: string;
}

/**
 * One day of news from followed outlets: `perDay` articles published that day, in stories of
 * 2-5 articles from different outlets (as a day's big stories are covered by several of them).
 * Deterministic for a given seed and day; `day` is the ISO date, also the articles' address path.
 */
export function syntheticFeedDay(day: string, perDay: number, outlets: readonly FollowedOutlet[], sources: SentenceSources, seed: number): FeedDayArticle[] {
  const random = mulberry32(seed ^ (dayFromIsoString(day) * 0x9e3779b1));
  const out: FeedDayArticle[] = [];
  let story = 0;
  while (out.length < perDay) {
    const run = storyRun(random, sources);
    const members = Math.min(perDay - out.length, outlets.length, 2 + Math.floor(random() * 4));
    // Different outlets for one story: a partial Fisher-Yates draw.
    const order = outlets.map((_, i) => i);
    for (let m = 0; m < members; m++) {
      const j = m + Math.floor(random() * (order.length - m));
      [order[m], order[j]] = [order[j]!, order[m]!];
      const outlet = outlets[order[m]!]!;
      const url = `https://www.${outlet.host}/${day.replaceAll('-', '/')}/story-${story}-${m}`;
      const { title, text } = storyArticle(random, run, sources);
      out.push({
        // Addresses and ids as a feed refresh makes them (lib/feeds/refresh.ts).
        id: articleId(url),
        outlet: outlet.name,
        url,
        title,
        published: day,
        text,
        feedUrl: outlet.feedUrl,
      });
    }
    story++;
  }
  return out;
}

function dayFromIsoString(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}
