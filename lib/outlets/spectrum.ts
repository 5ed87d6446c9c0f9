// Where the outlets that covered a story sit, by AllSides' ratings: how many on the left, in the
// centre, on the right and unrated, and which side is missing. Counts outlets, not articles: five
// articles from one outlet are one voice.
import { outletIndex, type Lean, type OutletIndex } from './directory';

export type SpectrumSide = 'left' | 'center' | 'right';

const SIDE: Readonly<Record<Lean, SpectrumSide>> = { left: 'left', 'lean-left': 'left', center: 'center', 'lean-right': 'right', right: 'right' };

export interface SpectrumOutlet {
  name: string;
  /** The AllSides rating, absent when AllSides does not rate the outlet. */
  lean?: Lean;
}

export interface CoverageSpectrum {
  left: SpectrumOutlet[];
  center: SpectrumOutlet[];
  right: SpectrumOutlet[];
  unrated: SpectrumOutlet[];
  /** Sides with no outlet, when at least one outlet is rated (with none rated nothing is known to be missing). */
  missing: SpectrumSide[];
}

/** The spectrum of the outlets (named, with their article's address when known) that covered a story. */
export function coverageSpectrum(covering: readonly { outlet: string | null; url: string | null }[], index: OutletIndex = outletIndex()): CoverageSpectrum {
  const spectrum: CoverageSpectrum = { left: [], center: [], right: [], unrated: [], missing: [] };
  const seen = new Set<string>();
  for (const article of covering) {
    const outlet = index.find(article.url, article.outlet);
    const name = outlet?.name ?? article.outlet?.trim() ?? null;
    const key = outlet ? `id:${outlet.id}` : `name:${name ?? `unnamed:${article.url ?? seen.size}`}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry: SpectrumOutlet = { name: name ?? 'Unnamed outlet' };
    if (outlet?.lean) {
      entry.lean = outlet.lean.rating;
      spectrum[SIDE[outlet.lean.rating]].push(entry);
    } else spectrum.unrated.push(entry);
  }
  const rated = spectrum.left.length + spectrum.center.length + spectrum.right.length;
  if (rated > 0) spectrum.missing = (['left', 'center', 'right'] as const).filter((side) => spectrum[side].length === 0);
  return spectrum;
}
