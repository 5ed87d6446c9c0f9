// Options page, "Sources": the news feeds Parallax keeps a fresh corpus from. Adding a feed asks
// for access to its site (optional host permission) in the same click; refreshing happens in the
// background, on demand or on the schedule set here (off by default).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { feedListToOpml, parseFeedList } from '@/lib/feeds/feed-list';
import { addSource, DEFAULT_FEED_SETTINGS, INTERVAL_CHOICES, type FeedSettings, type RefreshState, type SourceState } from '@/lib/feeds/sources';
import { errorMessage } from '@/lib/error-message';
import { SourceText } from '@/components/shared/SourceText';
import { NoticeLine, type Notice } from '../Notice';
import { ProgressBar } from '../ProgressBar';
import type { SourcesApi } from './api';
import { browserSourcesApi } from './browser-api';
import { SourceRow } from './SourceRow';
import './sources.css';

const INTERVAL_LABELS: Record<number, string> = { 0: 'Off (refresh by hand)', 60: 'Every hour', 180: 'Every 3 hours', 360: 'Every 6 hours', 720: 'Every 12 hours', 1440: 'Once a day' };
const PHASES: Record<RefreshState['phase'], string> = { feeds: 'Reading feeds', articles: 'Fetching articles', saving: 'Updating the corpus', done: 'Done', failed: 'Failed', stopped: 'Stopped' };

export function SourcesSection({ api = browserSourcesApi }: { api?: SourcesApi }) {
  const [sources, setSources] = useState<SourceState[]>([]);
  const [allowed, setAllowed] = useState<Record<string, boolean>>({});
  const [settings, setSettings] = useState<FeedSettings>(DEFAULT_FEED_SETTINGS);
  const [refresh, setRefresh] = useState<RefreshState | null>(null);
  const [url, setUrl] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(async () => {
    const [list, state] = await Promise.all([api.loadSources(), api.loadRefreshState()]);
    setSources(list);
    setRefresh(state);
    const access: Record<string, boolean> = {};
    for (const source of list) access[source.url] = await api.hasHost(source.url).catch(() => false);
    setAllowed(access);
  }, [api]);

  useEffect(() => {
    void reload();
    api.loadSettings().then(setSettings, () => undefined);
    return api.watch(() => void reload());
  }, [api, reload]);

  const add = async (event: Event) => {
    event.preventDefault();
    const next = addSource(sources, { url }, new Date());
    if (typeof next === 'string') return setNotice({ kind: 'error', text: next });
    // Ask inside the click (browsers prompt only during a user gesture) but keep the feed whatever
    // the answer: it shows as not allowed until the user grants access.
    const asking = api.requestHosts([url.trim()]).catch(() => false);
    await api.saveSources(next);
    setUrl('');
    await reload();
    const granted = await asking;
    setNotice(
      granted
        ? { kind: 'ok', text: 'Feed added. Refresh to fetch its articles.' }
        : { kind: 'error', text: 'Feed added, but Parallax may not read its site yet: choose “Allow” next to it.' },
    );
    await reload();
  };

  const remove = async (source: SourceState) => {
    await api.saveSources(sources.filter((s) => s.url !== source.url));
    setNotice({
      kind: 'ok',
      text: (
        <>
          Removed <SourceText text={source.title ?? source.url} /> and its articles.
        </>
      ),
    });
    await reload();
  };

  const allow = async (urls: string[]) => {
    const granted = await api.requestHosts(urls).catch(() => false);
    if (!granted) setNotice({ kind: 'error', text: 'Access was not granted; these feeds are skipped when refreshing.' });
    await reload();
  };

  const importOpml = async (file: File) => {
    try {
      const list = parseFeedList(await file.text());
      let next = sources;
      let added = 0;
      for (const feed of list.feeds) {
        const result = addSource(next, feed, new Date());
        if (typeof result !== 'string') {
          next = result;
          added += 1;
        }
      }
      await api.saveSources(next);
      const skipped = list.feeds.length - added + list.rejected.length;
      setNotice({
        kind: 'ok',
        text: (
          <>
            Imported {added} feed{added === 1 ? '' : 's'} from <SourceText text={file.name} />
            {skipped ? ` (${skipped} skipped: already followed or not feeds)` : ''}. Choose “Allow all” to let Parallax read their sites.
          </>
        ),
      });
      await reload();
    } catch (error) {
      setNotice({
        kind: 'error',
        text: (
          <>
            <SourceText text={file.name} /> could not be read: {errorMessage(error)}
          </>
        ),
      });
    }
  };

  const exportHref = sources.length ? `data:text/x-opml;charset=utf-8,${encodeURIComponent(feedListToOpml(sources))}` : '';
  const changeSettings = (patch: Partial<FeedSettings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    void api.saveSettings(next);
  };
  const running = refresh?.running ?? false;
  const missing = sources.filter((s) => allowed[s.url] === false).map((s) => s.url);

  return (
    <section class="card sources" aria-labelledby="sources-title" data-testid="sources">
      <h2 id="sources-title">Sources</h2>
      <p class="muted section-help">
        Follow news feeds (RSS or Atom) to keep a corpus of current coverage. Parallax then fetches these feeds and the articles they link to, only from
        sites you allow, and only when you refresh or on your schedule. It never sends anything about the pages you read. With no feeds it makes no network
        requests at all.
      </p>
      <p class="section-help">
        <a href="/welcome.html" data-testid="open-welcome">
          Choose outlets from a list
        </a>{' '}
        <span class="muted">(about 100 outlets, left to right and around the world, with their feeds; the first-run page)</span>
      </p>

      <form class="site-add sources-add" onSubmit={(e) => void add(e)}>
        <label class="visually-hidden" for="feed-url">
          Feed address
        </label>
        <input id="feed-url" type="text" inputMode="url" placeholder="https://example.com/feed.xml" value={url} onInput={(e) => setUrl(e.currentTarget.value)} data-testid="feed-url" />
        <button type="submit" class="btn btn-primary" disabled={!url.trim()} data-testid="feed-add">
          Add feed
        </button>
      </form>

      {sources.length > 0 ? (
        <ul class="corpora feeds" data-testid="feeds">
          {sources.map((source) => (
            <SourceRow key={source.url} source={source} allowed={allowed[source.url] ?? true} busy={running} onRemove={() => void remove(source)} onAllow={() => void allow([source.url])} />
          ))}
        </ul>
      ) : (
        <p class="muted" data-testid="feeds-empty">
          You follow no feeds yet.
        </p>
      )}

      <div class="actions sources-actions">
        <button type="button" class="btn btn-primary" disabled={running || sources.length === 0} onClick={() => { setNotice(null); void api.refreshNow(); }} data-testid="feeds-refresh">
          {running ? 'Refreshing…' : 'Refresh now'}
        </button>
        {missing.length > 0 && (
          <button type="button" class="btn" onClick={() => void allow(missing)} data-testid="feeds-allow-all">
            Allow all
          </button>
        )}
        <label class="btn" for="opml-file">
          Import OPML
        </label>
        <input id="opml-file" class="file-input" type="file" accept=".opml,.xml,text/x-opml,text/xml" onChange={(e) => { const file = e.currentTarget.files?.[0]; if (file) void importOpml(file); e.currentTarget.value = ''; }} data-testid="opml-file" />
        {sources.length > 0 && (
          <a class="btn" href={exportHref} download="parallax-sources.opml" data-testid="opml-export">
            Export OPML
          </a>
        )}
      </div>

      {running && refresh && <ProgressBar label={`${PHASES[refresh.phase]} (${refresh.done} of ${refresh.total})`} done={refresh.done} total={refresh.total} />}
      {!running && refresh?.finishedAt && (
        <p class={`notice notice-${refresh.phase === 'failed' ? 'error' : 'ok'}`} role="status" data-testid="feeds-refresh-result">
          {refresh.phase === 'failed'
            ? `The last refresh failed: ${refresh.error}`
            : refresh.phase === 'stopped'
              ? `The last refresh was stopped: ${refresh.error}.`
            : `Last refresh ${new Date(refresh.finishedAt).toLocaleString()}: ${refresh.added ?? 0} new article${refresh.added === 1 ? '' : 's'}.`}
        </p>
      )}
      {notice && <NoticeLine notice={notice} testId="sources-notice" />}

      <fieldset class="setting-group sources-settings">
        <legend>Keeping the corpus fresh</legend>
        <div class="field">
          <label for="feeds-interval">Refresh automatically</label>
          <select id="feeds-interval" value={settings.intervalMinutes} onChange={(e) => changeSettings({ intervalMinutes: Number(e.currentTarget.value) })} data-testid="feeds-interval">
            {INTERVAL_CHOICES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {INTERVAL_LABELS[minutes]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="feeds-retention">Keep articles for (days)</label>
          <input id="feeds-retention" type="number" min={1} max={3650} value={settings.retentionDays} onChange={(e) => changeSettings({ retentionDays: Math.max(1, Math.min(3650, Math.round(Number(e.currentTarget.value)) || DEFAULT_FEED_SETTINGS.retentionDays)) })} />
        </div>
        <div class="field">
          <label for="feeds-cap">Keep at most (articles)</label>
          <input id="feeds-cap" type="number" min={10} max={100000} step={10} value={settings.maxArticles} onChange={(e) => changeSettings({ maxArticles: Math.max(10, Math.min(100_000, Math.round(Number(e.currentTarget.value)) || DEFAULT_FEED_SETTINGS.maxArticles)) })} />
        </div>
      </fieldset>
    </section>
  );
}
