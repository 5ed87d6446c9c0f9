// The growth benchmark's figures (bench/growth.json) and the targets for them.

/** What one cold process of bench/lib/growth-cold.ts prints. */
export interface ColdRun {
  modelMs: number;
  modelCpuMs: number;
  openMs: number;
  openCpuMs: number;
  firstAnalyzeMs: number;
  firstAnalyzeCpuMs: number;
  /** The background reading the rest of the search index ahead after its first answer (`Corpus.readSearchIndex`); 0 when not asked to. */
  readAheadMs: number;
  /** The warm-up after the read-ahead (lib/warm-up.ts): the newest articles analysed; 0 when not asked to. */
  warmUpMs: number;
  warmUpArticles: number;
  warmMs: number[];
  warmCpuMs: number[];
  heapMB: number;
  articles: number;
  storiesFound: number;
}

export interface GrowthStep {
  /** The step this stands for (10,000, 40,000, 100,000): measured at the first refresh reaching it. */
  step: number;
  /** Articles stored then. */
  articles: number;
  refreshMsPerNewArticle: number;
  coldFirstAnalyzeMs: number;
  warmAnalyzeMedianMs: number;
  storageBytesGzip: number;
  /** Day of the simulation the step was reached on (1 = the first). */
  day: number;
  segments: number;
  refreshCpuMsPerNewArticle: number;
  /** The refresh's phases (each the median per new article, so they need not add up exactly). */
  refreshPhasesMsPerNewArticle: { open: number; read: number; save: number; reopen: number };
  /** Refreshes the refresh figures are the median of. */
  refreshes: number;
  /** Background merges since the previous step, per article added meanwhile. */
  mergeMsPerNewArticle: number;
  mergeCpuMsPerNewArticle: number;
  coldFirstAnalyzeCpuMs: number;
  /** The cold start without reading the sentence model (which does not grow with the corpus). */
  coldFirstAnalyzeWithoutModelMs: number;
  /** `searched`: articles the restarted background's corpus has (the bundled corpus's too). */
  cold: { runs: number; modelMs: number; openMs: number; firstAnalyzeMs: number; heapMB: number; searched: number };
  /**
   * The read-ahead after the first answer (postings, passage and LSH pages of every segment, the
   * newest articles' index rows; entrypoints/background/index.ts), which the warm analyses come
   * after: a reader's next page comes seconds later.
   */
  readAheadMs: number;
  /**
   * The warm-up that follows it (lib/warm-up.ts: the newest WARM_UP_ARTICLES analysed as pages,
   * results dropped), which the warm analyses come after too.
   */
  warmUpMs: number;
  warmAnalyzeP95Ms: number;
  warmAnalyzeCpuMedianMs: number;
  warmAnalyses: number;
  /**
   * The warm analyses of processes whose code was first warmed on `realArticles` unrelated real
   * articles (bench/growth.ts --code-warmup): how far the young background's figure is from a
   * warm engine's. Null when not measured (--code-warmup 0, or no ECB+ in the shared data).
   */
  warmAfterCodeWarmup: { realArticles: number; medianMs: number; cpuMedianMs: number; p95Ms: number; analyses: number } | null;
  storageBytes: number;
  storageBytesGzipPerArticle: number;
  storageByStore: Record<string, { records: number; bytes: number; bytesGzip: number }>;
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const round = (x: number): number => Math.round(x * 100) / 100;

interface Target {
  target: string;
  measured: number | null;
  met: boolean | null;
}

/** The targets (issue 15), each with what was measured; null where the run has no such step. */
export function growthTargets(steps: readonly GrowthStep[]): Record<string, Target> {
  const at = (n: number) => steps.find((s) => s.step === n) ?? null;
  const check = (target: string, measured: number | null | undefined, ok: (x: number) => boolean): Target =>
    measured === null || measured === undefined || Number.isNaN(measured) ? { target, measured: null, met: null } : { target, measured: round(measured), met: ok(measured) };
  const [small, mid, large] = [at(10_000), at(40_000), at(100_000)];
  const worstPerArticle = steps.length ? Math.max(...steps.map((s) => s.storageBytesGzipPerArticle)) : null;
  return {
    refreshMsPerNewArticle: check('<= 10 ms at every step', steps.length ? Math.max(...steps.map((s) => s.refreshMsPerNewArticle)) : null, (x) => x <= 10),
    refreshGrowth10kTo100k: check('<= 1.5x', small && large ? large.refreshMsPerNewArticle / small.refreshMsPerNewArticle : null, (x) => x <= 1.5),
    coldFirstAnalyzeAt40kMs: check('<= 300 ms', mid?.coldFirstAnalyzeMs, (x) => x <= 300),
    warmAnalyzeMedianAt40kMs: check('<= 15 ms', mid?.warmAnalyzeMedianMs, (x) => x <= 15),
    storageBytesGzipPerArticle: check('<= 3500 bytes at every step', worstPerArticle, (x) => x <= 3500),
  };
}
