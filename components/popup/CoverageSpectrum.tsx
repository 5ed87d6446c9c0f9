// Where the outlets that covered this story sit, left to right, by AllSides' ratings, and which
// side nobody covered it from. The credit and the ratings' date are shown with the counts, as
// AllSides' licence asks and because ratings age.
import { coverageSpectrum, LEAN_CREDIT, LEAN_NAMES, type SpectrumOutlet, type SpectrumSide } from '@/lib/outlets';
import './spectrum.css';

export interface CoverageSpectrumProps {
  /** The other outlets' articles on the same event (the popup's covering articles). */
  covering: readonly { outlet: string | null; url: string | null }[];
}

const SIDES: { key: SpectrumSide | 'unrated'; label: string }[] = [
  { key: 'left', label: 'Left' },
  { key: 'center', label: 'Centre' },
  { key: 'right', label: 'Right' },
  { key: 'unrated', label: 'Unrated' },
];

const MISSING: Record<SpectrumSide, string> = {
  left: 'No left-leaning outlet in your sources covered this.',
  center: 'No centre outlet in your sources covered this.',
  right: 'No right-leaning outlet in your sources covered this.',
};

const describe = (outlets: SpectrumOutlet[]) => outlets.map((o) => (o.lean ? `${o.name} (${LEAN_NAMES[o.lean].toLowerCase()})` : o.name)).join(', ');

export function CoverageSpectrum({ covering }: CoverageSpectrumProps) {
  const spectrum = coverageSpectrum(covering);
  const total = SIDES.reduce((sum, side) => sum + spectrum[side.key].length, 0);
  if (total === 0) return null;
  return (
    <section class="spectrum" aria-labelledby="spectrum-title" data-testid="spectrum">
      <h2 class="spectrum-title" id="spectrum-title">
        Who covered it, left to right
      </h2>
      <div class="spectrum-bar" aria-hidden="true">
        {SIDES.map((side) =>
          spectrum[side.key].length ? <span key={side.key} class={`spectrum-seg seg-${side.key}`} style={{ flexGrow: spectrum[side.key].length }} /> : null,
        )}
      </div>
      <ul class="spectrum-counts">
        {SIDES.map((side) => (
          <li key={side.key} class={`spectrum-side side-${side.key}`} data-side={side.key} data-count={spectrum[side.key].length} title={describe(spectrum[side.key]) || undefined}>
            <span class="spectrum-dot" aria-hidden="true" />
            <span class="spectrum-label">{side.label}</span> <strong>{spectrum[side.key].length}</strong>
            {spectrum[side.key].length > 0 && <span class="sr-only">: {describe(spectrum[side.key])}</span>}
          </li>
        ))}
      </ul>
      {spectrum.missing.map((side) => (
        <p key={side} class="spectrum-missing" data-testid="spectrum-missing">
          {MISSING[side]}
        </p>
      ))}
      <p class="spectrum-credit muted" data-testid="spectrum-credit">
        {LEAN_CREDIT}; left and right include “lean left” and “lean right”.
      </p>
    </section>
  );
}
