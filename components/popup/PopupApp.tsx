import { useEffect, useState } from 'preact/hooks';

export interface PopupAppProps {
  loadStatus: () => Promise<{ version: string }>;
}

export function PopupApp({ loadStatus }: PopupAppProps) {
  const [status, setStatus] = useState<{ version: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadStatus().then(setStatus, (e: unknown) => setError(String(e)));
  }, [loadStatus]);
  return (
    <main class="popup" data-testid="popup">
      <h1>Parallax</h1>
      {error && <p role="alert">{error}</p>}
      {status && <p data-testid="popup-status">Parallax {status.version} is ready.</p>}
    </main>
  );
}
