/**
 * The emotion curve as a table: the same data as the picture, for screen readers and for anyone
 * who prefers words and numbers. One row per touchpoint in journey order; each row reads its
 * touchpoint's title live from the document.
 *
 * On a narrow screen curve.css lays each row out as a block (the touchpoint, then "Stage: …",
 * "People: …") instead of making the table scroll sideways. It stays one <table> at every width,
 * with explicit ARIA roles: some browsers drop table semantics when CSS changes `display`, and
 * the roles keep rows, cells and their column and row headers for screen readers. The words
 * shown before each value in the narrow layout are hidden from screen readers, which already
 * say each cell's column header.
 */
import { createUniqueId, For, Show, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { medianInWords } from '../../../../shared/feeling-stats.ts';
import { createTextField } from '../y-text-signal.ts';
import type { CurveData, CurveRow } from './curve-data.ts';
import { rangeInWords, stageName, touchpointName } from '../../../../shared/curve-words.ts';

export { rangeInWords };

const columns = ['Stage', 'Touchpoint', 'People', 'Middle feeling', 'Range', 'Views differ a lot?'] as const;

function TouchpointTitle(props: { touchpoint: Y.Map<unknown> }) {
  const title = createTextField(props.touchpoint, 'title');
  return <>{touchpointName(title())}</>;
}

/** A cell with its column's name shown before the value in the narrow layout only. */
function Cell(props: { column: (typeof columns)[number]; children: JSX.Element }) {
  return (
    <td role="cell">
      <span class="curve-table__name" aria-hidden="true">
        {props.column}:{' '}
      </span>
      {props.children}
    </td>
  );
}

function Row(props: { doc: Y.Doc; row: CurveRow }) {
  // Rows are kept per touchpoint id (reconcile), so the map looked up now stays this row's map.
  const touchpoint = boardTypes(props.doc).touchpoints.get(props.row.touchpointId);
  const stats = () => props.row.stats;
  return (
    <tr role="row" class={stats().wideRange ? 'curve-table__wide' : undefined}>
      <Cell column="Stage">{stageName(props.row.stageTitle)}</Cell>
      <th scope="row" role="rowheader">
        <Show when={touchpoint} fallback="Untitled touchpoint">
          {(map) => <TouchpointTitle touchpoint={map()} />}
        </Show>
      </th>
      <Cell column="People">{stats().count === 0 ? 'No one yet' : stats().count}</Cell>
      <Cell column="Middle feeling">{medianInWords(stats().median) ?? 'None yet'}</Cell>
      <Cell column="Range">{rangeInWords(stats())}</Cell>
      <Cell column="Views differ a lot?">
        <Show when={stats().wideRange} fallback="No">
          <span class="curve-table__mark" aria-hidden="true">
            ◆{' '}
          </span>
          Yes
        </Show>
      </Cell>
    </tr>
  );
}

export function CurveTable(props: { doc: Y.Doc; data: CurveData }) {
  const captionId = `curve-table-${createUniqueId()}`;
  return (
    <table class="curve-table" role="table" aria-labelledby={captionId}>
      <caption id={captionId}>How each moment felt</caption>
      <thead role="rowgroup">
        <tr role="row">
          <For each={columns}>
            {(column) => (
              <th scope="col" role="columnheader">
                {column}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody role="rowgroup">
        <For
          each={props.data.rows}
          fallback={
            <tr role="row">
              <td role="cell" colSpan={6}>
                No touchpoints yet.
              </td>
            </tr>
          }
        >
          {(row) => <Row doc={props.doc} row={row} />}
        </For>
      </tbody>
    </table>
  );
}
