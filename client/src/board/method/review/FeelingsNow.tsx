/**
 * Saying how each of an area's moments feels now (issue 16), in the review phase: the board's own
 * feeling picker (client/src/board/feelings) writing into `feelingsAfter`, each person's own, for
 * everyone who can comment — the guard allows exactly that.
 */
import { createUniqueId, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { boardTypes } from '../../../../../shared/board-document.ts';
import { touchpointName } from '../../../../../shared/curve-words.ts';
import type { Priority } from '../../../../../shared/method.ts';
import { useBoard } from '../../board-context.ts';
import { FeelingControl } from '../../feelings/FeelingControl.tsx';
import { createTextField } from '../../y-text-signal.ts';
import { createAreaCurve } from '../area/area-curve.ts';

function Moment(props: { touchpointId: string; touchpoint: Y.Map<unknown> }) {
  const board = useBoard();
  const title = createTextField(props.touchpoint, 'title');
  const id = createUniqueId();
  return (
    <li class="feel-now" aria-labelledby={id}>
      <h5 id={id}>{touchpointName(title())}</h5>
      <FeelingControl doc={board.doc} touchpointId={props.touchpointId} readOnly={!board.canComment()} which="feelingsAfter" />
    </li>
  );
}

export function FeelingsNow(props: { priority: Priority }) {
  const board = useBoard();
  // The moments on the map, in journey order (the curve's rows).
  const moments = createAreaCurve(board.doc, () => props.priority.touchpointIds, 'feelingsAfter');
  const { touchpoints } = boardTypes(board.doc);
  return (
    <ul class="feel-now-list">
      <For each={moments.rows}>
        {(row) => <Show when={touchpoints.get(row.touchpointId)}>{(map) => <Moment touchpointId={row.touchpointId} touchpoint={map()} />}</Show>}
      </For>
    </ul>
  );
}
