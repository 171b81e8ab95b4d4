/** Percentile by the nearest-rank method (p in 0..100) of unsorted samples; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? samples.reduce((m, x) => (x > m ? x : m), -Infinity) : NaN,
  };
}

/** Median of each field over several runs (the figure we report: medians of several runs). */
export function medianOfRuns(runs: readonly LatencySummary[]): LatencySummary {
  const of = (k: keyof LatencySummary) => median(runs.map((r) => r[k]));
  return { n: of('n'), p50: of('p50'), p95: of('p95'), p99: of('p99'), max: of('max') };
}

export const ms = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

/** "PASS"/"FAIL" against a target (a benchmark prints, it does not assert). */
export const verdict = (value: number, target: number): string =>
  Number.isFinite(value) ? (value <= target ? 'PASS' : 'FAIL') : 'n/a';
