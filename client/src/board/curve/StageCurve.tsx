/**
 * The emotion curve's part for one stage, drawn under that stage's cards, so the curve sits with
 * the moments it describes wherever the columns wrap (the whole-journey curve and its table are
 * below the map). Its label says the stage's feelings in words; the table carries every number.
 */
import { createMemo, createUniqueId, Show } from 'solid-js';
import { medianInWords } from '../../../../shared/feeling-stats.ts';
import type { CurveData, CurveRow } from './curve-data.ts';
import { curvePaths, layout } from './curve-geometry.ts';
import { HatchPattern, ScoreGrid } from './CurveParts.tsx';
import './curve.css';

/** The picture's width in SVG units, whatever the number of touchpoints. */
const stageCurveWidth = 720;

export interface StageCurveProps {
  data: CurveData;
  stageId: string;
  stageTitle: string;
}

/** What the stage's picture shows, in one plain sentence. */
function stageSummary(title: string, rows: readonly CurveRow[]): string {
  const felt = rows.filter((row) => row.stats.count > 0);
  const medians = felt.map((row) => row.stats.median ?? 0);
  const low = medianInWords(Math.min(...medians));
  const high = medianInWords(Math.max(...medians));
  const wide = felt.filter((row) => row.stats.wideRange).length;
  return [
    `How ${title || 'this stage'} felt, moment by moment:`,
    low === high ? `the middle feeling is ${low}.` : `middle feelings from ${low} to ${high}.`,
    wide > 0 ? `Views differ a lot at ${wide} ${wide === 1 ? 'moment' : 'moments'}.` : '',
  ]
    .join(' ')
    .trim();
}

export function StageCurve(props: StageCurveProps) {
  // The stage's rows, numbered from 0 so its picture starts at the column's left edge.
  const rows = createMemo(() =>
    props.data.rows.filter((row) => row.stageId === props.stageId).map((row, position) => ({ ...row, position })),
  );
  // Wide user units for a column about three times wider than tall, so the picture fills it.
  const paths = createMemo(() => curvePaths(rows(), stageCurveWidth / Math.max(1, rows().length)));
  const patternId = `stage-curve-hatch-${createUniqueId()}`;
  return (
    <Show when={rows().some((row) => row.stats.count > 0)}>
      <svg
        class="stage-curve"
        role="img"
        aria-label={stageSummary(props.stageTitle, rows())}
        viewBox={`0 ${layout.top - 16} ${paths().width} ${layout.plotHeight + 32}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <HatchPattern id={patternId} />
        <ScoreGrid width={paths().width} />
        <path d={paths().band} class="curve__band" />
        <path d={paths().wide} class="curve__wide" fill={`url(#${patternId})`} />
        <path d={paths().median} class="curve__median" />
        <path d={paths().points} class="curve__points" />
        <path d={paths().wideMarks} class="curve__wide-mark" />
      </svg>
    </Show>
  );
}
