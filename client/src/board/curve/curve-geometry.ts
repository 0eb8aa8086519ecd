/**
 * The emotion curve's drawing as a few SVG path strings, built in one pass: a board may have
 * hundreds of touchpoints, so the chart is a handful of <path>s rather than a component per
 * point. Touchpoints no one has felt about break the line and band (we draw no data as no data).
 */
import type { CurveRow } from './curve-data.ts';

/** Sizes in SVG user units (= CSS px at 1:1). */
export const layout = {
  /** The score labels sit in a sticky column beside the picture (see CurveAxis), so little room here. */
  left: 12,
  right: 24,
  top: 44,
  plotHeight: 220,
  bottom: 28,
  /** Half the band's width around each point. */
  halfBand: 11,
} as const;

/** Horizontal room per touchpoint: roomy for a short journey, tighter for a long one. */
export const stepFor = (count: number): number => (count > 60 ? 40 : 64);

/** The y of a score (-2 bottom … +2 top). */
export const yOf = (score: number): number => layout.top + ((2 - score) / 4) * layout.plotHeight;

/** The x of the touchpoint at `position`. */
export const xOf = (position: number, step: number): number => layout.left + step * position + step / 2;

/** A point's radius grows with how many people said, gently (square root), capped. */
export const radiusFor = (count: number): number => Math.min(4 + 2 * Math.sqrt(count), 14);

export interface CurvePaths {
  /** The min–max band, one closed shape per run of touchpoints with feelings. */
  band: string;
  /** The median line, one subpath per run. */
  median: string;
  /** Circles at each median, sized by count. */
  points: string;
  /** Range bars, hatched, where views differ a lot. */
  wide: string;
  /** Diamonds above the band where views differ a lot. */
  wideMarks: string;
  /** Small ticks on the bottom axis for every touchpoint. */
  ticks: string;
  width: number;
  height: number;
}

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * Builds every path of the chart from the rows, in journey order. `step` (horizontal room per
 * touchpoint) defaults to {@link stepFor}; a stage's small curve passes its own to fill its column.
 */
export function curvePaths(rows: readonly CurveRow[], step = stepFor(rows.length)): CurvePaths {
  const band: string[] = [];
  const median: string[] = [];
  const points: string[] = [];
  const wide: string[] = [];
  const wideMarks: string[] = [];
  const ticks: string[] = [];
  const bottom = layout.top + layout.plotHeight;
  let run: CurveRow[] = [];

  const closeRun = () => {
    if (run.length === 0) return;
    const top: string[] = [];
    const low: string[] = [];
    const line: string[] = [];
    for (const row of run) {
      const x = xOf(row.position, step);
      const { min, max, median: mid } = row.stats;
      top.push(`${r1(x - layout.halfBand)} ${r1(yOf(max ?? 0))}`, `${r1(x + layout.halfBand)} ${r1(yOf(max ?? 0))}`);
      low.unshift(`${r1(x + layout.halfBand)} ${r1(yOf(min ?? 0))}`, `${r1(x - layout.halfBand)} ${r1(yOf(min ?? 0))}`);
      line.push(`${r1(x)} ${r1(yOf(mid ?? 0))}`);
    }
    band.push(`M${[...top, ...low].join('L')}Z`);
    if (line.length > 1) median.push(`M${line.join('L')}`);
    run = [];
  };

  for (const row of rows) {
    const x = xOf(row.position, step);
    ticks.push(`M${r1(x)} ${bottom}v6`);
    const { count, min, max, median: mid, wideRange } = row.stats;
    if (count === 0 || min === null || max === null || mid === null) {
      closeRun();
      continue;
    }
    run.push(row);
    const y = yOf(mid);
    const r = radiusFor(count);
    points.push(`M${r1(x - r)} ${r1(y)}a${r1(r)} ${r1(r)} 0 1 0 ${r1(2 * r)} 0a${r1(r)} ${r1(r)} 0 1 0 ${r1(-2 * r)} 0Z`);
    if (wideRange) {
      const yTop = yOf(max);
      wide.push(`M${r1(x - 6)} ${r1(yTop)}h12V${r1(yOf(min))}h-12Z`);
      wideMarks.push(`M${r1(x)} ${r1(yTop - 20)}l7 7l-7 7l-7 -7Z`);
    }
  }
  closeRun();

  return {
    band: band.join(''),
    median: median.join(''),
    points: points.join(''),
    wide: wide.join(''),
    wideMarks: wideMarks.join(''),
    ticks: ticks.join(''),
    width: layout.left + step * rows.length + layout.right,
    height: bottom + layout.bottom,
  };
}
