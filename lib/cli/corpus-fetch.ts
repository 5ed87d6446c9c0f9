// `parallax corpus fetch --feeds FEEDS -o CORPUS.jsonl [--since 7d] [--concurrency 4]`
// Appends the new articles of the feeds in FEEDS (a text list or OPML) to a JSONL corpus in the
// format `parallax corpus build` reads, and prints what happened to every feed and item.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CorpusInputError, parseCorpusFile } from '../corpus/schema.ts';
import { createFetcher, type FetchLike, type Validators } from '../feeds/fetch/fetcher.ts';
import { feedHostPolicy } from '../feeds/fetch/host-policy.ts';
import { FeedListError, parseFeedList } from '../feeds/feed-list.ts';
import { parseWindow } from '../article/dates.ts';
import { refreshFeeds, type FeedReport } from '../feeds/refresh.ts';
import packageJson from '../../package.json' with { type: 'json' };

export const CORPUS_FETCH_USAGE = `Usage: parallax corpus fetch --feeds FEEDS -o CORPUS.jsonl [options]

Fetches the feeds listed in FEEDS (one URL a line, or an OPML export), extracts each new item's
article and appends it to CORPUS.jsonl. URLs already in the corpus are skipped; near-duplicates
(syndicated wire copy) are reported. Run it again to update: unchanged feeds are not downloaded.

Options:
  --feeds FILE         text list of feed URLs (optional title after the URL) or OPML file
  -o, --out FILE       corpus to create or append to (JSONL)
  --since WINDOW       skip items published before now minus WINDOW (e.g. 7d, 12h, 2w)
  --concurrency N      requests at once across all hosts (default 4)
  --per-host N         requests at once to one host (default 2)
  --timeout SECONDS    per attempt (default 15)
  --retries N          extra attempts after a timeout, network error, 429 or 5xx (default 2)
  --state FILE         where feed validators (ETag, Last-Modified) are kept
                       (default CORPUS.jsonl.feeds.json)
  --json               print the report as JSON instead of text
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The network; Node's fetch unless a test passes another. */
  fetch?: FetchLike;
  now?: Date;
}

class UsageError extends Error {}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || (n === 0 && name !== '--retries')) throw new UsageError(`${name} must be a ${name === '--retries' ? 'non-negative' : 'positive'} integer, got "${value}"`);
  return n;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      feeds: { type: 'string' },
      out: { type: 'string', short: 'o' },
      since: { type: 'string' },
      concurrency: { type: 'string' },
      'per-host': { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      state: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.feeds) throw new UsageError('--feeds FILE is required');
  if (!values.out) throw new UsageError('-o CORPUS.jsonl is required');
  const sinceMs = values.since === undefined ? null : parseWindow(values.since);
  if (values.since !== undefined && sinceMs === null) throw new UsageError(`--since must look like 7d, 12h, 2w or 30m, got "${values.since}"`);
  const timeout = values.timeout === undefined ? 15 : Number(values.timeout.replace(/s$/, ''));
  if (!(timeout > 0)) throw new UsageError(`--timeout must be a number of seconds, got "${values.timeout}"`);
  return {
    feeds: values.feeds,
    out: values.out,
    sinceMs,
    concurrency: positiveInt(values.concurrency, '--concurrency', 4),
    perHost: positiveInt(values['per-host'], '--per-host', 2),
    timeoutMs: timeout * 1000,
    retries: positiveInt(values.retries, '--retries', 2),
    state: values.state ?? `${values.out}.feeds.json`,
    json: values.json,
  };
}

async function readState(file: string, io: CliIo): Promise<Record<string, Validators>> {
  if (!existsSync(file)) return {};
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as { validators?: Record<string, Validators> };
    return state.validators ?? {};
  } catch (error) {
    io.stderr(`warning: ignoring unreadable state file ${file} (${(error as Error).message}); every feed is fetched in full\n`);
    return {};
  }
}

function formatReport(report: FeedReport): string {
  const name = report.title ? `${report.title} <${report.url}>` : report.url;
  if (report.status === 'failed') return `${name}\n  feed failed: ${report.error}\n`;
  if (report.status === 'not-modified') return `${name}\n  not modified since the last fetch: 0 new\n`;
  const lines = [`${name}\n  ${report.added} new, ${report.skipped} skipped, ${report.failed} failed`];
  for (const item of report.items) {
    if (item.status === 'failed') lines.push(`  failed   ${item.url}: ${item.reason}`);
    else if (item.status === 'skipped') lines.push(`  skipped  ${item.url}: ${item.reason}`);
    else if (item.nearDuplicate) {
      const near = item.nearDuplicate;
      const what = near.kind === 'syndicated' ? `syndicated copy of ${near.id} (${near.outlet ?? 'no outlet'})` : `another version of ${near.id}`;
      lines.push(`  linked   ${item.url}: ${what}, containment ${near.containment.toFixed(2)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the subcommand; returns the exit code (0 done, 1 bad input or nothing readable, 2 usage). */
export async function runCorpusFetch(argv: string[], io: CliIo): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    io.stderr(`parallax corpus fetch: ${(error as Error).message}\n\n${CORPUS_FETCH_USAGE}`);
    return 2;
  }
  if (!options) {
    io.stdout(CORPUS_FETCH_USAGE);
    return 0;
  }
  try {
    let feedText: string;
    try {
      feedText = await readFile(options.feeds, 'utf8');
    } catch (error) {
      throw new FeedListError(`cannot read ${options.feeds} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const list = parseFeedList(feedText);
    for (const rejected of list.rejected) io.stderr(`${options.feeds}: ${rejected.where}: skipped, ${rejected.reason}\n`);
    if (list.feeds.length === 0) throw new FeedListError(`${options.feeds} lists no feed URLs`);

    // A corpus that does not validate is never appended to: the user fixes it first.
    const existing = existsSync(options.out) ? await readFile(options.out, 'utf8') : '';
    const known = existing ? parseCorpusFile(existing, options.out).records : [];
    const validators = await readState(options.state, io);
    const now = io.now ?? new Date();
    const since = options.sinceMs === null ? null : new Date(now.getTime() - options.sinceMs).toISOString().slice(0, 10);

    const fetcher = createFetcher({
      ...(io.fetch ? { fetch: io.fetch } : {}),
      userAgent: `Parallax/${packageJson.version} (news feed reader; builds a local corpus, parallax corpus fetch)`,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      perHost: options.perHost,
      // A feed's links and redirects reach only the feeds' own hosts, as in the extension.
      policy: feedHostPolicy(list.feeds.map((feed) => feed.url)),
    });
    io.stderr(`Fetching ${list.feeds.length} feed${list.feeds.length === 1 ? '' : 's'}${since ? ` (items since ${since})` : ''}; ${known.length} articles already in ${options.out}\n`);
    const result = await refreshFeeds({ feeds: list.feeds, fetcher, known, feedValidators: validators, since, concurrency: options.concurrency });

    const nextValidators = { ...validators };
    for (const feed of result.feeds) {
      if (feed.validators && (feed.validators.etag || feed.validators.lastModified)) nextValidators[feed.url] = feed.validators;
      else delete nextValidators[feed.url];
    }
    try {
      if (result.records.length) {
        // Written beside the corpus and renamed over it: an interrupted run leaves the old corpus whole.
        const prefix = existing && !existing.endsWith('\n') ? `${existing}\n` : existing;
        const temporary = `${options.out}.${process.pid}.tmp`;
        await writeFile(temporary, prefix + result.records.map((record) => `${JSON.stringify(record)}\n`).join(''));
        await rename(temporary, options.out);
      }
      await writeFile(options.state, `${JSON.stringify({ note: 'Feed validators for conditional requests, written by parallax corpus fetch.', validators: nextValidators }, null, 2)}\n`);
    } catch (error) {
      throw new FeedListError(`cannot write ${options.out} or its state file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was appended`);
    }

    const totals = result.feeds.reduce((t, f) => ({ added: t.added + f.added, skipped: t.skipped + f.skipped, failed: t.failed + f.failed, feedsFailed: t.feedsFailed + (f.status === 'failed' ? 1 : 0) }), { added: 0, skipped: 0, failed: 0, feedsFailed: 0 });
    if (options.json) io.stdout(`${JSON.stringify({ out: options.out, articles: known.length + result.records.length, ...totals, feeds: result.feeds }, null, 2)}\n`);
    else {
      io.stdout(result.feeds.map(formatReport).join('\n'));
      io.stdout(`\nTotal: ${totals.added} new articles appended to ${options.out} (${known.length + result.records.length} in all); ${totals.skipped} skipped, ${totals.failed} failed; ${result.feeds.length - totals.feedsFailed} of ${result.feeds.length} feeds read.\n`);
    }
    return totals.feedsFailed === result.feeds.length ? 1 : 0;
  } catch (error) {
    if (error instanceof FeedListError || error instanceof CorpusInputError) {
      io.stderr(`parallax corpus fetch: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
