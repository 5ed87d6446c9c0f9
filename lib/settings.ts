// The user's settings: one plain object in the extension's storage under SETTINGS_KEY.
// Stored values are read through `parseSettings`, so a missing, old or tampered entry falls back
// to the defaults field by field instead of breaking the extension.

export const SETTINGS_KEY = 'parallax:settings';

/** How sure the engine must be before two sentences count as the same fact. */
export type Strictness = 'lenient' | 'balanced' | 'strict';

export const STRICTNESS_LEVELS: readonly Strictness[] = ['lenient', 'balanced', 'strict'];

export interface Settings {
  /** Draw highlights on shared facts in the page. */
  highlights: boolean;
  /** 'auto': analyze every article on load; 'click': only when the toolbar button is clicked. */
  run: 'auto' | 'click';
  strictness: Strictness;
  /** Host names (e.g. "www.example.com") where Parallax does nothing. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  highlights: true,
  run: 'auto',
  strictness: 'balanced',
  disabledSites: [],
});

/**
 * Offset added to the engine's calibrated same-fact threshold. 'balanced' keeps the engine's
 * calibration; the others move it by a step the user can notice without flipping every pair.
 */
export const STRICTNESS_THRESHOLD_OFFSET: Readonly<Record<Strictness, number>> = Object.freeze({
  lenient: -0.1,
  balanced: 0,
  strict: 0.1,
});

/** The same-fact threshold to use for a strictness, clamped to 0..1. */
export function factThreshold(calibrated: number, strictness: Strictness): number {
  return Math.min(1, Math.max(0, calibrated + STRICTNESS_THRESHOLD_OFFSET[strictness]));
}

const HOST_PATTERN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/;

/**
 * The host name a user means by what they typed: "https://www.bbc.co.uk/news" and "WWW.BBC.CO.UK"
 * both give "www.bbc.co.uk". Null when it is not a host name.
 */
export function normalizeSite(input: string): string | null {
  let value = input.trim().toLowerCase();
  if (!value) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(value)) {
    try {
      value = new URL(value).host;
    } catch {
      return null;
    }
  } else {
    value = value.split(/[/?#]/)[0] ?? '';
  }
  value = value.replace(/\.$/, '');
  return HOST_PATTERN.test(value) ? value : null;
}

/** Whether Parallax is switched off for a page's host (the host itself or any parent domain). */
export function isSiteDisabled(settings: Pick<Settings, 'disabledSites'>, host: string): boolean {
  const h = host.toLowerCase();
  return settings.disabledSites.some((site) => h === site || h.endsWith(`.${site}`));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings from whatever storage holds; each invalid or missing field takes its default. */
export function parseSettings(stored: unknown): Settings {
  const s = isRecord(stored) ? stored : {};
  const sites = Array.isArray(s.disabledSites)
    ? [...new Set(s.disabledSites.flatMap((v) => (typeof v === 'string' ? [normalizeSite(v)] : [])).filter((v): v is string => v !== null))]
    : [...DEFAULT_SETTINGS.disabledSites];
  return {
    highlights: typeof s.highlights === 'boolean' ? s.highlights : DEFAULT_SETTINGS.highlights,
    run: s.run === 'auto' || s.run === 'click' ? s.run : DEFAULT_SETTINGS.run,
    strictness: STRICTNESS_LEVELS.includes(s.strictness as Strictness) ? (s.strictness as Strictness) : DEFAULT_SETTINGS.strictness,
    disabledSites: sites,
  };
}
