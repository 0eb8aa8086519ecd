/**
 * The emotion curve as one SVG picture that fills the width it is given: the line joins each
 * touchpoint's middle feeling, the shaded band runs from the lowest to the highest, dots grow
 * with how many people said, and places where views differ a lot get a hatched bar and a
 * diamond (shape and pattern, not colour alone). Every touchpoint is labelled with its title
 * (wrapped, or shortened with "…") and is a Tab stop that says its title, middle feeling,
 * spread and count; focus or hover shows a tooltip with the full title and figures.
 *
 * Which way it runs and where everything goes comes from curve-layout.ts. The picture creates
 * no positioned box and no stacking context (its tooltip is drawn inside the SVG), so it paints
 * in the page's normal flow and never over a bar pinned to the top of the page.
 */
import { createEffect, createMemo, createSignal, createUniqueId, Index, mapArray, onCleanup, onMount, Show } from 'solid-js';
import type * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { createTextField } from '../y-text-signal.ts';
import type { CurveData } from './curve-data.ts';
import { chartLayout, chartText, tipLayout, type TextBlock } from './curve-layout.ts';
import { curveSummary, pointDetails, pointName } from '../../../../shared/curve-words.ts';
import { HatchPattern } from './CurveParts.tsx';
import './curve.css';

/** Text widths from the browser's own font metrics, for the font the picture uses. */
function textMeasure(element: Element): (text: string, bold: boolean) => number {
  const context = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(element).fontFamily;
  const cache = new Map<string, number>();
  return (text, bold) => {
    const key = `${bold ? 'b' : 'n'}${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (context === null) width = text.length * chartText.size * 0.62;
      else {
        context.font = `${bold ? 700 : 400} ${chartText.size}px ${family}`;
        width = context.measureText(text).width;
      }
      cache.set(key, width);
    }
    return width;
  };
}

/** A block of lines, one <tspan> each; a space ends each line but the last, so the text reads as words. */
function TextLines(props: { block: TextBlock; class: string }) {
  return (
    <text class={props.class} x={props.block.x} y={props.block.y} text-anchor={props.block.anchor}>
      <Index each={props.block.lines}>
        {(line, j) => (
          <tspan x={props.block.x} y={props.block.y + j * chartText.lineHeight}>
            {j < props.block.lines.length - 1 ? `${line()} ` : line()}
          </tspan>
        )}
      </Index>
    </text>
  );
}

export function CurveChart(props: { doc: Y.Doc; data: CurveData }) {
  let figure!: HTMLDivElement;
  const [width, setWidth] = createSignal(0);
  const [fonts, setFonts] = createSignal(0);
  onMount(() => {
    setWidth(figure.clientWidth);
    const observer = new ResizeObserver(() => setWidth(figure.clientWidth));
    observer.observe(figure);
    // A web font arriving late changes every text width.
    const fontSet = document.fonts as FontFaceSet | undefined;
    const remeasure = () => setFonts((n) => n + 1);
    fontSet?.addEventListener('loadingdone', remeasure);
    onCleanup(() => {
      observer.disconnect();
      fontSet?.removeEventListener('loadingdone', remeasure);
    });
  });
  const measure = createMemo(() => (fonts(), width() > 0 ? textMeasure(figure) : null));

  // Titles are Y.Text, read live per touchpoint; rows are kept per touchpoint (reconcile).
  const titleFields = mapArray(
    () => props.data.rows,
    (row) => {
      const touchpoint = boardTypes(props.doc).touchpoints.get(row.touchpointId);
      return touchpoint === undefined ? () => '' : createTextField(touchpoint, 'title');
    },
  );
  const titles = createMemo(() => titleFields().map((title) => title()));
  const chart = createMemo(() => {
    const measureText = measure();
    if (measureText === null) return null;
    return chartLayout({ rows: props.data.rows, titles: titles(), spans: props.data.spans, width: width(), measure: measureText });
  });

  // The tooltip follows the last point hovered or focused; Escape hides it until the next one.
  const [focused, setFocused] = createSignal<number | null>(null);
  const [hovered, setHovered] = createSignal<number | null>(null);
  const [lastBy, setLastBy] = createSignal<'focus' | 'hover'>('focus');
  const [dismissed, setDismissed] = createSignal(false);
  const active = () => (lastBy() === 'hover' ? (hovered() ?? focused()) : (focused() ?? hovered()));
  const tip = createMemo(() => {
    const index = active();
    const layout = chart();
    const measureText = measure();
    const row = index === null ? undefined : props.data.rows[index];
    if (index === null || layout === null || measureText === null || row === undefined || dismissed()) return null;
    return tipLayout(layout, index, titles()[index] ?? '', pointDetails(row.stats), measureText);
  });
  createEffect(() => {
    if (tip() === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });
  const show = (index: number, by: 'focus' | 'hover') => {
    if (by === 'focus') setFocused(index);
    else setHovered(index);
    setLastBy(by);
    setDismissed(false);
  };

  const name = (index: number) => pointName(titles()[index] ?? '', props.data.rows[index]!.stats);
  const patternId = `curve-hatch-${createUniqueId()}`;
  const height = () => {
    const layout = chart();
    const box = tip();
    return layout === null ? 0 : Math.max(layout.height, box === null ? 0 : box.y + box.height + 2);
  };

  return (
    <>
      <p class="curve__key">
        {chart()?.orientation === 'down'
          ? 'Each moment of the journey has a row, in order from the top; further right means it felt better.'
          : 'Each moment of the journey is named along the bottom, in order; higher means it felt better.'}{' '}
        The line joins the middle feeling at each moment; the shaded band goes from the lowest to the highest feeling;
        bigger dots mean more people said. A{' '}
        <span class="curve__key-mark" aria-hidden="true">
          ◆
        </span>{' '}
        diamond and striped bar mark moments where views differ a lot. Press Tab to go through the moments one by one.
      </p>
      <div class="curve__figure" role="group" aria-label="Emotion curve picture" ref={figure} onPointerLeave={() => setHovered(null)}>
        <Show when={chart()}>
          {(layout) => (
            <svg
              class={`curve__chart curve__chart--${layout().orientation}`}
              role="none"
              width={layout().width}
              height={height()}
              viewBox={`0 0 ${layout().width} ${height()}`}
            >
              <g role="img" aria-label={curveSummary(props.data)}>
                <HatchPattern id={patternId} />
                <rect width={layout().width} height={height()} class="curve__bg" />
                <Index each={layout().grid}>
                  {(line) => (
                    <line
                      x1={line().x1}
                      x2={line().x2}
                      y1={line().y1}
                      y2={line().y2}
                      class={line().score === 0 ? 'curve__grid curve__grid--zero' : 'curve__grid'}
                    />
                  )}
                </Index>
                <Index each={layout().scores}>{(score) => <TextLines block={score()} class="curve__score" />}</Index>
                <Index each={layout().stages}>
                  {(stage) => (
                    <>
                      <Show when={stage().divider}>
                        {(line) => <line x1={line().x1} x2={line().x2} y1={line().y1} y2={line().y2} class="curve__stage-divider" />}
                      </Show>
                      <TextLines block={stage().label} class="curve__stage-label" />
                    </>
                  )}
                </Index>
                <path d={layout().paths.ticks} class="curve__ticks" />
                <path d={layout().paths.band} class="curve__band" />
                <path d={layout().paths.wide} class="curve__wide" fill={`url(#${patternId})`} />
                <path d={layout().paths.median} class="curve__median" />
                <path d={layout().paths.points} class="curve__points" />
                <path d={layout().paths.wideMarks} class="curve__wide-mark" />
                <Index each={layout().points}>
                  {(point, index) => (
                    <Show when={point().count}>
                      {(at) => (
                        <text x={at().x} y={at().y} class="curve__count">
                          {props.data.rows[index]?.stats.count}
                        </text>
                      )}
                    </Show>
                  )}
                </Index>
              </g>
              <Index each={layout().points}>
                {(point, index) => (
                  <g
                    class="curve__point"
                    classList={{ 'curve__point--active': active() === index }}
                    tabindex="0"
                    role="img"
                    aria-label={name(index)}
                    data-curve-point={point().touchpointId}
                    onFocus={() => show(index, 'focus')}
                    onBlur={() => setFocused((current) => (current === index ? null : current))}
                    onPointerEnter={() => show(index, 'hover')}
                  >
                    <title>{name(index)}</title>
                    <rect class="curve__hit" x={point().hit.x} y={point().hit.y} width={point().hit.width} height={point().hit.height} rx="6" />
                    <rect
                      class="curve__ring"
                      x={point().hit.x + 2}
                      y={point().hit.y + 2}
                      width={Math.max(0, point().hit.width - 4)}
                      height={Math.max(0, point().hit.height - 4)}
                      rx="5"
                    />
                    <TextLines block={point().label} class="curve__label" />
                  </g>
                )}
              </Index>
              <Show when={tip()}>
                {(box) => (
                  <g class="curve__tip" aria-hidden="true">
                    <rect x={box().x} y={box().y} width={box().width} height={box().height} rx="6" class="curve__tip-box" />
                    <TextLines
                      block={{ lines: box().titleLines, x: box().x + 10, y: box().y + 10 + chartText.lineHeight / 2, anchor: 'start', cut: false }}
                      class="curve__tip-title"
                    />
                    <TextLines
                      block={{
                        lines: box().detailLines,
                        x: box().x + 10,
                        y: box().y + 10 + chartText.lineHeight * (box().titleLines.length + 0.5),
                        anchor: 'start',
                        cut: false,
                      }}
                      class="curve__tip-text"
                    />
                  </g>
                )}
              </Show>
            </svg>
          )}
        </Show>
      </div>
    </>
  );
}
