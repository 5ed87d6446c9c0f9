import { useState } from 'preact/hooks';
import type { ImportedCorpus } from '@/lib/import/records';
import type { CorpusSummary } from '@/lib/result';
import { formatDateRange, plural } from '@/components/shared/format';
import { SourceText, withoutBidiControls } from '@/components/shared/SourceText';

export interface CorpusListProps {
  bundled: CorpusSummary | null;
  bundledError: string | null;
  imports: readonly ImportedCorpus[];
  busy: boolean;
  onRemove: (corpus: ImportedCorpus) => void;
}

function Counts({ summary }: { summary: Pick<CorpusSummary, 'articles' | 'outlets' | 'firstPublished' | 'lastPublished'> }) {
  const range = formatDateRange(summary.firstPublished, summary.lastPublished);
  return (
    <span class="corpus-counts">
      <span>{plural(summary.articles, 'article')}</span>
      <span>{plural(summary.outlets, 'outlet')}</span>
      <span>{range ?? 'no dates'}</span>
    </span>
  );
}

/** The corpora Parallax compares articles with: the bundled one first, then the user's imports. */
export function CorpusList({ bundled, bundledError, imports, busy, onRemove }: CorpusListProps) {
  // Removing throws away the user's import: ask once, in place.
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <ul class="corpora" data-testid="corpora">
      <li class="corpus" data-testid="corpus-bundled">
        <div class="corpus-main">
          <strong>{bundled ? bundled.name : 'Bundled corpus'}</strong>
          <span class="tag">Bundled</span>
        </div>
        {bundled ? <Counts summary={bundled} /> : <span class={bundledError ? 'text-error' : 'muted'}>{bundledError ?? 'Loading…'}</span>}
      </li>
      {imports.map((c) => (
        <li key={c.id} class="corpus" data-testid="corpus-imported" data-name={c.name}>
          <div class="corpus-main">
            <strong><SourceText text={c.name} /></strong>
            <span class="tag tag-import">Imported {new Date(c.importedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}</span>
          </div>
          <Counts summary={c.summary} />
          {confirming === c.id ? (
            <span class="corpus-confirm" role="group" aria-label={`Remove ${withoutBidiControls(c.name)}?`}>
              <button
                type="button"
                class="btn btn-danger"
                data-testid="corpus-remove-confirm"
                disabled={busy}
                onClick={() => {
                  setConfirming(null);
                  onRemove(c);
                }}
              >
                Remove it
              </button>
              <button type="button" class="btn" onClick={() => setConfirming(null)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" class="btn btn-danger" data-testid="corpus-remove" disabled={busy} onClick={() => setConfirming(c.id)} aria-label={`Remove ${withoutBidiControls(c.name)}`}>
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
