import type { SourceState } from '@/lib/feeds/sources';
import { SourceText, withoutBidiControls } from '@/components/shared/SourceText';

function when(iso: string | null): string {
  if (!iso) return 'never fetched';
  return `fetched ${new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}`;
}

/** One followed feed: what it gave, when, and what went wrong. */
export function SourceRow({ source, allowed, busy, onRemove, onAllow }: { source: SourceState; allowed: boolean; busy: boolean; onRemove: () => void; onAllow: () => void }) {
  const name = source.title ?? source.url;
  // The buttons' labels name the feed too, and an attribute holds no <bdi>: its controls go.
  const spoken = withoutBidiControls(name);
  return (
    <li class="corpus feed" data-testid="feed" data-url={source.url}>
      <div class="corpus-main">
        <strong><SourceText text={name} /></strong>
        {!allowed && <span class="tag tag-warn">Not allowed</span>}
      </div>
      {source.title && <span class="mono feed-url"><SourceText text={source.url} /></span>}
      <span class="corpus-counts">
        <span data-testid="feed-fetched">{when(source.lastFetched)}</span>
        <span data-testid="feed-articles">
          {source.articles} article{source.articles === 1 ? '' : 's'}
          {source.lastFetched ? ` (+${source.lastAdded} last time)` : ''}
        </span>
      </span>
      {(source.lastError || source.lastFailures.length > 0) && (
        <details class="feed-problems" data-testid="feed-error">
          <summary class="text-error">{source.lastError ?? `${source.lastFailures.length} article${source.lastFailures.length === 1 ? '' : 's'} could not be read`}</summary>
          {source.lastFailures.length > 0 && (
            <ul>
              {source.lastFailures.map((f) => (
                <li key={f.url}>
                  <span class="mono"><SourceText text={f.url} /></span>: <SourceText text={f.reason} />
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
      <span class="feed-buttons">
        {!allowed && (
          <button type="button" class="btn" onClick={onAllow} aria-label={`Allow Parallax to read ${spoken}`}>
            Allow
          </button>
        )}
        <button type="button" class="btn btn-danger" disabled={busy} onClick={onRemove} aria-label={`Remove ${spoken}`}>
          Remove
        </button>
      </span>
    </li>
  );
}
