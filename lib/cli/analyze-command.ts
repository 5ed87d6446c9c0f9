// `parallax analyze FILE [--corpus OUT] [--json]` and
// `parallax analyze --jsonl QUERIES.jsonl [--corpus OUT]` (batch output for researchers: the
// whole result of every query, one JSON line each)
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../analyze.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { parseCorpusFile } from '../corpus/schema.ts';
import type { AnalysisResult, ArticleInput } from '../result.ts';
import { articleFromHtml } from './extract-html.ts';
import { loadBundledCorpus, loadCorpusFile, readInputFile } from './inputs.ts';
import { EXIT_OK, EXIT_USAGE, InputError, UsageError, type Io } from './io.ts';

export const ANALYZE_USAGE = `Usage: parallax analyze FILE [--corpus OUT] [--json]
       parallax analyze --jsonl QUERIES.jsonl [--corpus OUT]

Finds the corpus articles that cover the same story as FILE (.html: the article is extracted
with Readability; .txt: plain text) and whether FILE is itself a corpus article.
With --jsonl, every record of QUERIES.jsonl (corpus format) is a query, and one JSON line is
written per query: its "id" and the whole result, as --json prints it for FILE: "self",
"stories" (each with its relation, "same-event", "related" or null, and daysApart),
"sentences", "facts", "omissions", "unique", "conflicts", "coverage", "related" (the related
coverage with the facts it shares) and "corpus".

Options:
  --corpus FILE   compiled corpus (parallax corpus build); default: the bundled corpus
  --json          print JSON instead of a report (--jsonl always writes JSON)
  --jsonl FILE    queries, one corpus record a line
  --top N         stories listed per query (default 20)
`;

function readArticle(file: string): ArticleInput {
  const ext = extname(file).toLowerCase();
  const html = ext === '.html' || ext === '.htm';
  if (!html && ext !== '.txt' && ext !== '.text' && ext !== '') throw new UsageError(`${file}: expected a .html or .txt file`);
  const text = readInputFile(file);
  if (html) return articleFromHtml(text, file);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new InputError(`${file}: the file has no text`);
  return { text };
}

function report(file: string, result: AnalysisResult): string {
  const lines = [`${file}: ${result.sentences.length} sentences, against ${result.corpus.name} (${result.corpus.articles} articles, ${result.corpus.outlets} outlets)`];
  if (result.self) {
    const versions = result.self.versions && result.self.versions.length > 1 ? ` (versions: ${result.self.versions.join(', ')})` : '';
    lines.push(`This is ${result.self.outlet ?? 'an unknown outlet'}'s article ${result.self.id}${versions}, ${Math.round(result.self.containment * 100)}% of its text matched.`);
  } else {
    lines.push('This article is not in the corpus.');
  }
  const same = result.stories.filter((s) => s.sameStory);
  lines.push(same.length ? `Same story in ${same.length} article${same.length === 1 ? '' : 's'}:` : 'No other article covers the same story.');
  for (const s of same) lines.push(`  ${s.score.toFixed(2)}  ${s.outlet ?? '(unknown outlet)'}${s.published ? `, ${s.published}` : ''}: ${s.title ?? s.id}`);
  lines.push(...relatedLines(result));
  const next = result.stories.filter((s) => s.relation === null).slice(0, 3);
  if (next.length) {
    lines.push('Closest other stories:');
    for (const s of next) lines.push(`  ${s.score.toFixed(2)}  ${s.outlet ?? '(unknown outlet)'}${s.published ? `, ${s.published}` : ''}: ${s.title ?? s.id}`);
  }
  lines.push(...factLines(result));
  return `${lines.join('\n')}\n`;
}

/** Sentences and lists are cut to what a terminal shows at a glance; --json has everything. */
const SHOWN = 5;
const QUOTE_CHARS = 100;

const quote = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : flat}"`;
};
const outletName = (outlet: string | null, articleId: string) => outlet ?? articleId;
const more = (shown: number, total: number) => (total > shown ? [`  … and ${total - shown} more (--json lists all)`] : []);

/** "32 days later", "3 days earlier", "the same day"; null when either date is unknown. */
export function timeApart(daysApart: number | null): string | null {
  if (daysApart === null) return null;
  if (daysApart === 0) return 'the same day';
  const n = Math.abs(daysApart);
  return `${n} day${n === 1 ? '' : 's'} ${daysApart > 0 ? 'later' : 'earlier'}`;
}

/** Related coverage: other occasions of the same subject (follow-ups, background), with the facts each shares with this article. */
function relatedLines(result: AnalysisResult): string[] {
  if (result.related.length === 0) return [];
  const lines = [`Related coverage (the same subject on another occasion): ${result.related.length} article${result.related.length === 1 ? '' : 's'}`];
  for (const r of result.related) {
    const when = [r.published, timeApart(r.daysApart)].filter(Boolean).join(', ');
    lines.push(`  ${r.score.toFixed(2)}  ${r.outlet ?? '(unknown outlet)'}${when ? ` (${when})` : ''}: ${r.title ?? r.id}`);
    if (r.facts.length) lines.push(`      shares ${r.facts.length} fact${r.facts.length === 1 ? '' : 's'} with this article:`);
    for (const fact of r.facts.slice(0, SHOWN)) lines.push(`      #${fact.sentence.index + 1} ${quote(fact.sentence.text)}`);
    if (r.facts.length > SHOWN) lines.push(`      … and ${r.facts.length - SHOWN} more (--json lists all)`);
  }
  return lines;
}

/** Fact alignment in brief: what others also report, disagree on, report without this article, and what only this article says. */
function factLines(result: AnalysisResult): string[] {
  if (!result.stories.some((s) => s.sameStory)) return [];
  const lines: string[] = [];
  const total = result.sentences.length;
  lines.push(`Facts other outlets also report: ${result.facts.length} of ${total} sentences`);
  for (const fact of result.facts.slice(0, SHOWN)) {
    const outlets = [...new Set(fact.passages.filter((p) => p.sameFact).map((p) => outletName(p.outlet, p.articleId)))];
    lines.push(`  #${fact.sentence.index + 1} ${quote(fact.sentence.text)}`);
    lines.push(`      also in: ${outlets.join(', ') || '(similar passages only)'}${fact.conflict ? ' (disagree on details)' : ''}`);
  }
  lines.push(...more(Math.min(SHOWN, result.facts.length), result.facts.length));
  if (result.conflicts.length) {
    lines.push(`Conflicts: ${result.conflicts.length}`);
    for (const c of result.conflicts.slice(0, SHOWN)) {
      lines.push(`  #${c.sentenceIndex + 1} ${c.kind}: "${c.thisValue}" here, "${c.otherValue}" in ${outletName(c.outlet, c.articleId)}`);
    }
    lines.push(...more(SHOWN, result.conflicts.length));
  } else {
    lines.push('Conflicts: none found');
  }
  lines.push(`Left out here, reported elsewhere: ${result.omissions.length}`);
  for (const o of result.omissions.slice(0, SHOWN)) {
    const outlets = [...new Set(o.reportedBy.map((r) => outletName(r.outlet, r.articleId)))];
    lines.push(`  ${quote(o.text)}`);
    lines.push(`      reported by: ${outlets.join(', ')}`);
  }
  lines.push(...more(SHOWN, result.omissions.length));
  lines.push(`Only in this article: ${result.unique.length} of ${total} sentences`);
  for (const u of result.unique.slice(0, SHOWN)) lines.push(`  #${u.index + 1} ${quote(u.text)}`);
  lines.push(...more(SHOWN, result.unique.length));
  return lines;
}

export async function runAnalyze(argv: string[], io: Io): Promise<number> {
  let values: { corpus?: string; json?: boolean; jsonl?: string; top?: string; help?: boolean };
  let positionals: string[];
  let top = 20;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { corpus: { type: 'string' }, json: { type: 'boolean' }, jsonl: { type: 'string' }, top: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    values = parsed.values;
    positionals = parsed.positionals;
    if (values.help) {
      io.stdout(ANALYZE_USAGE);
      return EXIT_OK;
    }
    if (values.top !== undefined) {
      top = Number(values.top);
      if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a positive whole number, not "${values.top}"`);
    }
    if (values.jsonl) {
      if (positionals.length) throw new UsageError('give either FILE or --jsonl QUERIES.jsonl, not both');
    } else if (positionals.length !== 1) {
      throw new UsageError(positionals.length ? `one FILE at a time (got ${positionals.length})` : 'no FILE given');
    }
  } catch (error) {
    io.stderr(`parallax analyze: ${(error as Error).message}\n\n${ANALYZE_USAGE}`);
    return EXIT_USAGE;
  }
  const loadChosenCorpus = (): Corpus => (values.corpus ? loadCorpusFile(values.corpus) : loadBundledCorpus((message) => io.stderr(`warning: ${message}\n`)));

  if (values.jsonl) {
    const corpus = loadChosenCorpus();
    // Every record is checked before the first line is written: a bad record stops the run
    // with its line number instead of leaving a half-written output.
    const { records } = parseCorpusFile(readInputFile(values.jsonl), values.jsonl);
    for (const record of records) {
      const result = analyze(record, corpus, { limit: top });
      io.stdout(`${JSON.stringify({ id: record.id, ...result })}\n`);
    }
    return EXIT_OK;
  }

  const file = positionals[0]!;
  let article: ArticleInput;
  try {
    article = readArticle(file);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`parallax analyze: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const result = analyze(article, loadChosenCorpus(), { limit: top });
  io.stdout(values.json ? `${JSON.stringify(result)}\n` : report(file, result));
  return EXIT_OK;
}
