/**
 * Summaries and the markdown the benchmark prints: nearest-rank percentiles (no interpolation,
 * so every figure reported is a latency that was actually observed) and plain tables.
 */

/** Count, p50, p99 and max of a set of latencies in ms. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** The nearest-rank `p`-th percentile (0 < p ≤ 100) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Summarises latencies; the input is not changed. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  return { count: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: values.at(-1) ?? Number.NaN };
}

/** Milliseconds with one decimal ("–" for a missing value). */
export function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '–';
}

/** A whole number with thin grouping (12 345), readable in a terminal and in markdown. */
export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB').replace(/,/g, ' ') : '–';
}

/** CPU time as a share of one core over a wall-clock span ("–" when unknown). */
export function cpuShare(cpuMs: number | null, wallMs: number): string {
  return cpuMs === null || wallMs <= 0 ? '–' : `${Math.round((cpuMs / wallMs) * 100)} %`;
}

/** A markdown table; the first `leftColumns` columns (labels) are left-aligned, the figures right-aligned. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
  const align = headers.map((_, i) => (i < leftColumns ? ':--' : '--:'));
  return [headers, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
