// How often a page may make Parallax analyze it again by itself (its article changed, it
// navigated as a single-page app). The first analysis starts at once; each automatic re-run after
// it waits twice as long as the one before (FIRST_GAP_MS, then 2×, 4×… up to MAX_GAP_MS), so a
// page that rewrites its article forever gets a few analyses in its first minute and one a
// minute after that. A page left calm for CALM_MS gets the short gap back: a reader moving on to
// the next article of a single-page app after reading one is not kept waiting.

export const FIRST_GAP_MS = 4_000;
export const MAX_GAP_MS = 60_000;
export const CALM_MS = 120_000;

export class RerunPace {
  private lastStart = Number.NEGATIVE_INFINITY;
  private gap = 0;

  /** When the next automatic analysis may start (same clock as `now`). */
  nextAllowed(now: number): number {
    if (now - this.lastStart >= CALM_MS) return now;
    return this.lastStart + this.nextGap();
  }

  /** Records an analysis starting now (automatic or asked for by the user). */
  started(now: number): void {
    this.gap = now - this.lastStart >= CALM_MS ? 0 : this.nextGap();
    this.lastStart = now;
  }

  private nextGap(): number {
    return this.gap === 0 ? FIRST_GAP_MS : Math.min(this.gap * 2, MAX_GAP_MS);
  }
}
