import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';

/** Keeps one failing section from blanking the whole page: it shows its own error instead. */
export function SectionBoundary({ name, children }: { name: string; children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary();
  if (error) {
    return (
      <section class="card" role="alert">
        <h2>{name}</h2>
        <p class="notice notice-error">
          This section could not be shown: {errorMessage(error)}{' '}
          <button type="button" class="btn-link" onClick={reset}>
            Try again
          </button>
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
