// Imported corpora joining the corpus the extension searches: each import is compiled into a
// segment of its own (utils/corpus-storage), searched with the bundled corpus and the others as
// one. What is left here: the combined corpus's name, ids another corpus already uses, and the
// progress options compiling takes.
import type { ImportProblem, ImportRecord, ImportReport } from './records.ts';

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
