/**
 * The emotion curve as one SVG picture: higher felt better. The line joins each touchpoint's
 * middle feeling, the shaded band runs from the lowest to the highest, dots grow with how many
 * people said, and places where views differ a lot get a hatched bar and a diamond (shape and
 * pattern, not colour alone). The picture is role="img" with a spoken summary; the table next
 * to it carries every number.
 */
import { createMemo, createUniqueId, For, Show } from 'solid-js';
import { feelingScores } from '../../../../shared/board-document.ts';
import { medianInWords, scoreWords } from '../../../../shared/feeling-stats.ts';
import type { CurveData } from './curve-data.ts';
import { curvePaths, layout, stepFor, xOf, yOf } from './curve-geometry.ts';
import { HatchPattern, ScoreGrid } from './CurveParts.tsx';

/** What the picture shows, in one or two plain sentences for screen readers. */
export function curveSummary(data: CurveData): string {
  const rows = data.rows;
  if (rows.length === 0) return 'Emotion curve: the journey has no moments yet.';
  const felt = rows.filter((row) => row.stats.count > 0);
  const moments = `${rows.length} ${rows.length === 1 ? 'moment' : 'moments'}`;
  const stages = `${data.spans.length} ${data.spans.length === 1 ? 'stage' : 'stages'}`;
  const parts = [`Emotion curve across ${moments} in ${stages}.`];
  if (felt.length === 0) {
    parts.push('No one has said how any moment felt yet.');
  } else {
    const medians = felt.map((row) => row.stats.median ?? 0);
    const low = medianInWords(Math.min(...medians));
    const high = medianInWords(Math.max(...medians));
    parts.push(
      `${felt.length} of them have feelings.`,
      low === high ? `The middle feeling is ${low} everywhere.` : `Middle feelings go from ${low} to ${high}.`,
    );
    const wide = felt.filter((row) => row.stats.wideRange).length;
    parts.push(wide === 0 ? 'Views do not differ a lot anywhere.' : `Views differ a lot at ${wide} ${wide === 1 ? 'moment' : 'moments'}.`);
  }
  parts.push('The table below gives the details.');
  return parts.join(' ');
}

/** Shortens a stage title to fit its part of the chart; the table has it in full. */
const fit = (title: string, room: number): string => {
  const chars = Math.max(3, Math.floor(room / 8));
  const name = title.trim() === '' ? 'Untitled stage' : title.trim();
  return name.length <= chars ? name : `${name.slice(0, chars - 1)}…`;
};

/**
 * The score words (Very good … Very bad) in a column that stays in view while a long journey
 * scrolls sideways. Decorative for screen readers: the picture's label and the table say it.
 */
export function CurveAxis() {
  return (
    <div class="curve__axis" aria-hidden="true" style={{ height: `${layout.top + layout.plotHeight + layout.bottom}px` }}>
      <For each={feelingScores}>
        {(score) => (
          <span class="curve__axis-label" style={{ top: `${yOf(score)}px` }}>
            {scoreWords[score]}
          </span>
        )}
      </For>
    </div>
  );
}

export function CurveChart(props: { data: CurveData }) {
  const paths = createMemo(() => curvePaths(props.data.rows));
  const step = () => stepFor(props.data.rows.length);
  const bottom = layout.top + layout.plotHeight;
  const patternId = `curve-hatch-${createUniqueId()}`;

  return (
    <svg
      class="curve__chart"
      role="img"
      aria-label={curveSummary(props.data)}
      width={paths().width}
      height={paths().height}
      viewBox={`0 0 ${paths().width} ${paths().height}`}
    >
      <HatchPattern id={patternId} />
      <rect width={paths().width} height={paths().height} class="curve__bg" />
      <ScoreGrid width={paths().width - layout.right} />
      <For each={props.data.spans}>
        {(span) => (
          <>
            <Show when={span.start > 0}>
              <line
                x1={layout.left + step() * span.start}
                x2={layout.left + step() * span.start}
                y1={8}
                y2={bottom + 6}
                class="curve__stage-divider"
              />
            </Show>
            <text x={layout.left + step() * span.start + 6} y={18} class="curve__stage-label">
              {fit(span.stageTitle, step() * span.count - 8)}
            </text>
          </>
        )}
      </For>
      <path d={paths().ticks} class="curve__ticks" />
      <path d={paths().band} class="curve__band" />
      <path d={paths().wide} class="curve__wide" fill={`url(#${patternId})`} />
      <path d={paths().median} class="curve__median" />
      <path d={paths().points} class="curve__points" />
      <path d={paths().wideMarks} class="curve__wide-mark" />
      <For each={props.data.rows}>
        {(row) => (
          <Show when={row.stats.count > 0}>
            <text
              x={xOf(row.position, step()) + 9}
              y={yOf(row.stats.median ?? 0) + 18}
              class="curve__count"
              aria-hidden="true"
            >
              {row.stats.count}
            </text>
          </Show>
        )}
      </For>
    </svg>
  );
}
