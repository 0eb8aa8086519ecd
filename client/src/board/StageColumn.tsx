/**
 * One stage of the journey as a column: its heading, its touchpoint cards in order, and (for
 * people who may edit) an "Add touchpoint" form that appends a card at the end.
 */
import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { newTouchpoint } from '../../../shared/board-document.ts';
import { AddItemForm } from './AddItemForm.tsx';
import type { BoardView, StageView } from './board-view.ts';
import { orderKeyAfter } from './order-key.ts';
import { randomId } from './random-id.ts';
import { TouchpointCard } from './TouchpointCard.tsx';

export interface StageColumnProps {
  stage: StageView;
  /** Position in the journey, from 1. */
  step: number;
  view: BoardView;
  touchpoints: Y.Map<Y.Map<unknown>>;
  /** Whether to show editing controls (the server drops edits from view-only members anyway). */
  canEdit: boolean;
  /** Recorded as `createdBy` on new touchpoints. */
  userId: string;
}

export function StageColumn(props: StageColumnProps) {
  const headingId = () => `stage-${props.stage.id}`;
  const places = () => props.view.touchpointsIn(props.stage.id);

  const add = (title: string) => {
    const id = randomId();
    const last = places().at(-1);
    props.touchpoints.set(
      id,
      newTouchpoint({
        id,
        stageId: props.stage.id,
        order: orderKeyAfter(last?.order),
        title,
        createdBy: props.userId,
        createdAt: Date.now(),
      }),
    );
  };

  return (
    <li class="stage">
      <section aria-labelledby={headingId()}>
        <h2 id={headingId()} class="stage__title">
          <span class="stage__step">Step {props.step}: </span>
          {props.stage.title.trim() === '' ? 'Untitled stage' : props.stage.title}
        </h2>
        <Show when={places().length > 0} fallback={<p class="stage__empty">No touchpoints yet.</p>}>
          <ol class="touchpoints">
            <For each={places()}>
              {(place) => (
                <Show when={props.view.touchpoint(place.id)}>
                  {(touchpoint) => <TouchpointCard touchpoint={touchpoint()} id={place.id} />}
                </Show>
              )}
            </For>
          </ol>
        </Show>
        <Show when={props.canEdit}>
          <AddItemForm
            action="Add touchpoint"
            label="Touchpoint title"
            emptyMessage="Please give the touchpoint a title."
            describedBy={headingId()}
            onAdd={add}
          />
        </Show>
      </section>
    </li>
  );
}
