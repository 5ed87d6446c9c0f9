// The growth benchmark's smoke run: a couple of small days through the whole harness (refreshes
// stored in a Node IndexedDB, merges, the old way's full recompile, a cold process from the saved
// database), then the shape of bench/growth.json and figures that make sense. Nothing here is
// timed against a threshold: the machine is shared, and the full run reports the targets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seedRecords } from '../lib/corpus/test-seeds.ts';
import type { GrowthStep } from './lib/growth-report.ts';
import { prewarmTextFound } from './lib/prewarm-real.ts';

const work = mkdtempSync(join(tmpdir(), 'parallax-growth-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TIMINGS: (keyof GrowthStep)[] = ['refreshMsPerNewArticle', 'refreshCpuMsPerNewArticle', 'coldFirstAnalyzeMs', 'coldFirstAnalyzeCpuMs', 'coldFirstAnalyzeWithoutModelMs', 'warmAnalyzeMedianMs', 'warmAnalyzeP95Ms'];

describe('npm run bench:growth --quick', () => {
  it('writes every step with sane figures', () => {
    const out = join(work, 'growth.json');
    const bench = fileURLToPath(new URL('./growth.ts', import.meta.url));
    execFileSync(process.execPath, ['--import', 'tsx', bench, '--quick', '--per-day', '120', '--refreshes-per-day', '3', '--warm-pages', '3', '--code-warmup', '3', '--out', out], { encoding: 'utf8', stdio: 'pipe' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      label: string;
      machine: { cores: number; loadAverageAtStart: number[] };
      steps: GrowthStep[];
      baseline: { articles: number; fullRecompileMs: number; msPerNewArticle: number; refreshRatio: number; coldFirstAnalyzeMs: number; warmAnalyzeMedianMs: number } | null;
      targets: Record<string, { measured: number | null; met: boolean | null }>;
    };
    expect(report.label).toMatch(/^smoke run/);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.loadAverageAtStart).toHaveLength(3);
    // --quick: two days, a step at the end of each.
    expect(report.steps.map((s) => s.step)).toEqual([120, 240]);
    expect(report.steps.map((s) => s.day)).toEqual([1, 2]);
    // The feed reading may drop the odd page that is no article, never more than a few.
    for (const step of report.steps) expect(step.articles).toBeGreaterThan(step.step * 0.95);
    for (const step of report.steps) {
      for (const key of TIMINGS) {
        expect(step[key], key).toBeTypeOf('number');
        expect(Number.isFinite(step[key]) && (step[key] as number) > 0, `${key} = ${String(step[key])}`).toBe(true);
      }
      // The cold start is its parts: model read, stored corpus opened, first analysis.
      expect(step.coldFirstAnalyzeMs).toBeGreaterThanOrEqual(step.coldFirstAnalyzeWithoutModelMs);
      expect(step.warmAnalyses).toBe(3);
      // The same pages after the engine ran on 3 unrelated real articles: ECB+, from the shared
      // data; without it (a machine with the repository alone), not measured.
      if (prewarmTextFound()) {
        expect(step.warmAfterCodeWarmup).toMatchObject({ realArticles: 3, analyses: 3 });
        for (const key of ['medianMs', 'cpuMedianMs', 'p95Ms'] as const) expect(step.warmAfterCodeWarmup![key]).toBeGreaterThan(0);
      } else expect(step.warmAfterCodeWarmup).toBeNull();
      expect(step.refreshes).toBe(3);
      expect(step.segments).toBeGreaterThan(0);
      // The restarted background searches every stored article, and the bundled corpus's.
      expect(step.cold.searched).toBe(step.articles + seedRecords().length);
      // Stored: the articles' texts at least (about 3 kB raw each), and not wildly more.
      expect(step.storageBytesGzipPerArticle).toBeGreaterThan(300);
      expect(step.storageBytesGzipPerArticle).toBeLessThan(50_000);
      expect(step.storageBytes).toBeGreaterThan(step.storageBytesGzip);
      expect(step.storageBytesGzip).toBe(Object.values(step.storageByStore).reduce((n, s) => n + s.bytesGzip, 0));
    }
    expect(report.steps[1]!.storageBytesGzip).toBeGreaterThan(report.steps[0]!.storageBytesGzip);
    // The old way is measured at the first step of a run below 10,000 articles.
    expect(report.baseline?.articles).toBe(report.steps[0]!.articles);
    expect(report.baseline!.fullRecompileMs).toBeGreaterThan(0);
    expect(report.baseline!.refreshRatio).toBeGreaterThan(0);
    expect(report.baseline!.coldFirstAnalyzeMs).toBeGreaterThan(0);
    expect(report.baseline!.warmAnalyzeMedianMs).toBeGreaterThan(0);
    // Targets at 40,000 and 100,000 articles are not measured by a smoke run, and say so.
    expect(report.targets.coldFirstAnalyzeAt40kMs).toEqual({ target: '<= 300 ms', measured: null, met: null });
    expect(report.targets.storageBytesGzipPerArticle!.measured).toBe(Math.max(...report.steps.map((s) => s.storageBytesGzipPerArticle)));
  }, 180_000);
});
