/**
 * Where each group's line goes in "How each group felt" (issue 17): the emotion curve's own layout
 * (curve/curve-layout.ts — the same moments, stage labels, score words, and the same turn from
 * left-to-right to top-to-bottom on a narrow screen) with one line per group on it instead of the
 * curve. A line joins a group's shown points at neighbouring moments and breaks where the group
 * has no point (fewer than 3 of its people said; perspective-words.ts shownPoint): nothing is drawn for what is not shown. Groups
 * sit a little apart along the journey so equal points never hide each other, and each has its
 * own mark shape and dash (never colour alone). Pure, for the chart and its tests.
 */
import type { PerspectiveLines } from '../../../../shared/api.ts';
import type { ChartLayout } from '../curve/curve-layout.ts';
import { shownPoint } from './perspective-words.ts';

/** Each group's look, in board order: shape, dash and colour (each dark enough on white: ≥ 4.5:1). */
export const groupLooks = [
  { shape: 'circle', dash: '', color: '#1d4f91' },
  { shape: 'square', dash: '9 5', color: '#a4161a' },
  { shape: 'triangle', dash: '3 4', color: '#2e6b1f' },
  { shape: 'diamond', dash: '12 4 3 4', color: '#6a2c91' },
  { shape: 'down', dash: '6 3', color: '#7a4300' },
  { shape: 'circle', dash: '1 3', color: '#3d3d3d' },
] as const;

export type GroupLook = (typeof groupLooks)[number];

export const lookOf = (index: number): GroupLook => groupLooks[index % groupLooks.length]!;

/** A mark's outline as a path centred on (x, y), about 2r across. */
export function markPath(shape: GroupLook['shape'], x: number, y: number, r = 6): string {
  const f = (n: number) => (Math.round(n * 10) / 10).toString();
  switch (shape) {
    case 'circle':
      return `M${f(x - r)} ${f(y)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
    case 'square':
      return `M${f(x - r)} ${f(y - r)}h${f(2 * r)}v${f(2 * r)}h${f(-2 * r)}Z`;
    case 'triangle':
      return `M${f(x)} ${f(y - r * 1.2)}L${f(x + r * 1.1)} ${f(y + r * 0.8)}L${f(x - r * 1.1)} ${f(y + r * 0.8)}Z`;
    case 'down':
      return `M${f(x)} ${f(y + r * 1.2)}L${f(x + r * 1.1)} ${f(y - r * 0.8)}L${f(x - r * 1.1)} ${f(y - r * 0.8)}Z`;
    case 'diamond':
      return `M${f(x)} ${f(y - r * 1.3)}L${f(x + r * 1.3)} ${f(y)}L${f(x)} ${f(y + r * 1.3)}L${f(x - r * 1.3)} ${f(y)}Z`;
  }
}

/** One group's shown point at one moment, where it is drawn. */
export interface LensPoint {
  touchpointId: string;
  x: number;
  y: number;
}

export interface GroupLine {
  perspectiveId: string;
  look: GroupLook;
  /** The line, one subpath per run of neighbouring shown points ('' when no two neighbour). */
  path: string;
  points: LensPoint[];
}

/** The journey-axis centre of each moment and where a score sits across, read off the curve's layout. */
export function placement(chart: ChartLayout): { along(index: number): number; feel(score: number): number } {
  const centre = (index: number) => {
    const hit = chart.points[index]?.hit;
    if (hit === undefined) return 0;
    return chart.orientation === 'across' ? hit.x + hit.width / 2 : hit.y + hit.height / 2;
  };
  const { plot } = chart;
  const feel =
    chart.orientation === 'across'
      ? (score: number) => plot.y + ((2 - score) / 4) * plot.height
      : (score: number) => plot.x + (score + 2.5) * (plot.width / 5);
  return { along: centre, feel };
}

/**
 * Every group's line on `chart`, whose points are the journey's moments (`momentIds`, in order).
 * A moment the lines do not know (added after they were worked out) has no point for anyone.
 */
export function groupLines(chart: ChartLayout, momentIds: readonly string[], lines: Pick<PerspectiveLines, 'perspectives' | 'moments'>): GroupLine[] {
  const { along, feel } = placement(chart);
  const byMoment = new Map(lines.moments.map((moment) => [moment.touchpointId, moment.points]));
  const count = lines.perspectives.length;
  const r1 = (n: number) => (Math.round(n * 10) / 10).toString();
  return lines.perspectives.map((perspective, g) => {
    // Apart along the journey by 7 px a group, centred on the moment.
    const shift = (g - (count - 1) / 2) * 7;
    const points: LensPoint[] = [];
    const runs: string[] = [];
    let run: string[] = [];
    const close = () => {
      if (run.length > 1) runs.push(`M${run.join('L')}`);
      run = [];
    };
    momentIds.forEach((touchpointId, index) => {
      const point = shownPoint(byMoment.get(touchpointId)?.[perspective.id]);
      if (point === null) {
        close();
        return;
      }
      const a = along(index) + shift;
      const f = feel(point.median);
      const [x, y] = chart.orientation === 'across' ? [a, f] : [f, a];
      points.push({ touchpointId, x, y });
      run.push(`${r1(x)} ${r1(y)}`);
    });
    close();
    return { perspectiveId: perspective.id, look: lookOf(g), path: runs.join(''), points };
  });
}
