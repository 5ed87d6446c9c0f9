// A deterministic corpus of any size assembled from real sentences (the seeds and, when present,
// BASIL's articles): each synthetic article takes consecutive sentences from a random real
// article plus a few from others, so term statistics and article lengths look like news.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusRecord } from '../lib/corpus';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = ['Daily Ledger', 'Morning Post', 'Evening Star', 'Metro Times', 'Global Wire', 'Valley Herald', 'Coast Courier', 'Capital Report'];

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/).map((s) => s.trim()).filter((s) => s.length > 30);
}

export function syntheticCorpus(size: number, sources: { seedsDir: string; basil?: string }, seed = 42): CorpusRecord[] {
  const articles: string[][] = [];
  for (const file of readdirSync(sources.seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    articles.push(sentencesOf(readFileSync(join(sources.seedsDir, file), 'utf8')));
  }
  if (sources.basil && existsSync(sources.basil)) {
    for (const line of readFileSync(sources.basil, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { text?: string };
      if (record.text) articles.push(sentencesOf(record.text));
    }
  }
  const pool = articles.filter((a) => a.length >= 4);
  const random = mulberry32(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const records: CorpusRecord[] = [];
  for (let i = 0; i < size; i++) {
    const source = pick(pool);
    const start = Math.floor(random() * Math.max(1, source.length - 8));
    const body = source.slice(start, start + 8 + Math.floor(random() * 12));
    for (let j = 0; j < 3; j++) body.splice(Math.floor(random() * body.length), 0, pick(pick(pool)));
    const day = 1 + Math.floor(random() * 3000);
    const published = new Date(Date.UTC(2012, 0, day)).toISOString().slice(0, 10);
    records.push({ id: `synthetic-${i}`, outlet: pick(OUTLETS), title: body[0]!.slice(0, 80), published, text: body.join(' ') } as CorpusRecord);
  }
  return records;
}
