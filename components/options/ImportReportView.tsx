import type { ImportReport } from '@/lib/import/records';
import { summarizeRecords } from '@/lib/import/records';
import { formatDateRange, plural } from '@/components/shared/format';
import { SourceText } from '@/components/shared/SourceText';

const SHOWN_PROBLEMS = 200;

/** What the check found: the valid records' summary and every problem with where and why. */
export function ImportReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  const summary = summarizeRecords(report.records);
  const range = formatDateRange(summary.firstPublished, summary.lastPublished);
  const hidden = report.problems.length - SHOWN_PROBLEMS;
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
              {report.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <tr key={i} data-testid="import-problem">
                  <td class="nowrap">{p.where}</td>
                  <td class="mono">{p.id ?? '—'}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hidden > 0 && <p class="muted">…and {plural(hidden, 'more problem')} of the same kinds. Fix the file and check it again to see them.</p>}
        </div>
      )}
    </div>
  );
}
