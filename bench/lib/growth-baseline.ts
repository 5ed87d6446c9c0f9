// The old way, for the growth benchmark's ratio: before segments, every feed refresh compiled
// every stored article again into one corpus and stored the serialized artifact.
import { compileCorpus, serializeCorpus } from '../../lib/corpus/index.ts';
import type { FeedDayArticle } from './synthetic.ts';

export function fullRecompile(articles: readonly FeedDayArticle[]): { ms: number; cpuMs: number; bytes: Uint8Array } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const bytes = serializeCorpus(compileCorpus(articles.map(({ feedUrl: _feed, ...record }) => record), { name: 'Followed feeds' }));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes };
}
