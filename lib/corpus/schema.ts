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

/** One failing field of a record (field null when the record as a whole is wrong). */
export interface FieldIssue {
  field: string | null;
  reason: string;
}

/** How a record is located: by line in JSONL, by position in a JSON array. */
export type RecordUnit = 'line' | 'record';

/** "file:3" for a JSONL line, "file record 3" for a JSON array element, "file" for the whole file. */
export function recordLocation(file: string, position: number | null, unit: RecordUnit = 'line'): string {
  if (position === null || position === 0) return file;
  return unit === 'line' ? `${file}:${position}` : `${file} record ${position}`;
}

/** Every failing field, in the order the format lists them: `field "x": reason; field "y": reason`. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.field ? `field "${i.field}": ${i.reason}` : i.reason)).join('; ');
}

/** Bad corpus input, located precisely enough to fix it, with every failing field. */
export class CorpusInputError extends Error {
  readonly issues: FieldIssue[];
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly reason: string,
    issues?: FieldIssue[],
    readonly unit: RecordUnit = 'line',
  ) {
    const all = issues?.length ? issues : [{ field, reason }];
    super(`${recordLocation(file, line, unit)}: ${describeIssues(all)}`);
    this.name = 'CorpusInputError';
    this.issues = all;
  }
}

export interface SkippedLine {
  file: string;
  /** 1-based line (JSONL) or record (JSON array); 0 for the whole file. */
  line: number;
  unit: RecordUnit;
  /** The first failing field and its reason (all of them are in `issues`). */
  field: string | null;
  reason: string;
  issues: FieldIssue[];
}

export interface ParsedCorpusFile {
  format: 'jsonl' | 'json';
  records: CorpusRecord[];
  /** Line (JSONL) or record (JSON array) number of each record, parallel to `records`. */
  positions: number[];
  skipped: SkippedLine[];
}

function describeIssue(issue: v.BaseIssue<unknown>): FieldIssue {
  const field = issue.path?.map((p) => String(p.key)).join('.') ?? null;
  if (issue.kind === 'schema' && issue.received === 'undefined' && field) return { field, reason: 'is required' };
  return { field, reason: issue.message };
}

/** Every failing field, the first reason of each (a field's later checks repeat it). */
function fieldIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  const byField = new Map<string | null, FieldIssue>();
  for (const issue of issues) {
    const described = describeIssue(issue);
    if (!byField.has(described.field)) byField.set(described.field, described);
  }
  return [...byField.values()];
}

/** Validates one record; throws CorpusInputError located at `file:line` naming every failing field. */
export function validateRecord(value: unknown, file: string, line: number, unit: RecordUnit = 'line'): CorpusRecord {
  const result = v.safeParse(CorpusRecordSchema, value);
  if (result.success) return result.output;
  const issues = fieldIssues(result.issues);
  throw new CorpusInputError(file, line, issues[0]!.field, issues[0]!.reason, issues, unit);
}

/** A JSON array when the file's first non-blank character is "[", JSONL otherwise (as the options page reads files). */
export function detectFormat(text: string): 'jsonl' | 'json' {
  return /^\s*\[/.test(text.replace(/^\uFEFF/, '')) ? 'json' : 'jsonl';
}

/**
 * Parses corpus text: JSONL (blank lines allowed) or a JSON array of the same records, as the
 * options page accepts. Duplicate ids within the file are an error (ids across files are checked
 * by the compiler). With `skipInvalid`, bad records are reported in `skipped` (every failing
 * field of each) instead of thrown; nothing in the text can make it throw anything else.
 */
export function parseCorpusFile(text: string, file: string, options: { skipInvalid?: boolean } = {}): ParsedCorpusFile {
  const source = text.replace(/^\uFEFF/, '');
  const format = detectFormat(source);
  const unit: RecordUnit = format === 'json' ? 'record' : 'line';
  const records: CorpusRecord[] = [];
  const positions: number[] = [];
  const skipped: SkippedLine[] = [];
  const seen = new Map<string, number>();
  const fail = (position: number, issues: FieldIssue[]) => {
    const error = new CorpusInputError(file, position, issues[0]!.field, issues[0]!.reason, issues, unit);
    if (!options.skipInvalid) throw error;
    skipped.push({ file, line: position, unit, field: error.field, reason: error.reason, issues });
  };
  const add = (value: unknown, position: number) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(position, [{ field: null, reason: 'must be a JSON object' }]);
    const result = v.safeParse(CorpusRecordSchema, value);
    if (!result.success) return fail(position, fieldIssues(result.issues));
    const record = result.output;
    const first = seen.get(record.id);
    if (first !== undefined) return fail(position, [{ field: 'id', reason: `duplicate id "${record.id}" (first on ${unit} ${first})` }]);
    seen.set(record.id, position);
    records.push(record);
    positions.push(position);
  };
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      fail(0, [{ field: null, reason: `starts like a JSON array but is not valid JSON (${(error as Error).message})` }]);
      return { format, records, positions, skipped };
    }
    if (!Array.isArray(parsed)) fail(0, [{ field: null, reason: 'expected a JSON array of records' }]);
    else parsed.forEach((value, i) => add(value, i + 1));
    return { format, records, positions, skipped };
  }
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      fail(i + 1, [{ field: null, reason: `not valid JSON (${(error as Error).message})` }]);
      continue;
    }
    add(value, i + 1);
  }
  return { format, records, positions, skipped };
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
