import type { ComponentChildren } from 'preact';

export interface StateViewProps {
  kind: 'working' | 'no-article' | 'no-coverage' | 'error' | 'disabled';
  title: string;
  children?: ComponentChildren;
  actions?: ComponentChildren;
}

// Line icons drawn in a 24×24 box; emoji fonts are not on every system.
const ICONS: Record<Exclude<StateViewProps['kind'], 'working'>, string> = {
  'no-article': 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 15h7M9 18h4',
  'no-coverage': 'M10.5 4a6.5 6.5 0 110 13 6.5 6.5 0 010-13zM15.5 15.5L20 20M8 10.5h5',
  error: 'M12 3.5l9.5 16.5h-19zM12 10v4.5M12 17v.5',
  disabled: 'M12 3a9 9 0 110 18 9 9 0 010-18zM10 9v6M14 9v6',
};

function StateIcon({ kind }: { kind: Exclude<StateViewProps['kind'], 'working'> }) {
  return (
    <svg class="state-icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
      <path d={ICONS[kind]} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** One of the popup's non-result states: what happened, in a sentence, and what to do. */
export function StateView({ kind, title, children, actions }: StateViewProps) {
  return (
    <section class={`state state-${kind}`} data-testid={`state-${kind}`} role={kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      {kind === 'working' ? <span class="spinner" aria-hidden="true" /> : <StateIcon kind={kind} />}
      <h1 class="state-title">{title}</h1>
      {children && <div class="state-body">{children}</div>}
      {actions && <div class="state-actions">{actions}</div>}
    </section>
  );
}
