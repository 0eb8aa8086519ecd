/**
 * The emotion curve as a table: the same data as the picture, for screen readers and for anyone
 * who prefers words and numbers. One row per touchpoint in journey order; each row reads its
 * touchpoint's title live from the document.
 */
import { createUniqueId, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { medianInWords, scoreWords, type FeelingStats } from '../../../../shared/feeling-stats.ts';
import { createTextField } from '../y-text-signal.ts';
import type { CurveData, CurveRow } from './curve-data.ts';

/** "Very bad to Good", or one word when everyone said the same. */
export function rangeInWords(stats: FeelingStats): string {
  if (stats.min === null || stats.max === null) return 'None yet';
  return stats.min === stats.max ? scoreWords[stats.min] : `${scoreWords[stats.min]} to ${scoreWords[stats.max]}`;
}

function TouchpointTitle(props: { touchpoint: Y.Map<unknown> }) {
  const title = createTextField(props.touchpoint, 'title');
  return <>{title().trim() === '' ? 'Untitled touchpoint' : title()}</>;
}

function Row(props: { doc: Y.Doc; row: CurveRow }) {
  // Rows are kept per touchpoint id (reconcile), so the map looked up now stays this row's map.
  const touchpoint = boardTypes(props.doc).touchpoints.get(props.row.touchpointId);
  const stats = () => props.row.stats;
  return (
    <tr class={stats().wideRange ? 'curve-table__wide' : undefined}>
      <td>{props.row.stageTitle.trim() === '' ? 'Untitled stage' : props.row.stageTitle}</td>
      <th scope="row">
        <Show when={touchpoint} fallback="Untitled touchpoint">
          {(map) => <TouchpointTitle touchpoint={map()} />}
        </Show>
      </th>
      <td>{stats().count === 0 ? 'No one yet' : stats().count}</td>
      <td>{medianInWords(stats().median) ?? 'None yet'}</td>
      <td>{rangeInWords(stats())}</td>
      <td>
        <Show when={stats().wideRange} fallback="No">
          <span class="curve-table__mark" aria-hidden="true">
            ◆{' '}
          </span>
          Yes
        </Show>
      </td>
    </tr>
  );
}

export function CurveTable(props: { doc: Y.Doc; data: CurveData }) {
  const captionId = `curve-table-${createUniqueId()}`;
  return (
    // Focusable so a keyboard can scroll it sideways on a narrow screen.
    <div class="curve-table__scroll" role="group" aria-labelledby={captionId} tabindex="0">
      <table class="curve-table">
        <caption id={captionId}>How each moment felt</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Touchpoint</th>
            <th scope="col">People</th>
            <th scope="col">Middle feeling</th>
            <th scope="col">Range</th>
            <th scope="col">Views differ a lot?</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.data.rows} fallback={<tr><td colSpan={6}>No touchpoints yet.</td></tr>}>
            {(row) => <Row doc={props.doc} row={row} />}
          </For>
        </tbody>
      </table>
    </div>
  );
}
