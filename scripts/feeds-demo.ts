// Demo of `parallax corpus fetch` against the loopback fixture news site (never the internet):
// starts tests/feeds/server.ts on 127.0.0.1, fetches its feeds into a fresh corpus, runs again
// to show the incremental update, and compiles the result with the engine's compiler.
//   npx tsx scripts/feeds-demo.ts [--keep DIR]
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCorpusFetch } from '../lib/cli/corpus-fetch.ts';
import { compileCorpus } from '../lib/corpus/compile.ts';
import { parseCorpusFile } from '../lib/corpus/schema.ts';
import { startFeedServer } from '../tests/feeds/server.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';

// The sentence model (lib/meaning), read from models/ when first needed.
useModelFiles();

const keep = process.argv.indexOf('--keep');
const server = await startFeedServer({ slowMs: 10_000 });
const dir = keep > 0 ? process.argv[keep + 1]! : await mkdtemp(join(tmpdir(), 'parallax-feeds-demo-'));
try {
  const feeds = join(dir, 'feeds.opml');
  const out = join(dir, 'corpus.jsonl');
  await writeFile(feeds, await server.render('feeds.opml'));
  const io = { stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) };
  for (const run of ['first run', 'second run (incremental)']) {
    console.log(`\n$ parallax corpus fetch --feeds feeds.opml -o corpus.jsonl --timeout 2   # ${run}`);
    const started = performance.now();
    const code = await runCorpusFetch(['--feeds', feeds, '-o', out, '--timeout', '2'], io);
    console.log(`exit ${code}, ${Math.round(performance.now() - started)} ms`);
  }
  const records = parseCorpusFile(await readFile(out, 'utf8'), out).records;
  const corpus = compileCorpus(records);
  console.log(`\nCompiled: ${corpus.meta.articleCount} articles from ${corpus.meta.outlets.length} outlets (${corpus.meta.outlets.join(', ')})`);
  console.log(`Requests served on ${server.origin}: ${server.requests.length}`);
} finally {
  await server.close();
  if (keep < 0) await rm(dir, { recursive: true, force: true });
}
