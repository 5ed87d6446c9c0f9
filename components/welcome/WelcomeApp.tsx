// The first-run page: what Parallax does and what stays on the device, a starter selection of
// outlets across the spectrum and the world that the reader changes, one permission request for
// the chosen feeds' hosts (in the click), then the first refresh with its progress.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { addSource, type RefreshState, type SourceState } from '@/lib/feeds/sources';
import { chosenFeeds, coverageSpectrum, followableOutlets, LEAN_CREDIT, starterSelection, type Outlet } from '@/lib/outlets';
import type { WelcomeApi } from './api';
import { FirstRefresh } from './FirstRefresh';
import { OutletPicker } from './OutletPicker';
import './welcome.css';

export interface WelcomeAppProps {
  api: WelcomeApi;
  outlets?: readonly Outlet[];
  now?: () => Date;
}

type Step = { kind: 'choose' } | { kind: 'asking' } | { kind: 'denied'; feeds: number } | { kind: 'refreshing'; since: string; urls: string[] };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function WelcomeApp({ api, outlets = followableOutlets(), now = () => new Date() }: WelcomeAppProps) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(starterSelection(outlets)));
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [refresh, setRefresh] = useState<RefreshState | null>(null);
  const [sources, setSources] = useState<SourceState[]>([]);

  const feeds = useMemo(() => chosenFeeds(chosen, outlets), [chosen, outlets]);
  const hosts = useMemo(() => new Set(feeds.map((f) => new URL(f.url).hostname)).size, [feeds]);
  const balance = useMemo(() => coverageSpectrum(outlets.filter((o) => chosen.has(o.id)).map((o) => ({ outlet: o.name, url: `https://${o.hosts[0]}/` }))), [chosen, outlets]);
  const countries = useMemo(() => new Set(outlets.filter((o) => chosen.has(o.id)).map((o) => o.country)).size, [chosen, outlets]);

  const reload = useCallback(async () => {
    const [state, list] = await Promise.all([api.loadRefreshState(), api.loadSources()]);
    setRefresh(state);
    setSources(list);
  }, [api]);
  useEffect(() => (step.kind === 'refreshing' ? api.watch(() => void reload()) : undefined), [api, reload, step.kind]);

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const follow = async () => {
    // The permission prompt must open inside this click: ask before anything is awaited, once,
    // for every chosen feed's host.
    const asking = api.requestHosts(feeds.map((f) => f.url)).catch(() => false);
    setStep({ kind: 'asking' });
    const granted = await asking;
    // The choice is kept either way (Sources shows hosts not allowed yet); only the refresh waits.
    let next = await api.loadSources();
    for (const feed of feeds) {
      const added = addSource(next, feed, now());
      if (typeof added !== 'string') next = added;
    }
    await api.saveSources(next);
    if (!granted) return setStep({ kind: 'denied', feeds: feeds.length });
    const since = now().toISOString();
    setRefresh(null);
    setSources(next);
    setStep({ kind: 'refreshing', since, urls: feeds.map((f) => f.url) });
    await api.refreshNow();
    await reload();
  };

  // Only the refresh started here counts (an earlier one may still be in storage).
  const current = step.kind === 'refreshing' && refresh && refresh.startedAt >= step.since.slice(0, 19) ? refresh : null;
  const chosenSources = step.kind === 'refreshing' ? sources.filter((s) => step.urls.includes(s.url)) : [];
  const busy = step.kind === 'asking' || (step.kind === 'refreshing' && (!current || current.running));

  return (
    <div class="welcome" data-testid="welcome">
      <header class="welcome-head">
        <h1>Welcome to Parallax</h1>
        <p class="lede">
          Parallax shows how other outlets reported the facts in the news article you are reading: the sentences they share are highlighted in the page,
          and the toolbar button shows who covered the story, how their wording differs, and what they report that the article leaves out.
        </p>
      </header>

      <section class="card privacy" aria-labelledby="privacy-title">
        <h2 id="privacy-title">Everything stays on your device</h2>
        <p>
          Nothing about the pages you read ever leaves your browser: the comparison runs here. Parallax connects only to the news feeds you choose
          below, to fetch their articles into a corpus kept in this browser, and it asks your permission for each site once.
        </p>
      </section>

      <section class="card" aria-labelledby="choose-title">
        <div class="card-head">
          <h2 id="choose-title">Choose your sources</h2>
          <div class="choose-actions">
            <button type="button" class="btn" disabled={busy} onClick={() => setChosen(new Set(starterSelection(outlets)))} data-testid="choose-starter">
              Starter selection
            </button>
            <button type="button" class="btn" disabled={busy} onClick={() => setChosen(new Set())} data-testid="choose-none">
              Clear all
            </button>
          </div>
        </div>
        <p class="muted section-help">
          A story looks different from the left, the centre and the right, and from another country. The starter selection weighs left and right
          the same and a third of it is from outside the United States; change it as you like. Each outlet’s main feed is followed.
        </p>
        <OutletPicker outlets={outlets} chosen={chosen} disabled={busy} onToggle={toggle} />
        <p class="muted credit">
          Leans: {LEAN_CREDIT}. Outlets AllSides does not rate have none. Feed addresses as the outlets published them; if one has moved, the refresh
          says so and you can change it under Sources.
        </p>
        {/* Kept in view while the list scrolls: the choice's balance and the one button that acts on it. */}
        <div class="follow-row">
          <p class="balance" data-testid="choice-balance">
            <strong>{plural(chosen.size, 'outlet')}</strong> from {countries} {countries === 1 ? 'country' : 'countries'}: left {balance.left.length} · centre {balance.center.length} · right{' '}
            {balance.right.length} · unrated {balance.unrated.length}
          </p>
          <button type="button" class="btn btn-primary" disabled={busy || feeds.length === 0} onClick={() => void follow()} data-testid="follow">
            {feeds.length ? `Follow ${plural(feeds.length, 'outlet')} and fetch their news` : 'Choose at least one outlet'}
          </button>
          <span class="muted">
            Your browser will ask once to let Parallax read {plural(hosts, 'site')}.
          </span>
        </div>
        {step.kind === 'denied' && (
          <p class="notice notice-error" role="alert" data-testid="follow-denied">
            Parallax was not allowed to read these sites, so nothing was fetched. Your {plural(step.feeds, 'feed')} are saved under Sources in the
            options, where you can allow them one by one.
          </p>
        )}
      </section>

      {step.kind === 'refreshing' && (
        <FirstRefresh state={current} feeds={chosenSources} onStop={() => void api.stopRefresh()} />
      )}

      <footer class="welcome-foot muted">
        You can come back to this page from the options (Sources), change your feeds there, import your own corpora, or set a refresh schedule.{' '}
        <button type="button" class="btn-link" onClick={api.openOptions} data-testid="open-options">
          Open the options
        </button>
      </footer>
    </div>
  );
}
