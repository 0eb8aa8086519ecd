/**
 * "How each group felt" as a picture (issue 17): each group's line side by side across the
 * journey's moments, on the emotion curve's own layout (lens-geometry.ts), with a key naming each
 * group beside its mark and dash. One image for screen readers, named in words; the table after
 * it (LensTable) says every point, and where views differ most is said in sentences (DifferMost).
 * Like the curve, it fills the width it is given and turns top-to-bottom on a narrow screen, so
 * nothing scrolls sideways; it makes no positioned box, so it never paints over the pinned bar.
 */
import { createMemo, createSignal, For, Index, mapArray, onCleanup, onMount, Show } from 'solid-js';
import type { PerspectiveLines } from '../../../../shared/api.ts';
import { boardTypes } from '../../../../shared/board-document.ts';
import { useBoard } from '../board-context.ts';
import { chartLayout, chartText, type TextBlock } from '../curve/curve-layout.ts';
import { createTextField } from '../y-text-signal.ts';
import { groupLines, lookOf, markPath } from './lens-geometry.ts';
import { lensSummary } from './perspective-words.ts';
import '../curve/curve.css';

/** Text widths from the browser's own font metrics, for the font the picture uses. */
function textMeasure(element: Element): (text: string, bold: boolean) => number {
  const context = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(element).fontFamily;
  return (text, bold) => {
    if (context === null) return text.length * chartText.size * 0.62;
    context.font = `${bold ? 700 : 400} ${chartText.size}px ${family}`;
    return context.measureText(text).width;
  };
}

function TextLines(props: { block: TextBlock; class: string }) {
  return (
    <text class={props.class} x={props.block.x} y={props.block.y} text-anchor={props.block.anchor}>
      <Index each={props.block.lines}>
        {(line, j) => (
          <tspan x={props.block.x} y={props.block.y + j * chartText.lineHeight}>
            {line()}
          </tspan>
        )}
      </Index>
    </text>
  );
}

/** A short sample of a group's line and mark, for the key. */
function KeySample(props: { index: number }) {
  const look = () => lookOf(props.index);
  return (
    <svg class="lens__sample" width="44" height="20" viewBox="0 0 44 20" aria-hidden="true">
      <line x1="2" y1="10" x2="42" y2="10" stroke={look().color} stroke-dasharray={look().dash} class="lens__line" />
      <path d={markPath(look().shape, 22, 10, 5)} fill={look().color} class="lens__mark" />
    </svg>
  );
}

export function LensChart(props: { lines: PerspectiveLines }) {
  const board = useBoard();
  let figure!: HTMLDivElement;
  const [width, setWidth] = createSignal(0);
  onMount(() => {
    setWidth(figure.clientWidth);
    const observer = new ResizeObserver(() => setWidth(figure.clientWidth));
    observer.observe(figure);
    onCleanup(() => observer.disconnect());
  });
  const measure = createMemo(() => (width() > 0 ? textMeasure(figure) : null));
  const rows = () => board.curve.rows;
  const titleFields = mapArray(rows, (row) => {
    const touchpoint = boardTypes(board.doc).touchpoints.get(row.touchpointId);
    return touchpoint === undefined ? () => '' : createTextField(touchpoint, 'title');
  });
  const chart = createMemo(() => {
    const measureText = measure();
    if (measureText === null) return null;
    return chartLayout({ rows: rows(), titles: titleFields().map((title) => title()), spans: board.curve.spans, width: width(), measure: measureText });
  });
  const lines = createMemo(() => {
    const layout = chart();
    return layout === null ? [] : groupLines(layout, rows().map((row) => row.touchpointId), props.lines);
  });

  return (
    <>
      <ul class="lens__key" aria-label="Key to the lines">
        <For each={props.lines.perspectives}>
          {(perspective, index) => (
            <li>
              <KeySample index={index()} />
              {perspective.label}
            </li>
          )}
        </For>
      </ul>
      <div class="curve__figure lens__figure" ref={figure}>
        <Show when={chart()}>
          {(layout) => (
            <svg
              class={`curve__chart lens__chart curve__chart--${layout().orientation}`}
              role="img"
              aria-label={lensSummary(props.lines.perspectives.length, rows().length)}
              width={layout().width}
              height={layout().height}
              viewBox={`0 0 ${layout().width} ${layout().height}`}
            >
              <rect width={layout().width} height={layout().height} class="curve__bg" />
              <Index each={layout().grid}>
                {(line) => <line x1={line().x1} x2={line().x2} y1={line().y1} y2={line().y2} class={line().score === 0 ? 'curve__grid curve__grid--zero' : 'curve__grid'} />}
              </Index>
              <Index each={layout().scores}>{(score) => <TextLines block={score()} class="curve__score" />}</Index>
              <Index each={layout().stages}>
                {(stage) => (
                  <>
                    <Show when={stage().divider}>{(line) => <line x1={line().x1} x2={line().x2} y1={line().y1} y2={line().y2} class="curve__stage-divider" />}</Show>
                    <TextLines block={stage().label} class="curve__stage-label" />
                  </>
                )}
              </Index>
              <path d={layout().paths.ticks} class="curve__ticks" />
              <Index each={layout().points}>{(point) => <TextLines block={point().label} class="curve__label" />}</Index>
              <For each={lines()}>
                {(group) => (
                  <g data-lens-group={group.perspectiveId}>
                    <path d={group.path} stroke={group.look.color} stroke-dasharray={group.look.dash} class="lens__line" />
                    <For each={group.points}>
                      {(point) => (
                        <path
                          d={markPath(group.look.shape, point.x, point.y)}
                          fill={group.look.color}
                          class="lens__mark"
                          data-lens-point={point.touchpointId}
                          data-perspective={group.perspectiveId}
                        />
                      )}
                    </For>
                  </g>
                )}
              </For>
            </svg>
          )}
        </Show>
      </div>
    </>
  );
}
