import { nearQuota, quotaShare } from '@/utils/corpus-storage/quota';
import type { StorageReport } from './types';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** What the stored corpus takes, what the browser allows, and a clear word when space runs out. */
export function StoragePanel({ report, error }: { report: StorageReport | null; error: string | null }) {
  if (error) return <p class="text-error" data-testid="storage-use">Storage use could not be read: {error}</p>;
  if (!report) return <p class="muted" data-testid="storage-use">Reading storage use…</p>;
  const share = quotaShare(report);
  const near = nearQuota(report);
  return (
    <div class="storage" data-testid="storage">
      <p class="storage-line" data-testid="storage-use">
        Stored corpora: <strong>{formatBytes(report.corpusBytes)}</strong> for {report.articles.toLocaleString('en-GB')} {report.articles === 1 ? 'article' : 'articles'}.{' '}
        {share !== null ? (
          <>
            Parallax uses {formatBytes(report.usage!)} of the {formatBytes(report.quota!)} this browser allows it ({share < 0.01 ? 'under 1%' : `${Math.round(share * 100)}%`}).
          </>
        ) : (
          'This browser does not say how much space it allows.'
        )}
      </p>
      {share !== null && (
        <div class={`storage-meter${near ? ' is-near' : ''}`} role="meter" aria-label="Storage used" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
          <span style={{ width: `${Math.min(100, Math.max(0.5, share * 100)).toFixed(1)}%` }} />
        </div>
      )}
      {near && (
        <p class="notice notice-error" role="alert" data-testid="storage-near-quota">
          Storage is nearly full ({Math.round(share! * 100)}% used). When it is full, new articles from your feeds and new imports cannot be saved (what you have stays). Keep fewer
          articles or fewer days under Sources, or remove an import you no longer need.
        </p>
      )}
      {report.problem && (
        <p class="notice notice-error" role="alert" data-testid="storage-problem">
          {new Date(report.problem.at).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}: {report.problem.message}
        </p>
      )}
    </div>
  );
}
