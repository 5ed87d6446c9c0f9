import { useState } from 'preact/hooks';
import type { ImportProblem, ImportReport } from '@/lib/import/records';
import { summarizeRecords } from '@/lib/import/records';
import { formatDateRange, plural } from '@/components/shared/format';
import { SourceText } from '@/components/shared/SourceText';

/** Problems shown at once; every one is reachable through the pages and the download. */
export const PROBLEMS_PER_PAGE = 100;

const tsvField = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/** Every problem as tab-separated text (where, id, why), for the download. */
export function problemsTsv(problems: readonly ImportProblem[]): string {
  return `where\tid\twhy\n${problems.map((p) => `${tsvField(p.where)}\t${tsvField(p.id ?? '')}\t${tsvField(p.reason)}\n`).join('')}`;
}

/** What the check found: the valid records' summary and every problem with where and why, a page at a time. */
export function ImportReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  const summary = summarizeRecords(report.records);
  const range = formatDateRange(summary.firstPublished, summary.lastPublished);
  const [page, setPage] = useState(0);
  const count = report.problems.length;
  const pages = Math.max(1, Math.ceil(count / PROBLEMS_PER_PAGE));
  const first = Math.min(page, pages - 1) * PROBLEMS_PER_PAGE;
  const shown = report.problems.slice(first, first + PROBLEMS_PER_PAGE);
  // Built when the link is used: a report can hold hundreds of thousands of problems.
  const download = (event: Event) => {
    const link = event.currentTarget as HTMLAnchorElement;
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([problemsTsv(report.problems)], { type: 'text/tab-separated-values' }));
  };
  return (
    <div class="report" data-testid="import-report">
      <p class="report-summary">
        <strong><SourceText text={fileName} /></strong>: {plural(report.total, 'record')} read ({report.format === 'json' ? 'JSON array' : 'JSON Lines'}).{' '}
        <span class="ok" data-testid="import-valid-count">
          {plural(summary.articles, 'valid record')}
        </span>
        {summary.articles > 0 && (
          <span class="muted">
            {' '}
            from {plural(summary.outlets, 'outlet')}
            {range ? `, ${range}` : ''}
          </span>
        )}
        {report.problems.length > 0 && (
          <>
            {', '}
            <span class="text-error" data-testid="import-problem-count">
              {plural(report.problems.length, 'problem')}
            </span>
          </>
        )}
        .
      </p>
      {report.problems.length > 0 && (
        <div class="problems-wrap">
          <table class="problems" data-testid="import-problems">
            <caption class="sr-only">Records that cannot be imported, and why</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Id</th>
                <th scope="col">Why it can’t be imported</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p, i) => (
                <tr key={first + i} data-testid="import-problem">
                  <td class="nowrap">{p.where}</td>
                  <td class="mono">{p.id ? <SourceText text={p.id} /> : '—'}</td>
                  <td>
                    <SourceText text={p.reason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {count > PROBLEMS_PER_PAGE && (
        <nav class="problem-pages" aria-label="Pages of problems">
          <button type="button" class="btn" data-testid="problems-previous" disabled={first === 0} onClick={() => setPage(first / PROBLEMS_PER_PAGE - 1)}>
            Previous
          </button>
          <span data-testid="problems-range" aria-live="polite">
            Problems {(first + 1).toLocaleString('en')}–{(first + shown.length).toLocaleString('en')} of {count.toLocaleString('en')}
          </span>
          <button type="button" class="btn" data-testid="problems-next" disabled={first + PROBLEMS_PER_PAGE >= count} onClick={() => setPage(first / PROBLEMS_PER_PAGE + 1)}>
            Next
          </button>
        </nav>
      )}
      {count > 0 && (
        <p>
          <a href="#" data-testid="problems-download" download={`${fileName.replace(/\.[^.]*$/, '')}-problems.tsv`} onClick={download}>
            Download all {plural(count, 'problem')}
          </a>{' '}
          <span class="muted">(tab-separated: where, id, why)</span>
        </p>
      )}
    </div>
  );
}
