import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileCorpus } from '../corpus/compile.ts';
import { parseCorpusFile } from '../corpus/schema.ts';
import { startFeedServer, type FeedServer } from '../../tests/feeds/server';
import { runCorpusFetch } from './corpus-fetch';
import { run as runCli } from './main';

let server: FeedServer;
let dir: string;
beforeAll(async () => {
  server = await startFeedServer({ slowMs: 60_000 });
  dir = await mkdtemp(join(tmpdir(), 'parallax-fetch-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCorpusFetch(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
const FAST = ['--timeout', '1', '--retries', '1'];

describe('parallax corpus fetch', () => {
  test('OPML in, corpus out; the second run appends nothing and downloads only what changed or failed', async () => {
    const feeds = join(dir, 'feeds.opml');
    const out = join(dir, 'corpus.jsonl');
    await writeFile(feeds, await server.render('feeds.opml'));

    const first = await run('--feeds', feeds, '-o', out, ...FAST);
    expect(first.code).toBe(0);
    const records = parseCorpusFile(await readFile(out, 'utf8'), out).records;
    expect(records).toHaveLength(8);
    expect(new Set(records.map((r) => r.url)).size).toBe(8);
    expect(compileCorpus(records).meta.articleCount).toBe(8);
    expect(first.stdout).toContain('Total: 8 new articles appended to');
    expect(first.stdout).toContain('(8 in all); 4 skipped, 4 failed; 3 of 5 feeds read.');
    expect(first.stdout).toMatch(/Harbor Gazette <.*gazette\.xml>\n {2}5 new, 0 skipped, 4 failed/);
    expect(first.stdout).toMatch(/failed {3}.*missing\.html: HTTP 404 Not Found/);
    expect(first.stdout).toMatch(/linked {3}.*valley\/wire-ferry\.html: syndicated copy of .* \(Harbor Gazette\), containment /);
    expect(first.stdout).toMatch(/Broken Feed Weekly <.*broken\.xml>\n {2}feed failed: the feed is not well-formed/);
    expect(first.stdout).toMatch(/Gone Gazette <.*gone\.xml>\n {2}feed failed: HTTP 404 Not Found/);
    const state = JSON.parse(await readFile(`${out}.feeds.json`, 'utf8'));
    expect(Object.keys(state.validators).sort()).toEqual([server.url('/feeds/bay-repeats.xml'), server.url('/feeds/valley.atom')]);

    const second = await run('--feeds', feeds, '-o', out, ...FAST);
    expect(second.code).toBe(0);
    expect(parseCorpusFile(await readFile(out, 'utf8'), out).records).toEqual(records);
    expect(second.stdout).toMatch(/The Valley Times <.*valley\.atom>\n {2}not modified since the last fetch: 0 new/);
    expect(second.stdout).toMatch(/Harbor Gazette <.*gazette\.xml>\n {2}0 new, 5 skipped, 4 failed/);
    expect(second.stdout).toContain('Total: 0 new articles appended to');

    const json = await run('--feeds', feeds, '-o', out, '--json', ...FAST);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ out, articles: 8, added: 0, failed: 4, feedsFailed: 2 });
    expect(report.feeds.map((f: { status: string }) => f.status)).toEqual(['fetched', 'not-modified', 'not-modified', 'failed', 'failed']);
  }, 30_000);

  test('a text list, --since, and an existing corpus that lacks a final newline', async () => {
    const feeds = join(dir, 'feeds.txt');
    const out = join(dir, 'since.jsonl');
    await writeFile(feeds, `# Port Alder\n${server.url('/feeds/gazette.xml')} Harbor Gazette\n`);
    await writeFile(out, '{"id":"seed","outlet":"Elsewhere","text":"An older article about something else entirely."}');
    const result = await run('--feeds', feeds, '-o', out, '--since', '7d', '--concurrency', '2', ...FAST);
    expect(result.code).toBe(0);
    const records = parseCorpusFile(await readFile(out, 'utf8'), out).records;
    expect(records.map((r) => r.id)[0]).toBe('seed');
    expect(records).toHaveLength(5);
    expect(result.stdout).toMatch(/skipped {2}.*old-news\.html: published \d{4}-\d{2}-\d{2}, before/);
  }, 30_000);

  test('feed titles and reasons with terminal escapes and bidi overrides are printed escaped, never raw', async () => {
    const feeds = join(dir, 'hostile-titles.txt');
    const title = 'Gazette \u001b[2J\u001b]0;pwned\u0007 \u202Egnp.exe';
    await writeFile(feeds, `${server.url('/feeds/broken.xml')} ${title}\n`);
    let stdout = '';
    let stderr = '';
    const code = await runCli(['corpus', 'fetch', '--feeds', feeds, '-o', join(dir, 'hostile-titles.jsonl'), ...FAST], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    expect(code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(stdout + stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain('Gazette \\u001b[2J\\u001b]0;pwned\\u0007 \\u202egnp.exe');
  });

  test.each([
    [[], /--feeds FILE is required/],
    [['--feeds', 'x'], /-o CORPUS\.jsonl is required/],
    [['--feeds', 'x', '-o', 'y', '--since', 'last week'], /--since must look like 7d/],
    [['--feeds', 'x', '-o', 'y', '--concurrency', '0'], /--concurrency must be a positive integer/],
    [['--feeds', 'x', '-o', 'y', 'extra'], /unexpected argument "extra"/],
  ])('usage error %j exits 2', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: parallax corpus fetch');
  });

  test('bad input exits 1 with the reason and leaves the corpus untouched', async () => {
    const out = join(dir, 'bad.jsonl');
    const corrupt = '{"id":"a","outlet":null,"text":"fine"}\n{"id":"b","outlet":null}\n';
    await writeFile(out, corrupt);
    const feeds = join(dir, 'one.txt');
    await writeFile(feeds, server.url('/feeds/gazette.xml'));
    const badCorpus = await run('--feeds', feeds, '-o', out);
    expect(badCorpus).toMatchObject({ code: 1 });
    expect(badCorpus.stderr).toContain('bad.jsonl:2: field "text": is required');
    expect(await readFile(out, 'utf8')).toBe(corrupt);

    const missing = await run('--feeds', join(dir, 'nope.txt'), '-o', join(dir, 'x.jsonl'));
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toMatch(/cannot read .*nope\.txt \(ENOENT\)/);

    const unwritable = await run('--feeds', feeds, '-o', join(dir, 'no-such-dir', 'out.jsonl'), ...FAST);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/cannot write .*out\.jsonl or its state file \(ENOENT\); nothing was appended/);

    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '# nothing yet\nftp://old.example/feed\n');
    const none = await run('--feeds', empty, '-o', join(dir, 'x.jsonl'));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('line 2: skipped, not an http(s) URL: ftp://old.example/feed');
    expect(none.stderr).toMatch(/lists no feed URLs/);
  }, 30_000);
});
