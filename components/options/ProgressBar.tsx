export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div class="progress-row" data-testid="import-progress">
      <span>{label}</span>
      <progress max={1} value={share} aria-label={label} />
      <span class="muted num">{share >= 1 ? 'finishing…' : `${Math.round(share * 100)}%`}</span>
    </div>
  );
}
