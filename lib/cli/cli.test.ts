import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SEED_IDS } from '../corpus/test-seeds.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from './io.ts';
import { analyze } from '../analyze.ts';
import { loadBundledCorpus, loadCorpusFile } from './inputs.ts';
import { run, COMMANDS } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
const seeds = new URL('../../corpus/seeds/', import.meta.url).pathname;
const fixture = (name: string) => new URL(`../../tests/fixtures/seed/${name}`, import.meta.url).pathname;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const record = (id: string, extra: object = {}) => JSON.stringify({ id, outlet: 'Example', published: '2018-04-02', text: 'The Kremlin said Trump invited Putin to the White House for a summit.', ...extra });

describe('parallax corpus build', () => {
  test('compiles the seed folder', async () => {
    const out = join(dir, 'seeds.bin');
    const r = await cli('corpus', 'build', seeds, '-o', out);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/5 articles, 3 outlets/);
    expect(readFileSync(out).subarray(0, 4).toString()).toBe('PLXC');
  });

  test('bad input: exit 1 naming file, line and field', async () => {
    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, `${record('a')}\n${record('b', { published: 'yesterday' })}\n`);
    const r = await cli('corpus', 'build', input, '-o', join(dir, 'bad.bin'));
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toContain(`${input}:2: field "published"`);
  });

  test('--skip-invalid reports every skipped line and builds the rest', async () => {
    const input = join(dir, 'mixed.jsonl');
    writeFileSync(input, `${record('a')}\n{oops\n${record('b')}\n${record('a')}\n`);
    const r = await cli('corpus', 'build', input, '-o', join(dir, 'mixed.bin'), '--skip-invalid');
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${input}:2:`), expect.stringContaining(`${input}:4 field "id"`)]);
    expect(r.stdout).toMatch(/2 articles.*skipped 2 invalid lines/);
  });

  test('--skip-invalid never crashes on lines that are not JSON (bad escapes, raw tabs in ids) and names every failing field', async () => {
    const input = join(dir, 'hostile.jsonl');
    const lines = [
      record('a'),
      '{"id": "bad\\q", "outlet": "X", "text": "Words here."}',
      `{"id": "tab\there", "outlet": "X", "text": "Words here."}`,
      JSON.stringify({ id: '', outlet: 7, published: 'yesterday', url: 'javascript:alert(1)', text: '' }),
      record('b'),
    ];
    writeFileSync(input, `${lines.join('\n')}\n`);
    const r = await cli('corpus', 'build', input, '-o', join(dir, 'hostile.bin'), '--skip-invalid');
    expect(r.code).toBe(EXIT_OK);
    const reported = r.stderr.trim().split('\n');
    expect(reported).toHaveLength(3);
    expect(reported[0]).toMatch(new RegExp(`^skipped ${input}:2: not valid JSON \\(`));
    expect(reported[1]).toMatch(new RegExp(`^skipped ${input}:3: not valid JSON \\(`));
    expect(reported[2]).toBe(
      `skipped ${input}:4 field "id": is empty; field "outlet": must be a string or null; field "url": is not an http(s) address; field "published": must be a date written YYYY-MM-DD; field "text": is empty`,
    );
    expect(r.stdout).toMatch(/2 articles.*skipped 3 invalid lines/);
  });

  test('without --skip-invalid the error names every failing field of the line', async () => {
    const input = join(dir, 'two-fields.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 'a', outlet: null, published: '2018-02-30', text: ' — ' })}\n`);
    const r = await cli('corpus', 'build', input, '-o', join(dir, 'two-fields.bin'));
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toBe(`parallax corpus build: ${input}:1: field "published": is not a real calendar date; field "text": has no words\n`);
  });

  test('a JSON array of records is read as the options page reads it, bad records located by position', async () => {
    const input = join(dir, 'array.json');
    writeFileSync(input, JSON.stringify([JSON.parse(record('a')), { id: 'b', outlet: null }, JSON.parse(record('c')), JSON.parse(record('a'))], null, 2));
    const strict = await cli('corpus', 'build', input, '-o', join(dir, 'array.bin'));
    expect(strict.code).toBe(EXIT_BAD_INPUT);
    expect(strict.stderr).toBe(`parallax corpus build: ${input} record 2: field "text": is required\n`);
    const r = await cli('corpus', 'build', input, '-o', join(dir, 'array.bin'), '--skip-invalid');
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toBe(`skipped ${input} record 2 field "text": is required\nskipped ${input} record 4 field "id": duplicate id "a" (first on record 1)\n`);
    expect(r.stdout).toMatch(/2 articles.*skipped 2 invalid lines/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '[{"id": "a",');
    writeFileSync(join(dir, 'ok.jsonl'), `${record('x')}\n`);
    const b = await cli('corpus', 'build', broken, join(dir, 'ok.jsonl'), '-o', join(dir, 'broken.bin'), '--skip-invalid');
    expect(b.stderr).toMatch(new RegExp(`^skipped ${broken}: starts like a JSON array but is not valid JSON`));
  });

  test('control and bidi-override characters from the input never reach the terminal raw', async () => {
    const input = join(dir, 'terminal.jsonl');
    const id = '\u001b[2J\u001b]0;pwned\u0007gnp\u202e.exe\u009b';
    writeFileSync(input, `${record(id)}\n${record(id)}\n`);
    const r = await cli('corpus', 'build', input, '-o', join(dir, 'terminal.bin'), '--skip-invalid');
    expect(r.code).toBe(EXIT_OK);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stderr).toBe(`skipped ${input}:2 field "id": duplicate id "\\u001b[2J\\u001b]0;pwned\\u0007gnp\\u202e.exe\\u009b" (first on line 1)\n`);
  });

  test('a duplicate id across two files names both', async () => {
    const a = join(dir, 'one.jsonl');
    const b = join(dir, 'two.jsonl');
    writeFileSync(a, `${record('x')}\n`);
    writeFileSync(b, `${record('y')}\n${record('x')}\n`);
    const r = await cli('corpus', 'build', a, b, '-o', join(dir, 'dup.bin'));
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toContain(`${b}:2: field "id": duplicate id "x" (also at ${a}:1)`);
  });

  test('--skip-invalid also skips an id already taken by an earlier input', async () => {
    const a = join(dir, 'first.jsonl');
    const b = join(dir, 'second.jsonl');
    writeFileSync(a, `${record('x')}\n`);
    writeFileSync(b, `${record('y')}\n${record('x')}\n`);
    const r = await cli('corpus', 'build', a, b, '-o', join(dir, 'dup-skip.bin'), '--skip-invalid');
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toBe(`skipped ${b}:2 field "id": duplicate id "x" (also at ${a}:1)\n`);
    expect(r.stdout).toMatch(/2 articles.*skipped 1 invalid line$/m);
  });

  test.each([
    [['corpus', 'build', 'x.jsonl']],
    [['corpus', 'build', '-o', 'out.bin']],
    [['corpus', 'build', 'x.jsonl', '-o', 'out.bin', '--frobnicate']],
    [['corpus', 'frob']],
    [[]],
  ])('usage error %j: exit 2', async (argv) => {
    expect((await cli(...argv)).code).toBe(EXIT_USAGE);
  });

  test('a missing input file: exit 1', async () => {
    const r = await cli('corpus', 'build', join(dir, 'missing.jsonl'), '-o', join(dir, 'x.bin'));
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toContain('no such file');
  });
});

describe('parallax analyze', () => {
  const corpusFile = join(dir, 'analyze-seeds.bin');

  test('a .txt file against a built corpus, as JSON', async () => {
    await cli('corpus', 'build', seeds, '-o', corpusFile);
    const r = await cli('analyze', join(seeds, `${SEED_IDS.nytReadable}.txt`), '--corpus', corpusFile, '--json');
    expect(r.code).toBe(EXIT_OK);
    const result = JSON.parse(r.stdout);
    expect(result.self.id).toBe(SEED_IDS.nytReadable);
    expect(result.stories.filter((s: { sameStory: boolean }) => s.sameStory)).toHaveLength(2);
    expect(result.sentences.length).toBeGreaterThan(20);
  });

  test('an .html page with the bundled corpus, as a report', async () => {
    const r = await cli('analyze', fixture('nbc-002.html'));
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain(`This is NBC News's article ${SEED_IDS.nbc}`);
    expect(r.stdout).toMatch(/Same story in 2 articles/);
  });

  test('the report lists shared facts with their outlets, conflicts, omissions and what only this article says', async () => {
    await cli('corpus', 'build', seeds, '-o', corpusFile);
    const r = await cli('analyze', join(seeds, `${SEED_IDS.nytReadable}.txt`), '--corpus', corpusFile);
    expect(r.code).toBe(EXIT_OK);
    const json = JSON.parse((await cli('analyze', join(seeds, `${SEED_IDS.nytReadable}.txt`), '--corpus', corpusFile, '--json')).stdout);
    expect(r.stdout).toContain(`Facts other outlets also report: ${json.facts.length} of ${json.sentences.length} sentences`);
    expect(r.stdout).toMatch(/#2 "The Kremlin foreign policy adviser, Yuri Ushakov.*\n\s+also in: .*NBC News/);
    expect(r.stdout).toMatch(/Conflicts: (none found|\d+)/);
    expect(r.stdout).toContain(`Left out here, reported elsewhere: ${json.omissions.length}`);
    expect(r.stdout).toContain(`Only in this article: ${json.unique.length} of ${json.sentences.length} sentences`);
  });

  test('--jsonl writes one line per query with the contract fields', async () => {
    await cli('corpus', 'build', seeds, '-o', corpusFile);
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(queries, `${record('q1')}\n${JSON.stringify({ id: 'q2', outlet: null, text: 'Heavy rain flooded coastal towns in Brittany.' })}\n`);
    const r = await cli('analyze', '--jsonl', queries, '--corpus', corpusFile, '--json');
    expect(r.code).toBe(EXIT_OK);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2']);
    expect(Object.keys(lines[0])).toEqual(['id', 'self', 'stories', 'sentences', 'facts', 'omissions', 'unique', 'conflicts', 'coverage', 'related', 'corpus']);
    expect(Object.keys(lines[0].stories[0])).toEqual(['id', 'outlet', 'title', 'url', 'published', 'score', 'sameStory', 'relation', 'daysApart']);
    expect(lines[0].stories.some((s: { sameStory: boolean }) => s.sameStory)).toBe(true);
    expect(lines.every((l) => Array.isArray(l.related))).toBe(true);
    expect(lines[0].stories.every((s: { sameStory: boolean; relation: string | null }) => s.sameStory === (s.relation === 'same-event'))).toBe(true);
  });

  test('--jsonl writes the whole result of each query, the same as analyze() gives for the record', async () => {
    await cli('corpus', 'build', seeds, '-o', corpusFile);
    const queries = join(dir, 'queries-full.jsonl');
    const nbc = { id: 'q-nbc', outlet: 'NBC News', published: '2018-04-02', text: readFileSync(join(seeds, `${SEED_IDS.nbc}.txt`), 'utf8') };
    writeFileSync(queries, `${JSON.stringify(nbc)}\n${record('q1')}\n`);
    const r = await cli('analyze', '--jsonl', queries, '--corpus', corpusFile);
    expect(r.code).toBe(EXIT_OK);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const expected = analyze(nbc, loadCorpusFile(corpusFile), { limit: 20 });
    expect(lines[0]).toEqual(JSON.parse(JSON.stringify({ id: 'q-nbc', ...expected })));
    // The NBC text finds itself and aligns facts with the other outlets.
    expect(lines[0].self.id).toBe(SEED_IDS.nbc);
    expect(lines[0].facts.length).toBeGreaterThan(0);
    expect(lines[0].facts[0].passages[0]).toHaveProperty('articleId');
    expect(lines[0].unique.length + lines[0].facts.length).toBeLessThanOrEqual(lines[0].sentences.length);
  }, 60_000);

  test('--jsonl without --corpus uses the bundled corpus, as analyze FILE does', async () => {
    const queries = join(dir, 'queries-bundled.jsonl');
    writeFileSync(queries, `${JSON.stringify({ id: 'q-nyt', outlet: 'The New York Times', published: '2018-04-02', text: readFileSync(join(seeds, `${SEED_IDS.nytReadable}.txt`), 'utf8') })}\n`);
    const r = await cli('analyze', '--jsonl', queries);
    expect(r.code).toBe(EXIT_OK);
    const [line] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const bundled = loadBundledCorpus();
    expect(line.corpus).toEqual(bundled.summary);
    expect(line.self.id).toBe(SEED_IDS.nytReadable);
    expect(line.facts.length).toBeGreaterThan(0);
  }, 60_000);

  test('--jsonl with a bad record: exit 1 naming the line, nothing written', async () => {
    const queries = join(dir, 'queries-bad.jsonl');
    writeFileSync(queries, `${record('q1')}\n{"id": "q2", "outlet": null}\n`);
    const r = await cli('analyze', '--jsonl', queries);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toMatch(/queries-bad\.jsonl.*2/);
    expect(r.stdout).toBe('');
  });

  test('--jsonl: 001 as a query has 004 as related coverage, 32 days later, with the facts it shares', async () => {
    await cli('corpus', 'build', seeds, '-o', corpusFile);
    const queries = join(dir, 'queries-001.jsonl');
    const text = readFileSync(join(seeds, `${SEED_IDS.nytReadable}.txt`), 'utf8');
    writeFileSync(queries, `${JSON.stringify({ id: 'q001', outlet: 'The New York Times', published: '2018-04-02', text })}\n`);
    const [line] = (await cli('analyze', '--jsonl', queries, '--corpus', corpusFile, '--json')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(line.related.map((r: { id: string; daysApart: number }) => [r.id, r.daysApart])).toEqual([[SEED_IDS.newYorker, 32]]);
    expect(line.related[0].facts.length).toBeGreaterThanOrEqual(2);
    expect(line.stories.find((s: { id: string }) => s.id === SEED_IDS.newYorker)).toMatchObject({ relation: 'related', sameStory: false, daysApart: 32 });
  });

  test('the report has a related coverage section: 004, 32 days later, with the facts it shares', async () => {
    await cli('corpus', 'build', seeds, '-o', corpusFile);
    const r = await cli('analyze', join(seeds, `${SEED_IDS.nytReadable}.txt`), '--corpus', corpusFile);
    expect(r.stdout).toMatch(/Related coverage \(the same subject on another occasion\): 1 article\n\s+0\.\d+\s+The New Yorker \(2018-05-04, 32 days later\): Trump's pursuit/);
    expect(r.stdout).toMatch(/shares \d+ facts with this article:\n\s+#2 "The Kremlin foreign policy adviser/);
  });

  test.each([
    [['analyze']],
    [['analyze', 'a.txt', 'b.txt']],
    [['analyze', 'a.txt', '--jsonl', 'q.jsonl']],
    [['analyze', 'page.pdf']],
    [['analyze', 'a.txt', '--top', '0']],
  ])('usage error %j: exit 2', async (argv) => {
    expect((await cli(...argv)).code).toBe(EXIT_USAGE);
  });

  test.each([
    ['a missing file', () => [join(dir, 'missing.txt')], 'no such file'],
    ['a corrupt corpus', () => {
      writeFileSync(join(dir, 'corrupt.bin'), 'PLXC but not really a corpus at all');
      return [join(seeds, `${SEED_IDS.nbc}.txt`), '--corpus', join(dir, 'corrupt.bin')];
    }, 'corpus'],
    ['a page without an article', () => {
      writeFileSync(join(dir, 'empty.html'), '<html><body></body></html>');
      return [join(dir, 'empty.html')];
    }, 'no article'],
  ])('bad input (%s): exit 1 with the message on stderr', async (_name, args, message) => {
    const r = await cli('analyze', ...args());
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toContain(message);
  });
});

test('a stale bundled artifact is replaced by the bundle inputs compiled in memory, with a warning', () => {
  const stale = join(dir, 'stale.bin');
  writeFileSync(stale, readFileSync(join(dir, 'seeds.bin')));
  const bytes = readFileSync(stale);
  bytes.writeUInt32LE(1, 4); // an artifact of format version 1
  writeFileSync(stale, bytes);
  const warnings: string[] = [];
  const corpus = loadBundledCorpus((m) => warnings.push(m), stale);
  expect(corpus.size).toBe(5);
  expect(warnings).toEqual([expect.stringContaining('format version 1 is not supported')]);
});

test('every subcommand of the contract is wired', () => {
  expect(Object.keys(COMMANDS).sort()).toEqual(['analyze', 'corpus build', 'corpus fetch', 'pairs']);
});
