// The corpus the extension searches once the user has imported their own: the bundled corpus's
// articles and every import's records, compiled together by the engine's compiler so document
// frequencies, versions and LSH buckets span all of them. Compilation is chunked so an extension
// page (the options page) shows progress and stays responsive.
import { CorpusBuilder, type Corpus, type CorpusData, type CorpusRecord } from '../corpus/index.ts';
import type { ImportProblem, ImportRecord, ImportReport } from './records.ts';

export interface NamedRecords {
  name: string;
  records: readonly ImportRecord[];
}

/** A compiled corpus's articles back as records (the artifact keeps texts and metadata). */
export function corpusRecords(corpus: Corpus): CorpusRecord[] {
  const records: CorpusRecord[] = [];
  for (let i = 0; i < corpus.indexEnd; i++) {
    if (corpus.isRemoved(i)) continue;
    const a = corpus.article(i);
    const record: CorpusRecord = { id: a.id, outlet: a.outlet, text: corpus.text(i) };
    if (a.title) record.title = a.title;
    if (a.url) record.url = a.url;
    if (a.published) record.published = a.published;
    records.push(record);
  }
  return records;
}

export function combinedName(bundledName: string, imports: readonly { name: string }[]): string {
  return [bundledName, ...imports.map((i) => i.name)].join(' + ');
}

/**
 * Moves records whose id another corpus already uses into the problems: ids identify articles
 * across the whole combined corpus, and a silent overwrite would lose one of them.
 */
export function rejectTakenIds(report: ImportReport, takenBy: ReadonlyMap<string, string>): ImportReport {
  const records: ImportRecord[] = [];
  const locations: [string, number][] = [];
  const problems: ImportProblem[] = [...report.problems];
  report.records.forEach((record, i) => {
    const location = report.locations[i] ?? [`record ${i + 1}`, i + 1];
    const owner = takenBy.get(record.id);
    if (owner === undefined) {
      records.push(record);
      locations.push(location);
    } else {
      problems.push({ where: location[0], position: location[1], id: record.id, reason: `id "${record.id}" is already used by the ${owner} corpus` });
    }
  });
  problems.sort((a, b) => a.position - b.position);
  return { ...report, records, locations, problems };
}

export interface CompileProgressOptions {
  /** Longest stretch of compiling between two pauses, in milliseconds. */
  sliceMs?: number;
  onProgress?: (done: number, total: number) => void;
  pause?: () => Promise<void>;
  signal?: AbortSignal;
}

const defaultPause = () => new Promise<void>((done) => setTimeout(done, 0));

/**
 * Compiles the bundled corpus plus imports into one corpus. Articles take a few milliseconds
 * each on a slow machine, so it pauses (and reports progress) by elapsed time, not by count.
 */
export async function compileCombined(bundled: Corpus, imports: readonly NamedRecords[], options: CompileProgressOptions = {}): Promise<CorpusData> {
  const { sliceMs = 30, onProgress, pause = defaultPause, signal } = options;
  const builder = new CorpusBuilder({ name: combinedName(bundled.name, imports), sources: [bundled.name, ...imports.map((i) => i.name)] });
  const all: { record: CorpusRecord; where: string }[] = corpusRecords(bundled).map((record) => ({ record, where: `${bundled.name}:${record.id}` }));
  for (const imp of imports) for (const record of imp.records) all.push({ record, where: `${imp.name}:${record.id}` });
  const total = all.length;
  let sliceStart = Date.now();
  for (let i = 0; i < total; i++) {
    const { record, where } = all[i]!;
    builder.add(record, where);
    if (Date.now() - sliceStart >= sliceMs && i + 1 < total) {
      onProgress?.(i + 1, total);
      await pause();
      signal?.throwIfAborted();
      sliceStart = Date.now();
    }
  }
  const data = builder.build();
  onProgress?.(total, total);
  return data;
}
