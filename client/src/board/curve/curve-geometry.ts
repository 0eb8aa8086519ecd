/**
 * The emotion curve's drawing as a few SVG path strings, built in one pass: a board may have
 * hundreds of touchpoints, so the chart is a handful of <path>s rather than a component per
 * point. Touchpoints no one has felt about break the line and band (we draw no data as no data).
 * The same paths run either way: the journey left to right with better feelings higher
 * ('across'), or the journey top to bottom with better feelings further right ('down').
 */
import type { CurveRow } from './curve-data.ts';

/** Sizes in SVG user units (= CSS px at 1:1) of the fixed-step picture under each stage. */
export const layout = {
  left: 12,
  right: 24,
  top: 44,
  plotHeight: 220,
  bottom: 28,
  /** Half the band's width around each point. */
  halfBand: 11,
} as const;

/** Horizontal room per touchpoint in the fixed-step picture. */
export const stepFor = (count: number): number => (count > 60 ? 40 : 64);

/** The y of a score (-2 bottom … +2 top) in the fixed-step picture. */
export const yOf = (score: number): number => layout.top + ((2 - score) / 4) * layout.plotHeight;

/** The x of the touchpoint at `position` in the fixed-step picture. */
export const xOf = (position: number, step: number): number => layout.left + step * position + step / 2;

/** A point's radius grows with how many people said, gently (square root), capped. */
export const radiusFor = (count: number): number => Math.min(4 + 2 * Math.sqrt(count), 14);

/** Which way the journey runs: left to right ('across') or top to bottom ('down'). */
export type Orientation = 'across' | 'down';

/** Where things go: the journey axis ("along") and the feeling axis ("feel"). */
export interface CurvePlacement {
  orientation: Orientation;
  /** The centre of the touchpoint at `index` (its place in `rows`) along the journey. */
  along(index: number): number;
  /** Where a score sits across the feeling axis (may be a half score). */
  feel(score: number): number;
  /** Where the ticks start on the feeling axis: below Very bad ('across') or left of it ('down'). */
  tickAt: number;
  /** Half the band's width along the journey around each point. */
  halfBand: number;
}

export interface CurvePaths {
  /** The min–max band, one closed shape per run of touchpoints with feelings. */
  band: string;
  /** The median line, one subpath per run. */
  median: string;
  /** Circles at each median, sized by count. */
  points: string;
  /** Range bars, hatched, where views differ a lot. */
  wide: string;
  /** Diamonds beyond the best feeling where views differ a lot. */
  wideMarks: string;
  /** Small ticks on the journey axis for every touchpoint. */
  ticks: string;
  width: number;
  height: number;
}

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * Builds every path of the chart from the rows, in journey order, placed by `place`. Width and
 * height are left to the caller (0 here).
 */
export function curvePathsFor(rows: readonly CurveRow[], place: CurvePlacement): CurvePaths {
  const across = place.orientation === 'across';
  /** An "along, feel" pair as "x y". */
  const at = (along: number, feel: number): string => (across ? `${r1(along)} ${r1(feel)}` : `${r1(feel)} ${r1(along)}`);
  // Better feelings are up (smaller y) across, and right (bigger x) down.
  const better = across ? -1 : 1;
  const band: string[] = [];
  const median: string[] = [];
  const points: string[] = [];
  const wide: string[] = [];
  const wideMarks: string[] = [];
  const ticks: string[] = [];
  let run: { index: number; row: CurveRow }[] = [];

  const closeRun = () => {
    if (run.length === 0) return;
    const high: string[] = [];
    const low: string[] = [];
    const line: string[] = [];
    for (const { index, row } of run) {
      const c = place.along(index);
      const { min, max, median: mid } = row.stats;
      high.push(at(c - place.halfBand, place.feel(max ?? 0)), at(c + place.halfBand, place.feel(max ?? 0)));
      low.unshift(at(c + place.halfBand, place.feel(min ?? 0)), at(c - place.halfBand, place.feel(min ?? 0)));
      line.push(at(c, place.feel(mid ?? 0)));
    }
    band.push(`M${[...high, ...low].join('L')}Z`);
    if (line.length > 1) median.push(`M${line.join('L')}`);
    run = [];
  };

  rows.forEach((row, index) => {
    const c = place.along(index);
    ticks.push(`M${at(c, place.tickAt)}L${at(c, place.tickAt - 6 * better)}`);
    const { count, min, max, median: mid, wideRange } = row.stats;
    if (count === 0 || min === null || max === null || mid === null) {
      closeRun();
      return;
    }
    run.push({ index, row });
    const r = radiusFor(count);
    const [x, y] = across ? [c, place.feel(mid)] : [place.feel(mid), c];
    points.push(`M${r1(x - r)} ${r1(y)}a${r1(r)} ${r1(r)} 0 1 0 ${r1(2 * r)} 0a${r1(r)} ${r1(r)} 0 1 0 ${r1(-2 * r)} 0Z`);
    if (wideRange) {
      const [a, b] = [place.feel(min), place.feel(max)];
      wide.push(`M${at(c - 6, a)}L${at(c + 6, a)}L${at(c + 6, b)}L${at(c - 6, b)}Z`);
      // A diamond 13 units beyond the best feeling said.
      const tip = b + 20 * better;
      wideMarks.push(`M${at(c, tip)}L${at(c + 7, tip - 7 * better)}L${at(c, tip - 14 * better)}L${at(c - 7, tip - 7 * better)}Z`);
    }
  });
  closeRun();

  return {
    band: band.join(''),
    median: median.join(''),
    points: points.join(''),
    wide: wide.join(''),
    wideMarks: wideMarks.join(''),
    ticks: ticks.join(''),
    width: 0,
    height: 0,
  };
}

/**
 * The fixed-step picture (each stage's small curve): rows left to right, `step` units apart
 * (default {@link stepFor}), with its own width and height.
 */
export function curvePaths(rows: readonly CurveRow[], step = stepFor(rows.length)): CurvePaths {
  const bottom = layout.top + layout.plotHeight;
  const paths = curvePathsFor(rows, {
    orientation: 'across',
    along: (index) => xOf(index, step),
    feel: yOf,
    tickAt: bottom,
    halfBand: layout.halfBand,
  });
  return { ...paths, width: layout.left + step * rows.length + layout.right, height: bottom + layout.bottom };
}
