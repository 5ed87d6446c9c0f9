import { useState } from 'preact/hooks';
import { normalizeSite } from '@/lib/settings';

/** Host names where Parallax does nothing; subdomains are included. */
export function SiteList({ sites, onChange }: { sites: readonly string[]; onChange: (sites: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const site = normalizeSite(draft);
    if (!site) {
      setError('Type a site such as www.example.com or paste a page address.');
      return;
    }
    setError('');
    setDraft('');
    if (!sites.includes(site)) onChange([...sites, site]);
  };
  return (
    <div class="sites">
      {sites.length > 0 ? (
        <ul class="site-list" data-testid="disabled-sites">
          {sites.map((site) => (
            <li key={site}>
              <span class="mono">{site}</span>
              <button type="button" class="btn-link" aria-label={`Turn Parallax back on for ${site}`} onClick={() => onChange(sites.filter((s) => s !== site))}>
                Turn back on
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Parallax runs on every site.</p>
      )}
      <form class="site-add" data-testid="site-add" onSubmit={add}>
        <label for="site-input" class="sr-only">
          Site to turn Parallax off for
        </label>
        <input
          id="site-input"
          type="text"
          placeholder="www.example.com"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'site-error' : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="btn">
          Turn off for this site
        </button>
      </form>
      {error && (
        <p id="site-error" class="text-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
