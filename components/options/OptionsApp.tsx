import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ImportedCorpus } from '@/lib/import/records';
import type { CorpusSummary } from '@/lib/result';
import type { Settings } from '@/lib/settings';
import { CorpusList } from './CorpusList';
import { ImportPanel } from './ImportPanel';
import { SettingsForm } from './SettingsForm';
import { StoragePanel } from './StoragePanel';
import { SourcesSection } from './sources/SourcesSection';
import type { OptionsApi, StorageReport } from './types';
import { SectionBoundary } from '@/components/shared/SectionBoundary';
import { errorMessage } from '@/lib/error-message';
import { SourceText } from '@/components/shared/SourceText';
import { NoticeLine, type Notice } from './Notice';

export function OptionsApp({ api }: { api: OptionsApi }) {
  const [bundled, setBundled] = useState<CorpusSummary | null>(null);
  const [bundledError, setBundledError] = useState<string | null>(null);
  const [imports, setImports] = useState<ImportedCorpus[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [busy, setBusy] = useState(false);
  const [removal, setRemoval] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageReport | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saved, setSaved] = useState('');

  const refresh = useCallback(() => {
    api.storageUse().then(
      (report) => {
        setStorage(report);
        setStorageError(null);
      },
      (e: unknown) => setStorageError(errorMessage(e)),
    );
    return api.listImports().then(setImports, (e: unknown) => setNotice({ kind: 'error', text: `Imported corpora could not be read: ${errorMessage(e)}` }));
  }, [api]);

  useEffect(() => {
    api.bundledSummary().then(setBundled, (e: unknown) => setBundledError(`Could not read the bundled corpus: ${errorMessage(e)}`));
    api.loadSettings().then(setSettings, () => undefined);
    void refresh();
  }, [api, refresh]);

  const remove = async (corpus: ImportedCorpus) => {
    setBusy(true);
    setNotice(null);
    setRemoval(corpus.name);
    try {
      await api.removeImport(corpus.id);
      await refresh();
      setNotice({
        kind: 'ok',
        text: (
          <>
            Removed “<SourceText text={corpus.name} />”.
          </>
        ),
      });
    } catch (e) {
      await refresh();
      setNotice({
        kind: 'error',
        text: (
          <>
            “<SourceText text={corpus.name} />” could not be removed: {errorMessage(e)}
          </>
        ),
      });
    } finally {
      setRemoval(null);
      setBusy(false);
    }
  };

  const changeSettings = (next: Settings) => {
    setSettings(next);
    api.saveSettings(next).then(
      () => setSaved('Saved.'),
      (e: unknown) => setSaved(`Not saved: ${errorMessage(e)}`),
    );
  };

  return (
    <div class="options" data-testid="options">
      <header class="options-head">
        <span class="logo" aria-hidden="true">
          ∥
        </span>
        <h1>Parallax options</h1>
      </header>
      <main>
        <p class="privacy" data-testid="privacy">
          <strong>Everything stays on this device.</strong> Parallax compares the articles you read with the corpora below inside your browser. Nothing about
          the pages you read, your corpora or your settings is sent anywhere, and the extension makes no network requests unless you follow news feeds under Sources.
        </p>

        <section class="card" aria-labelledby="corpora-title">
          <h2 id="corpora-title">Corpora</h2>
          <p class="muted section-help">The coverage Parallax compares each article with. Imported corpora are stored in this browser and searched together with the bundled one.</p>
          <CorpusList bundled={bundled} bundledError={bundledError} imports={imports} busy={busy} onRemove={(c) => void remove(c)} />
          {removal && (
            <p class="muted" role="status">
              Removing <SourceText text={removal} />…
            </p>
          )}
          {notice && <NoticeLine notice={notice} testId="corpora-notice" />}
          <StoragePanel report={storage} error={storageError} />
        </section>

        <section class="card" aria-labelledby="import-title">
          <h2 id="import-title">Import a corpus</h2>
          <p class="muted section-help">
            One JSON object per article: <code>id</code>, <code>outlet</code> (or <code>null</code>), <code>text</code>, and optionally <code>title</code>,{' '}
            <code>url</code> and <code>published</code> (YYYY-MM-DD). Parallax checks every record first and tells you what it can’t use.
          </p>
          <ImportPanel api={api} busy={busy} setBusy={setBusy} onImported={() => void refresh()} />
        </section>

        <SectionBoundary name="Sources">
          <SourcesSection />
        </SectionBoundary>

        <section class="card" aria-labelledby="settings-title">
          <div class="card-head">
            <h2 id="settings-title">Settings</h2>
            <span class="muted" role="status" data-testid="settings-saved">
              {saved}
            </span>
          </div>
          {settings ? <SettingsForm settings={settings} onChange={changeSettings} /> : <p class="muted">Loading…</p>}
        </section>
      </main>
    </div>
  );
}
