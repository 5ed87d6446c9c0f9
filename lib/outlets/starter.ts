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
