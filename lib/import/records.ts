// Validation of a user's corpus file before import: JSONL (one record a line) or a JSON array of
// the same records, in the corpus format of the project's README:
//   {"id": str, "outlet": str|null, "url"?: str, "title"?: str, "published"?: "YYYY-MM-DD",
//    "text": str, "story"?: str}
// Every bad record is reported with where it is and why; nothing is dropped silently, and the
// caller decides whether to import the valid records.
import * as v from 'valibot';
import { CorpusRecordSchema, detectFormat, MAX_TEXT_CHARS, type CorpusRecord } from '../corpus/schema.ts';

// One rule for telling JSONL from a JSON array, shared with `parallax corpus build`.
export { detectFormat, MAX_TEXT_CHARS };

/** A record of the corpus format, as the compiler takes it. */
export type ImportRecord = CorpusRecord;

/** An imported corpus as the options page lists it. */
export interface ImportedCorpus {
  id: string;
  name: string;
  fileName: string;
  /** ISO date-time of the import. */
  importedAt: string;
  summary: {
    name: string;
    articles: number;
    outlets: number;
    firstPublished: string | null;
    lastPublished: string | null;
  };
}

export interface ImportProblem {
  /** "line 3" in JSONL, "record 3" in a JSON array, "file" when the whole file is unreadable. */
  where: string;
  /** 1-based line (JSONL) or record (JSON array) number; 0 for the whole file. */
  position: number;
  /** The record's id when it has a readable one. */
  id?: string;
  reason: string;
}

export interface ImportReport {
  format: 'jsonl' | 'json';
  /** Records found (valid + invalid), blank lines not counted. */
  total: number;
  records: ImportRecord[];
  /** Where each record is in the file, parallel to `records`: [where, position]. */
  locations: [string, number][];
  problems: ImportProblem[];
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const key = issue.path?.map((p) => String(p.key)).join('.');
  // valibot's default message for a missing key is generic; name the field instead.
  if (issue.kind === 'schema' && issue.input === undefined && key) return `"${key}" is missing`;
  return key ? `"${key}" ${issue.message}` : issue.message;
}

/** Checks one parsed value against the record format; returns the clean record or the reasons. */
export function checkRecord(value: unknown): { record: ImportRecord } | { reasons: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reasons: [`expected a JSON object, found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`] };
  }
  const result = v.safeParse(CorpusRecordSchema, value);
  if (!result.success) return { reasons: result.issues.map(describeIssue) };
  const out = result.output;
  const record: ImportRecord = { id: out.id, outlet: out.outlet, text: out.text };
  if (out.url !== undefined) record.url = out.url;
  if (out.title !== undefined) record.title = out.title;
  if (out.published !== undefined) record.published = out.published;
  if (out.story !== undefined) record.story = out.story;
  return { record };
}

function readableId(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string' && id.trim()) return id.trim();
  }
  return undefined;
}

/** Incremental checker: feed entries in order, read the report at the end. */
export class ImportValidator {
  readonly records: ImportRecord[] = [];
  readonly locations: [string, number][] = [];
  readonly problems: ImportProblem[] = [];
  total = 0;
  private readonly firstSeen = new Map<string, string>();

  constructor(readonly format: 'jsonl' | 'json') {}

  private unit(position: number): string {
    return `${this.format === 'jsonl' ? 'line' : 'record'} ${position}`;
  }

  /** A JSONL line (raw text); blank lines are skipped. */
  addLine(line: string, position: number): void {
    if (!line.trim()) return;
    this.total += 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      this.problems.push({ where: this.unit(position), position, reason: `not valid JSON (${(error as Error).message})` });
      return;
    }
    this.addValue(value, position, false);
  }

  /** An already parsed entry (a JSON array element, or a parsed line). */
  addValue(value: unknown, position: number, count = true): void {
    if (count) this.total += 1;
    const where = this.unit(position);
    const id = readableId(value);
    const checked = checkRecord(value);
    if ('reasons' in checked) {
      this.problems.push({ where, position, ...(id ? { id } : {}), reason: checked.reasons.join('; ') });
      return;
    }
    const first = this.firstSeen.get(checked.record.id);
    if (first) {
      this.problems.push({ where, position, id: checked.record.id, reason: `duplicate id "${checked.record.id}" (first used on ${first})` });
      return;
    }
    this.firstSeen.set(checked.record.id, where);
    this.records.push(checked.record);
    this.locations.push([where, position]);
  }

  /** A problem with the whole file. */
  addFileProblem(reason: string): void {
    this.problems.push({ where: 'file', position: 0, reason });
  }

  report(): ImportReport {
    return { format: this.format, total: this.total, records: this.records, locations: this.locations, problems: this.problems };
  }
}

export interface ValidateOptions {
  /** Entries checked between two pauses (and progress reports). */
  chunkSize?: number;
  /** Called after each chunk with entries done and (for JSONL, an estimate) entries in all. */
  onProgress?: (done: number, total: number) => void;
  /** Lets the caller's event loop breathe between chunks; default: a zero-delay timer. */
  pause?: () => Promise<void>;
  signal?: AbortSignal;
}

const defaultPause = () => new Promise<void>((done) => setTimeout(done, 0));

/**
 * Validates a whole corpus file in chunks so a page stays responsive on large files.
 * Throws only when `signal` is aborted (with its reason).
 */
export async function validateCorpusFile(text: string, options: ValidateOptions = {}): Promise<ImportReport> {
  const { chunkSize = 500, onProgress, pause = defaultPause, signal } = options;
  const source = text.replace(/^\uFEFF/, '');
  const format = detectFormat(source);
  const validator = new ImportValidator(format);
  if (!source.trim()) {
    validator.addFileProblem('the file is empty');
    return validator.report();
  }
  let entries: { kind: 'line'; text: string }[] | { kind: 'value'; value: unknown }[];
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      validator.addFileProblem(`the file starts like a JSON array but is not valid JSON (${(error as Error).message})`);
      return validator.report();
    }
    if (!Array.isArray(parsed)) {
      validator.addFileProblem('expected a JSON array of records');
      return validator.report();
    }
    entries = parsed.map((value) => ({ kind: 'value' as const, value }));
  } else {
    entries = source.split(/\r?\n/).map((line) => ({ kind: 'line' as const, text: line }));
  }
  const all = entries.length;
  for (let i = 0; i < all; i += 1) {
    const entry = entries[i]!;
    if (entry.kind === 'line') validator.addLine(entry.text, i + 1);
    else validator.addValue(entry.value, i + 1);
    if ((i + 1) % chunkSize === 0 && i + 1 < all) {
      onProgress?.(i + 1, all);
      await pause();
      signal?.throwIfAborted();
    }
  }
  onProgress?.(all, all);
  return validator.report();
}

/** Article count, outlet count and date range of valid records, for the import summary. */
export function summarizeRecords(records: readonly ImportRecord[]): {
  articles: number;
  outlets: number;
  firstPublished: string | null;
  lastPublished: string | null;
} {
  const outlets = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of records) {
    if (r.outlet) outlets.add(r.outlet);
    if (r.published) {
      if (first === null || r.published < first) first = r.published;
      if (last === null || r.published > last) last = r.published;
    }
  }
  return { articles: records.length, outlets: outlets.size, firstPublished: first, lastPublished: last };
}
