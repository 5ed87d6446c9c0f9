export function PopupHeader({ onOpenOptions, version }: { onOpenOptions: () => void; version?: string }) {
  return (
    <header class="bar">
      <span class="brand" data-testid="popup-status">
        <span class="logo" aria-hidden="true">
          ∥
        </span>
        Parallax{version && <span class="version"> {version}</span>}
      </span>
      <button type="button" class="btn-icon" onClick={onOpenOptions} aria-label="Options" title="Options: corpora and settings">
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M11.3 1.5l.4 2.2c.5.2 1 .5 1.4.8l2.1-.8 1.3 2.3-1.7 1.4a6 6 0 010 1.6l1.7 1.4-1.3 2.3-2.1-.8c-.4.3-.9.6-1.4.8l-.4 2.2H8.7l-.4-2.2c-.5-.2-1-.5-1.4-.8l-2.1.8-1.3-2.3 1.7-1.4a6 6 0 010-1.6L3.5 6l1.3-2.3 2.1.8c.4-.3.9-.6 1.4-.8l.4-2.2h2.6zM10 7a3 3 0 100 6 3 3 0 000-6z"
            transform="translate(0 1.5)"
          />
        </svg>
      </button>
    </header>
  );
}
