/**
 * The moments (touchpoints) a priority area was made from (issue 16), each with its stage, its
 * story, its dots when a vote has been shown, and how people felt — so everyone reading an area
 * sees what it stands on. A moment in "Recently deleted", or gone, says so instead.
 */
import { createMemo, For, Show, type Accessor } from 'solid-js';
import type { JourneyRow } from '../../../../../shared/journey.ts';
import { useBoard } from '../../board-context.ts';
import { createTextField } from '../../y-text-signal.ts';
import { useMethod } from '../method-context.ts';
import { dotWords, feelingWords } from './moment-words.ts';

/** Every moment on the map by id, with its stage and feelings (one index for the whole view). */
export function createMomentIndex(): Accessor<ReadonlyMap<string, JourneyRow>> {
  const board = useBoard();
  return createMemo(() => new Map(board.curve.rows.map((row) => [row.touchpointId, row])));
}

/** A moment's title as it is now ("Untitled moment" when it has none). */
export function MomentTitle(props: { id: string }) {
  const board = useBoard();
  const map = board.view.touchpoint(props.id);
  const title = map === undefined ? () => '' : createTextField(map, 'title');
  return <>{title().trim() || 'Untitled moment'}</>;
}

function MomentStory(props: { id: string }) {
  const board = useBoard();
  const map = board.view.touchpoint(props.id);
  const story = map === undefined ? () => '' : createTextField(map, 'story');
  return (
    <Show when={story().trim() !== ''}>
      <p class="priority-moment__story">{story()}</p>
    </Show>
  );
}

export function PriorityMoments(props: { touchpointIds: readonly string[]; index: Accessor<ReadonlyMap<string, JourneyRow>> }) {
  const board = useBoard();
  const method = useMethod();
  return (
    <ul class="priority-moments">
      <For each={props.touchpointIds}>
        {(id) => {
          const row = () => props.index().get(id);
          return (
            <li class="priority-moment">
              <Show
                when={row()}
                fallback={
                  <p class="priority-moment__gone">
                    {board.view.touchpoint(id) === undefined ? 'A moment that is no longer on the board.' : <><strong><MomentTitle id={id} /></strong>: this moment is in Recently deleted.</>}
                  </p>
                }
              >
                {(found) => (
                  <>
                    <p class="priority-moment__title">
                      <strong>
                        <MomentTitle id={id} />
                      </strong>
                      <span class="priority-moment__stage"> · Stage: {found().stageTitle.trim() || 'Untitled stage'}</span>
                      <Show when={dotWords(method.dots(), id)}>{(dots) => <span class="priority-moment__dots"> · {dots()}</span>}</Show>
                    </p>
                    <MomentStory id={id} />
                    <p class="priority-moment__feelings">{feelingWords(found().stats)}</p>
                  </>
                )}
              </Show>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
