// The first refresh of the chosen feeds, as it happens: which phase, how far, and when it ends,
// what each feed gave (articles added) or why it gave nothing (failures with their reasons).
import type { RefreshState, SourceState } from '@/lib/feeds/sources';

const PHASES: Record<RefreshState['phase'], string> = {
  feeds: 'Reading the feeds',
  articles: 'Fetching and reading the articles',
  saving: 'Adding them to your corpus',
  done: 'Done',
  failed: 'Failed',
  stopped: 'Stopped',
};

export interface FirstRefreshProps {
  /** The refresh this page started (null until the background reports it). */
  state: RefreshState | null;
  /** The feeds chosen here, as stored (with each one's last report). */
  feeds: SourceState[];
  onStop: () => void;
}

export function FirstRefresh({ state, feeds, onStop }: FirstRefreshProps) {
  const running = !state || state.running;
  const share = state && state.total > 0 ? Math.min(1, state.done / state.total) : 0;
  const fetched = feeds.filter((f) => f.lastFetched && !f.lastError);
  const failed = feeds.filter((f) => f.lastError);
  const pageFailures = feeds.flatMap((f) => f.lastFailures.map((p) => ({ feed: f.title ?? f.url, ...p })));
  // Articles older than the Sources retention window are read but not kept: say so, never hide it.
  const kept = feeds.reduce((sum, f) => sum + f.articles, 0);
  const notKept = Math.max(0, (state?.added ?? 0) - kept);
  return (
    <section class="card first-refresh" aria-labelledby="refresh-title" data-testid="first-refresh">
      <h2 id="refresh-title">Fetching your sources’ news</h2>
      <div role="status" aria-live="polite" data-testid="refresh-progress" data-phase={state?.phase ?? 'starting'}>
        {running ? (
          <>
            <p class="refresh-phase">
              {state ? `${PHASES[state.phase]}: ${state.done} of ${state.total}` : 'Starting…'}
            </p>
            <progress max={1} value={share} aria-label="Refresh progress" />
          </>
        ) : state.phase === 'done' ? (
          <p class="notice notice-ok" data-testid="refresh-summary">
            {`Feeds fetched: ${fetched.length} of ${feeds.length}. Articles added: ${state.added ?? 0}.`}
            {notKept > 0 ? ` ${notKept} of them ${notKept === 1 ? 'is' : 'are'} older than the retention window set under Sources and ${notKept === 1 ? 'was' : 'were'} not kept.` : ''}
            {failed.length + pageFailures.length > 0 ? ` Problems: ${failed.length} feed${failed.length === 1 ? '' : 's'}, ${pageFailures.length} article${pageFailures.length === 1 ? '' : 's'} (below).` : ''}
          </p>
        ) : (
          <p class="notice notice-error" data-testid="refresh-summary">
            {state.phase === 'stopped' ? `Stopped: ${state.error ?? 'the refresh was stopped'}. Your sources stay followed; refresh them under Sources in the options.` : `The refresh failed: ${state.error ?? 'unknown error'}`}
          </p>
        )}
      </div>
      {running && (
        <button type="button" class="btn" onClick={onStop} data-testid="refresh-stop">
          Stop
        </button>
      )}
      {!running && state.phase === 'done' && (
        <ul class="refresh-feeds" data-testid="refresh-feeds">
          {feeds.map((feed) => (
            <li key={feed.url} data-testid="refresh-feed" data-url={feed.url} data-status={feed.lastError ? 'failed' : 'fetched'}>
              <strong>{feed.title ?? feed.url}</strong>{' '}
              {feed.lastError ? (
                <span class="text-conflict" data-testid="refresh-feed-error">
                  failed: {feed.lastError}
                </span>
              ) : (
                <span class="muted">+{feed.lastAdded} article{feed.lastAdded === 1 ? '' : 's'}</span>
              )}
              {feed.lastFailures.length > 0 && (
                <ul class="refresh-failures">
                  {feed.lastFailures.map((f) => (
                    <li key={f.url} data-testid="refresh-page-failure">
                      <span class="failure-url">{f.url}</span>: {f.reason}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
