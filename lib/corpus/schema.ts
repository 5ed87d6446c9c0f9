// Corpus records (one JSON object a line, see ../shared/README.md) validated with valibot.
// A bad record is never dropped silently: parsing either throws a CorpusInputError naming the
// file, line and field, or (skipInvalid) returns every skipped line with its reason.
import * as v from 'valibot';

/** Longer texts are not articles (a whole book, a dump pasted by mistake). */
export const MAX_TEXT_CHARS = 2_000_000;

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isoDate = v.pipe(
  v.string('must be a string'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  v.check(isRealDate, 'is not a real calendar date'),
);

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * One record of the corpus format, for every way records arrive (the compiler, a user's import,
 * fetched feeds): a file `parallax corpus build` accepts is one the options page imports. Messages
 * leave the field out; each reader puts it where its reports need it.
 */
export const CorpusRecordSchema = v.object({
  id: v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('is empty')),
  outlet: v.nullable(v.pipe(v.string('must be a string or null'), v.trim(), v.nonEmpty('is empty (use null when unknown)'))),
  url: v.optional(v.pipe(v.string('must be a string'), v.check(isWebUrl, 'is not an http(s) address'))),
  title: v.optional(v.string('must be a string')),
  published: v.optional(isoDate),
  text: v.pipe(
    v.string('must be a string'),
    v.check((t) => t.trim().length > 0, 'is empty'),
    // The compiler needs words to fingerprint; punctuation alone is not an article.
    v.check((t) => !t.trim() || /[\p{L}\p{N}]/u.test(t), 'has no words'),
    v.maxLength(MAX_TEXT_CHARS, `is longer than ${MAX_TEXT_CHARS.toLocaleString('en')} characters`),
  ),
  story: v.optional(v.string('must be a string')),
});

export type CorpusRecord = v.InferOutput<typeof CorpusRecordSchema>;

/** Bad corpus input, located precisely enough to fix it. */
export class CorpusInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}${field ? `: field "${field}"` : ''}: ${reason}`);
    this.name = 'CorpusInputError';
  }
}

export interface SkippedLine {
  file: string;
  line: number;
  field: string | null;
  reason: string;
}

export interface ParsedCorpusFile {
  records: CorpusRecord[];
  skipped: SkippedLine[];
}

function describeIssue(issue: v.BaseIssue<unknown>): { field: string | null; reason: string } {
  const field = issue.path?.map((p) => String(p.key)).join('.') ?? null;
  if (issue.kind === 'schema' && issue.received === 'undefined' && field) return { field, reason: 'is required' };
  return { field, reason: issue.message };
}

/** Validates one record; throws CorpusInputError located at `file:line`. */
export function validateRecord(value: unknown, file: string, line: number): CorpusRecord {
  const result = v.safeParse(CorpusRecordSchema, value);
  if (result.success) return result.output;
  const { field, reason } = describeIssue(result.issues[0]);
  throw new CorpusInputError(file, line, field, reason);
}

/**
 * Parses JSONL corpus text. Blank lines are allowed. Duplicate ids within the file are an error
 * (ids across files are checked by the compiler). With `skipInvalid`, bad lines are reported in
 * `skipped` instead of thrown.
 */
export function parseCorpusJsonl(text: string, file: string, options: { skipInvalid?: boolean } = {}): ParsedCorpusFile {
  const records: CorpusRecord[] = [];
  const skipped: SkippedLine[] = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const line = i + 1;
    try {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new CorpusInputError(file, line, null, `not valid JSON (${(error as Error).message})`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new CorpusInputError(file, line, null, 'must be a JSON object');
      }
      const record = validateRecord(value, file, line);
      const first = seen.get(record.id);
      if (first !== undefined) throw new CorpusInputError(file, line, 'id', `duplicate id "${record.id}" (first on line ${first})`);
      seen.set(record.id, line);
      records.push(record);
    } catch (error) {
      if (!(error instanceof CorpusInputError) || !options.skipInvalid) throw error;
      skipped.push({ file, line, field: error.field, reason: error.reason });
    }
  }
  return { records, skipped };
}

const ManifestSchema = v.object({
  documents: v.array(
    v.object({
      file: v.pipe(v.string(), v.nonEmpty()),
      outlet: v.nullable(v.string()),
      url: v.optional(v.nullable(v.string())),
      title: v.optional(v.nullable(v.string())),
      published: v.optional(v.nullable(isoDate)),
    }),
  ),
});

/**
 * Turns the seed folder (plain text files described by manifest.json) into corpus records.
 * `readText(file)` returns a file's contents; ids are the file names without ".txt".
 */
export function recordsFromManifest(manifest: unknown, readText: (file: string) => string, manifestFile = 'manifest.json'): CorpusRecord[] {
  const result = v.safeParse(ManifestSchema, manifest);
  if (!result.success) {
    const { field, reason } = describeIssue(result.issues[0]);
    throw new CorpusInputError(manifestFile, null, field, reason);
  }
  return result.output.documents.map((doc, index) => {
    const text = readText(doc.file);
    const record = {
      id: doc.file.replace(/\.txt$/, ''),
      outlet: doc.outlet,
      ...(doc.url ? { url: doc.url } : {}),
      ...(doc.title ? { title: doc.title } : {}),
      ...(doc.published ? { published: doc.published } : {}),
      text,
    };
    try {
      return validateRecord(record, doc.file, 1);
    } catch (error) {
      if (error instanceof CorpusInputError) throw new CorpusInputError(manifestFile, null, `documents.${index}.${error.field ?? 'file'}`, `${doc.file}: ${error.reason}`);
      throw error;
    }
  });
}
