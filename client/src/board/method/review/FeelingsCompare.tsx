/**
 * How an area's moments felt at the start beside how they feel now (issue 16): the board's emotion
 * curve picture twice — from `feelings` and from `feelingsAfter`, each with its spread — and one
 * table with both, a row per moment, saying whether it got better in words. On a phone each row of
 * the table reads as a block ("At the start: …", "Now: …") rather than four narrow columns.
 */
import { createUniqueId, For, Show, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import { boardTypes } from '../../../../../shared/board-document.ts';
import { stageName, touchpointName } from '../../../../../shared/curve-words.ts';
import type { Priority } from '../../../../../shared/method.ts';
import { useBoard } from '../../board-context.ts';
import { CurveChart } from '../../curve/CurveChart.tsx';
import type { CurveData, CurveRow } from '../../curve/curve-data.ts';
import { createTextField } from '../../y-text-signal.ts';
import { createAreaCurve } from '../area/area-curve.ts';
import { changeWords, feltWords } from './review-words.ts';

function MomentName(props: { touchpoint: Y.Map<unknown> | undefined }) {
  const title = props.touchpoint === undefined ? () => '' : createTextField(props.touchpoint, 'title');
  return <>{touchpointName(title())}</>;
}

const columns = ['Moment', 'At the start', 'Now', 'Change'] as const;

/** A cell with its column's name shown before the value in the narrow layout only (screen readers say the header). */
function Cell(props: { column: (typeof columns)[number]; children: JSX.Element }) {
  return (
    <td role="cell">
      <span class="compare-table__name" aria-hidden="true">
        {props.column}:{' '}
      </span>
      {props.children}
    </td>
  );
}

/** Both curves' rows for one moment, for the table. */
function CompareRow(props: { doc: Y.Doc; before: CurveRow; after: CurveRow | undefined }) {
  const after = () => props.after?.stats ?? { ...props.before.stats, count: 0, median: null, min: null, max: null, wideRange: false, words: [] };
  return (
    <tr role="row">
      <th scope="row" role="rowheader">
        <MomentName touchpoint={boardTypes(props.doc).touchpoints.get(props.before.touchpointId)} />
        <span class="compare-table__stage">{stageName(props.before.stageTitle)}</span>
      </th>
      <Cell column="At the start">{feltWords(props.before.stats)}</Cell>
      <Cell column="Now">{feltWords(after())}</Cell>
      <Cell column="Change">{changeWords(props.before.stats, after())}</Cell>
    </tr>
  );
}

function Picture(props: { heading: string; data: CurveData; empty: string }) {
  const board = useBoard();
  const id = createUniqueId();
  return (
    <section class="compare__side" aria-labelledby={id}>
      <h5 id={id}>{props.heading}</h5>
      <Show when={props.data.rows.some((row) => row.stats.count > 0)} fallback={<p>{props.empty}</p>}>
        <CurveChart doc={board.doc} data={props.data} />
      </Show>
    </section>
  );
}

export function FeelingsCompare(props: { priority: Priority }) {
  const board = useBoard();
  const ids = () => props.priority.touchpointIds;
  const before = createAreaCurve(board.doc, ids, 'feelings');
  const after = createAreaCurve(board.doc, ids, 'feelingsAfter');
  const captionId = createUniqueId();
  const afterOf = (touchpointId: string) => after.rows.find((row) => row.touchpointId === touchpointId);
  return (
    <Show when={before.rows.length > 0} fallback={<p>No moments of the journey are linked to this area.</p>}>
      <div class="compare curve">
        <Picture heading="How it felt at the start" data={before} empty="No one said how these moments felt." />
        <Picture heading="How it feels now" data={after} empty="No one has said yet how these moments feel now." />
      </div>
      {/* Explicit roles: on a phone each row is laid out as a block (review.css), and some browsers drop table semantics when `display` changes. */}
      <table class="compare-table" role="table" aria-labelledby={captionId}>
        <caption id={captionId}>How each moment felt at the start and how it feels now</caption>
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
          <For each={before.rows}>{(row) => <CompareRow doc={board.doc} before={row} after={afterOf(row.touchpointId)} />}</For>
        </tbody>
      </table>
    </Show>
  );
}
