// The first-run page's starter selection and the feeds a choice of outlets means.
import type { FeedSource } from '../feeds/types';
import { DIRECTORY, type Outlet } from './directory';

/** Outlets a reader can follow: those that publish at least one feed. */
export function followableOutlets(outlets: readonly Outlet[] = DIRECTORY.outlets): Outlet[] {
  return outlets.filter((o) => o.feeds.length > 0);
}

/**
 * The ids of the starter selection: about 30 outlets picked by hand in the directory (`starter`)
 * so that left and right weigh the same and a third come from outside the United States.
 */
export function starterSelection(outlets: readonly Outlet[] = DIRECTORY.outlets): string[] {
  return followableOutlets(outlets).filter((o) => o.starter).map((o) => o.id);
}

/** One feed per chosen outlet (its first, main feed), named after the outlet, in directory order. */
export function chosenFeeds(chosen: Iterable<string>, outlets: readonly Outlet[] = DIRECTORY.outlets): FeedSource[] {
  const ids = new Set(chosen);
  return followableOutlets(outlets)
    .filter((o) => ids.has(o.id))
    .map((o) => ({ url: o.feeds[0]!.url, title: o.name }));
}

export type Region = 'wire' | 'us' | 'europe' | 'middle-east-africa' | 'asia-pacific' | 'americas';

export const REGION_NAMES: Readonly<Record<Region, string>> = {
  wire: 'Wire services',
  us: 'United States',
  europe: 'Europe',
  'middle-east-africa': 'Middle East and Africa',
  'asia-pacific': 'Asia and the Pacific',
  americas: 'Canada and Latin America',
};

const EUROPE = new Set(['GB', 'IE', 'FR', 'DE', 'ES', 'IT', 'PT', 'BE', 'NL', 'RU', 'UA', 'LV', 'PL', 'SE', 'CH', 'AT']);
const MIDDLE_EAST_AFRICA = new Set(['QA', 'IL', 'TR', 'ZA', 'NG', 'KE', 'EG', 'AE', 'SA']);
const AMERICAS = new Set(['CA', 'BR', 'AR', 'MX', 'CL', 'CO']);

/** Where the first-run page lists an outlet: wire services together, the rest by where they are based. */
export function regionOf(outlet: Outlet): Region {
  if (outlet.kind === 'wire') return 'wire';
  if (outlet.country === 'US') return 'us';
  if (EUROPE.has(outlet.country)) return 'europe';
  if (MIDDLE_EAST_AFRICA.has(outlet.country)) return 'middle-east-africa';
  if (AMERICAS.has(outlet.country)) return 'americas';
  return 'asia-pacific';
}
