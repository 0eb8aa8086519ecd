/**
 * Where everything in the journey's emotion curve goes, for the width it has: pure arithmetic
 * from the rows, their titles and a text `measure`, so it is tested without a browser.
 *
 * Wide enough to give every touchpoint {@link minStep} px, the journey runs left to right with
 * better feelings higher and each touchpoint's title wrapped under its point ('across'). Any
 * narrower — a phone, a zoomed page, a long journey — it runs top to bottom: touchpoints down
 * the left with their titles, feelings across from Very bad to Very good ('down'). Titles then
 * get a third of the width whatever the count, and the picture only grows taller, so nothing
 * ever scrolls sideways.
 */
import { feelingScores, type FeelingScore } from '../../../../shared/board-document.ts';
import { scoreWords } from '../../../../shared/feeling-stats.ts';
import type { CurveRow, CurveStageSpan } from './curve-data.ts';
import { curvePathsFor, radiusFor, type CurvePaths, type Orientation } from './curve-geometry.ts';
import { stageName, touchpointName } from '../../../../shared/curve-words.ts';
import { wrapLabel, type Measure } from './label-wrap.ts';

/** The chart's text size and line height in px (CSS sets the same size: curve.css). */
export const chartText = { size: 15, lineHeight: 19 } as const;

/** The least room across per touchpoint for its title to wrap into readable lines. */
export const minStep = 84;

/** How many lines a title, a stage's title or a score word may take before it ends with "…". */
const maxLines = { across: { title: 4, stage: 2 }, down: { title: 3, stage: 3 }, score: 2 } as const;

/** Touchpoint rows in the 'down' layout are at least this tall: a comfortable touch target. */
const minRowHeight = 48;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Lines of text; `y` is the middle of the first line, each next line `chartText.lineHeight` lower. */
export interface TextBlock {
  lines: string[];
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** Some of the text did not fit: the full text is shown on focus and hover. */
  cut: boolean;
}

export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ChartPoint {
  touchpointId: string;
  /** The whole touchpoint's area (label and plot): where hover and the focus ring go. */
  hit: Box;
  label: TextBlock;
  /** Where the count of people is written (null when no one has said). */
  count: { x: number; y: number } | null;
}

export interface ChartLayout {
  orientation: Orientation;
  width: number;
  height: number;
  /** The area the feelings are drawn in. */
  plot: Box;
  scores: (TextBlock & { score: FeelingScore })[];
  grid: (Line & { score: FeelingScore })[];
  stages: { stageId: string; label: TextBlock; divider: Line | null }[];
  points: ChartPoint[];
  paths: CurvePaths;
}

export interface ChartInput {
  rows: readonly CurveRow[];
  /** Each row's touchpoint title, by row index. */
  titles: readonly string[];
  spans: readonly CurveStageSpan[];
  /** The room the picture has, in CSS px. */
  width: number;
  /** Text width at `chartText.size`; `bold` for stage titles and tooltip titles. */
  measure: (text: string, bold: boolean) => number;
}

/** 'across' when each touchpoint gets at least {@link minStep} px beside the score words. */
export function orientationFor(width: number, count: number, axisWidth = 96): Orientation {
  return (width - axisWidth - 12) / Math.max(1, count) >= minStep ? 'across' : 'down';
}

const block = (text: string, width: number, lines: number, measure: Measure, x: number, y: number, anchor: TextBlock['anchor']): TextBlock => {
  const wrapped = wrapLabel(text, Math.max(8, width), lines, measure);
  return { lines: wrapped.lines, cut: wrapped.cut, x, y, anchor };
};

/** Lays the whole chart out for `input.width`. */
export function chartLayout(input: ChartInput): ChartLayout {
  const plain: Measure = (text) => input.measure(text, false);
  const axisWidth = Math.ceil(Math.max(...feelingScores.map((s) => plain(scoreWords[s])))) + 18;
  return orientationFor(input.width, input.rows.length, axisWidth) === 'across'
    ? acrossLayout(input, axisWidth)
    : downLayout(input);
}

function acrossLayout(input: ChartInput, axisWidth: number): ChartLayout {
  const { rows, spans, width } = input;
  const L = chartText.lineHeight;
  const plain: Measure = (text) => input.measure(text, false);
  const bold: Measure = (text) => input.measure(text, true);
  const right = 12;
  const step = (width - axisWidth - right) / Math.max(1, rows.length);
  const xAt = (index: number) => axisWidth + step * index;

  const stageLabels = spans.map((span) =>
    block(stageName(span.stageTitle), span.count * step - 14, maxLines.across.stage, bold, xAt(span.start) + 7, 8 + L / 2, 'start'),
  );
  const stageBand = 8 + Math.max(1, ...stageLabels.map((label) => label.lines.length)) * L + 6;
  // Room above Very good for the diamond that marks views differing a lot.
  const plot: Box = { x: axisWidth, y: stageBand + 26, width: width - axisWidth - right, height: 220 };
  const plotBottom = plot.y + plot.height;
  const feel = (score: number) => plot.y + ((2 - score) / 4) * plot.height;

  const labelTop = plotBottom + 14;
  const labels = rows.map((row, index) =>
    block(touchpointName(input.titles[index] ?? ''), step - 10, maxLines.across.title, plain, xAt(index) + step / 2, labelTop + L / 2, 'middle'),
  );
  const height = labelTop + Math.max(1, ...labels.map((label) => label.lines.length)) * L + 10;

  const paths = curvePathsFor(rows, { orientation: 'across', along: (i) => xAt(i) + step / 2, feel, tickAt: plotBottom, halfBand: Math.min(11, step / 3) });
  return {
    orientation: 'across',
    width,
    height,
    plot,
    scores: feelingScores.map((score) => ({ score, lines: [scoreWords[score]], x: axisWidth - 10, y: feel(score), anchor: 'end', cut: false })),
    grid: feelingScores.map((score) => ({ score, x1: axisWidth - 4, x2: width - right, y1: feel(score), y2: feel(score) })),
    stages: spans.map((span, s) => ({
      stageId: span.stageId,
      label: stageLabels[s]!,
      divider: span.start > 0 ? { x1: xAt(span.start), x2: xAt(span.start), y1: 4, y2: height - 4 } : null,
    })),
    points: rows.map((row, index) => {
      const r = radiusFor(row.stats.count);
      const x = xAt(index) + step / 2;
      const y = feel(row.stats.median ?? 0);
      return {
        touchpointId: row.touchpointId,
        hit: { x: xAt(index) + 1, y: stageBand, width: step - 2, height: height - stageBand - 2 },
        label: labels[index]!,
        count: row.stats.count > 0 ? { x: x + r * 0.7 + 6, y: y + r * 0.7 + 8 } : null,
      };
    }),
    paths: { ...paths, width, height },
  };
}

function downLayout(input: ChartInput): ChartLayout {
  const { rows, spans, width } = input;
  const L = chartText.lineHeight;
  const plain: Measure = (text) => input.measure(text, false);
  const bold: Measure = (text) => input.measure(text, true);
  const labelWidth = Math.round(Math.min(320, Math.max(116, width * 0.36)));
  const plotLeft = labelWidth + 6;
  const column = (width - 6 - plotLeft) / feelingScores.length;
  // Each score in the middle of its own column, so the band and marks at the ends stay inside.
  const feel = (score: number) => plotLeft + (score + 2.5) * column;

  const scores = feelingScores.map((score) => ({ score, ...block(scoreWords[score], column - 4, maxLines.score, plain, feel(score), 8 + L / 2, 'middle') }));
  const header = 8 + Math.max(...scores.map((s) => s.lines.length)) * L + 8;

  const stages: ChartLayout['stages'] = [];
  const points: ChartPoint[] = [];
  const centres: number[] = [];
  let y = header;
  for (const span of spans) {
    const label = block(stageName(span.stageTitle), labelWidth - 14, maxLines.down.stage, bold, 8, y + 10 + L / 2, 'start');
    stages.push({ stageId: span.stageId, label, divider: { x1: 0, x2: width, y1: y, y2: y } });
    y += 10 + label.lines.length * L + 4;
    for (let index = span.start; index < span.start + span.count; index++) {
      const row = rows[index];
      if (row === undefined) continue;
      const wrapped = wrapLabel(touchpointName(input.titles[index] ?? ''), labelWidth - 22, maxLines.down.title, plain);
      const rowHeight = Math.max(minRowHeight, wrapped.lines.length * L + 16);
      const centre = y + rowHeight / 2;
      centres[index] = centre;
      const r = radiusFor(row.stats.count);
      points.push({
        touchpointId: row.touchpointId,
        hit: { x: 4, y: y + 1, width: width - 8, height: rowHeight - 2 },
        label: { lines: wrapped.lines, cut: wrapped.cut, x: 16, y: centre - ((wrapped.lines.length - 1) * L) / 2, anchor: 'start' },
        count:
          row.stats.count > 0 ? { x: feel(row.stats.median ?? 0) + r * 0.7 + 6, y: centre - r * 0.7 - 6 } : null,
      });
      y += rowHeight;
    }
  }
  // A long journey repeats the score words at the bottom, where the top ones are out of view.
  const footer = rows.length > 6 ? feelingScores.map((score) => ({ ...scores[score + 2]!, y: y + 10 + L / 2 })) : [];
  const height = y + (footer.length > 0 ? header + 4 : 8);
  const paths = curvePathsFor(rows, {
    orientation: 'down',
    along: (index) => centres[index] ?? 0,
    feel,
    tickAt: plotLeft - 2,
    halfBand: 11,
  });
  return {
    orientation: 'down',
    width,
    height,
    plot: { x: plotLeft, y: header, width: width - 6 - plotLeft, height: height - header },
    scores: [...scores, ...footer],
    grid: feelingScores.map((score) => ({ score, x1: feel(score), x2: feel(score), y1: header - 4, y2: y + 4 })),
    stages,
    points,
    paths: { ...paths, width, height },
  };
}

/** The tooltip for one point: its box and its lines (the title's lines first, in bold). */
export interface TipLayout extends Box {
  titleLines: string[];
  detailLines: string[];
}

/**
 * Places the tooltip of `points[index]` beside the point ('across') or below its row ('down'),
 * moved to the other side when it would not fit, and always inside the picture.
 */
export function tipLayout(
  chart: ChartLayout,
  index: number,
  title: string,
  details: readonly string[],
  measure: ChartInput['measure'],
): TipLayout | null {
  const point = chart.points[index];
  if (point === undefined) return null;
  const L = chartText.lineHeight;
  const width = Math.min(320, chart.width - 8);
  const inner = width - 20;
  const titleLines = wrapLabel(touchpointName(title), inner, 6, (text) => measure(text, true)).lines;
  const detailLines = details.flatMap((line) => wrapLabel(line, inner, 2, (text) => measure(text, false)).lines);
  const height = 10 + (titleLines.length + detailLines.length) * L + 10;
  const hit = point.hit;
  const clampX = (x: number) => Math.max(4, Math.min(chart.width - 4 - width, x));
  const clampY = (y: number) => Math.max(2, Math.min(chart.height - 2 - height, y));
  if (chart.orientation === 'across') {
    const after = hit.x + hit.width + 4;
    const x = after + width <= chart.width - 4 ? after : hit.x - 4 - width;
    return { x: clampX(x), y: clampY(chart.plot.y - 10), width, height, titleLines, detailLines };
  }
  const below = hit.y + hit.height + 2;
  const y = below + height <= chart.height - 2 ? below : hit.y - 2 - height;
  return { x: clampX(hit.x + 10), y: clampY(y), width, height, titleLines, detailLines };
}
