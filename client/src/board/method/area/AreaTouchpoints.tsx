/**
 * The moments a priority area was made from (issue 16): each touchpoint with its stage, its story
 * and how it felt in words, then the emotion curve for just those moments and its table — the
 * board's own curve components (client/src/board/curve), drawn from this area's rows only.
 */
import { createUniqueId, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { boardTypes } from '../../../../../shared/board-document.ts';
import { countsSentence, wordsSentence } from '../../../../../shared/feeling-summary.ts';
import { stageName, touchpointName } from '../../../../../shared/curve-words.ts';
import type { Priority } from '../../../../../shared/method.ts';
import { useBoard } from '../../board-context.ts';
import { CurveChart } from '../../curve/CurveChart.tsx';
import type { CurveRow } from '../../curve/curve-data.ts';
import { CurveTable } from '../../curve/CurveTable.tsx';
import { createTextField } from '../../y-text-signal.ts';
import { createAreaCurve } from './area-curve.ts';

function Moment(props: { touchpoint: Y.Map<unknown>; row: CurveRow }) {
  const title = createTextField(props.touchpoint, 'title');
  const story = createTextField(props.touchpoint, 'story');
  return (
    <li class="area-moment">
      <h4 class="area-moment__title">{touchpointName(title())}</h4>
      <p class="area-moment__stage">Stage: {stageName(props.row.stageTitle)}</p>
      <Show when={story().trim() !== ''} fallback={<p class="area-moment__story area-moment__story--none">No story written yet.</p>}>
        <p class="area-moment__story">{story()}</p>
      </Show>
      <p class="area-moment__felt">
        <strong>How it felt: </strong>
        {countsSentence(props.row.stats)}
        <Show when={props.row.stats.wideRange}> Views differ a lot.</Show>
      </p>
      <Show when={wordsSentence(props.row.stats) !== ''}>
        <p class="area-moment__words">Words: {wordsSentence(props.row.stats)}</p>
      </Show>
    </li>
  );
}

export function AreaTouchpoints(props: { priority: Priority }) {
  const board = useBoard();
  const id = createUniqueId();
  const curve = createAreaCurve(board.doc, () => props.priority.touchpointIds, 'feelings');
  const { touchpoints } = boardTypes(board.doc);
  // Linked moments not on the map: in "Recently deleted", or gone for good.
  const notShown = () => props.priority.touchpointIds.length - curve.rows.length;
  return (
    <section class="area__part" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>The moments this is about</h3>
      <Show when={curve.rows.length > 0} fallback={<p>No moments of the journey are linked to this area.</p>}>
        <ul class="area-moments">
          <For each={curve.rows}>{(row) => <Show when={touchpoints.get(row.touchpointId)}>{(map) => <Moment touchpoint={map()} row={row} />}</Show>}</For>
        </ul>
      </Show>
      <Show when={notShown() > 0}>
        <p class="hint">
          {notShown() === 1 ? '1 moment linked to this area is' : `${notShown()} moments linked to this area are`} not on the map just now (deleted, or
          in Recently deleted).
        </p>
      </Show>
      <Show when={curve.rows.length > 0}>
        <section class="curve area__curve" aria-labelledby={`${id}-curve`}>
          <h4 id={`${id}-curve`}>Emotion curve for these moments</h4>
          <CurveChart doc={board.doc} data={curve} />
          <CurveTable doc={board.doc} data={curve} />
        </section>
      </Show>
    </section>
  );
}
