/**
 * "How each group felt" as a table (issue 17): a row per moment in journey order, a column per
 * group, each cell "Bad (3 people)" or "Fewer than 3 people — not shown". Laid out and marked up
 * as the emotion curve's table (curve/CurveTable.tsx, curve.css): explicit ARIA roles, and on a
 * narrow screen each row a block with the group's words before each value (for sight only).
 */
import { createUniqueId, For, Show } from 'solid-js';
import type { PerspectiveLines } from '../../../../shared/api.ts';
import { boardTypes } from '../../../../shared/board-document.ts';
import { touchpointName } from '../../../../shared/curve-words.ts';
import { useBoard } from '../board-context.ts';
import { createTextField } from '../y-text-signal.ts';
import { perspectiveWords, pointWords, shownPoint } from './perspective-words.ts';

function MomentTitle(props: { touchpointId: string }) {
  const board = useBoard();
  const touchpoint = boardTypes(board.doc).touchpoints.get(props.touchpointId);
  if (touchpoint === undefined) return <>{touchpointName('')}</>;
  const title = createTextField(touchpoint, 'title');
  return <>{touchpointName(title())}</>;
}

export function LensTable(props: { lines: PerspectiveLines }) {
  const board = useBoard();
  const captionId = `lens-table-${createUniqueId()}`;
  const points = () => new Map(props.lines.moments.map((moment) => [moment.touchpointId, moment.points]));
  return (
    <table class="curve-table lens-table" role="table" aria-labelledby={captionId}>
      <caption id={captionId}>{perspectiveWords.tableCaption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {perspectiveWords.momentColumn}
          </th>
          <For each={props.lines.perspectives}>
            {(perspective) => (
              <th scope="col" role="columnheader">
                {perspective.label}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody role="rowgroup">
        <For
          each={board.curve.rows}
          fallback={
            <tr role="row">
              <td role="cell" colSpan={props.lines.perspectives.length + 1}>
                No moments yet.
              </td>
            </tr>
          }
        >
          {(row) => (
            <tr role="row" data-lens-row={row.touchpointId}>
              <th scope="row" role="rowheader">
                <MomentTitle touchpointId={row.touchpointId} />
              </th>
              <For each={props.lines.perspectives}>
                {(perspective) => {
                  const point = () => shownPoint(points().get(row.touchpointId)?.[perspective.id]);
                  return (
                    <td role="cell" data-perspective={perspective.id} classList={{ 'lens-table__hidden': point() === null }}>
                      <span class="curve-table__name" aria-hidden="true">
                        {perspective.label}:{' '}
                      </span>
                      <Show when={point()} fallback={pointWords(null)}>
                        {(shown) => pointWords(shown())}
                      </Show>
                    </td>
                  );
                }}
              </For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
