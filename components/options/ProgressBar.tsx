import { SourceText, withoutBidiControls } from '@/components/shared/SourceText';

/** `label`, then `name` (a file's, from anywhere: isolated so its direction cannot reorder the label). */
export function ProgressBar({ label, name, done, total }: { label: string; name?: string; done: number; total: number }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div class="progress-row" data-testid="import-progress">
      <span>
        {label}
        {name !== undefined && (
          <>
            {' '}
            <SourceText text={name} />
          </>
        )}
      </span>
      <progress max={1} value={share} aria-label={name === undefined ? label : `${label} ${withoutBidiControls(name)}`} />
      <span class="muted num">{share >= 1 ? 'finishing…' : `${Math.round(share * 100)}%`}</span>
    </div>
  );
}
