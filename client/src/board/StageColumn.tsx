/**
 * One stage of the journey as a column: its heading and controls, its touchpoint cards in
 * order, and (for people who may edit) an "Add touchpoint" form that appends a card at the end.
 * Cards dragged with the mouse can be dropped here by people who may edit, stages only by people
 * who organise the board — the same rules as the buttons. Comments about the stage itself sit
 * under its heading (comments/CommentsSection.tsx), set apart from the cards by a rule.
 */
import { createSignal, For, Show } from 'solid-js';
import { newTouchpoint } from '../../../shared/board-document.ts';
import { touchpointTitleMaxLength } from '../../../shared/limits.ts';
import { AddItemForm } from './AddItemForm.tsx';
import { focusSoon, spokenTitle, useBoard } from './board-context.ts';
import type { StageView } from './board-view.ts';
import { carries, droppedId, dropIndex, stageDragType, touchpointDragType } from './drag.ts';
import { localOrigin } from './local-origin.ts';
import { keyAtEnd, moveStage, moveTouchpoint } from './ordering.ts';
import { randomId } from './random-id.ts';
import { stageButtonId, touchpointButtonId } from './control-ids.ts';
import { StageHeader } from './StageHeader.tsx';
import { TouchpointCard } from './TouchpointCard.tsx';
import { StageCurve } from './curve/StageCurve.tsx';
import { CommentsSection } from './comments/CommentsSection.tsx';

export interface StageColumnProps {
  stage: StageView;
  /** Position in the journey, from 1. */
  step: number;
  /** How many stages there are. */
  count: number;
}

/** One stage column; reads the board from context (see board-context.ts). */
export function StageColumn(props: StageColumnProps) {
  const board = useBoard();
  const headingId = () => `stage-${props.stage.id}`;
  const places = () => board.view.touchpointsIn(props.stage.id);
  let list: HTMLOListElement | undefined;
  // Shows where a dragged card or stage would land.
  const [dropping, setDropping] = createSignal(false);

  const add = (title: string) => {
    const id = randomId();
    const order = keyAtEnd(places());
    board.undo.step(() =>
      board.doc.transact(() => {
        board.view.touchpointMap.set(
          id,
          newTouchpoint({ id, stageId: props.stage.id, order, title, createdBy: board.userId, createdAt: Date.now() }),
        );
      }, localOrigin),
    );
    board.announcer.say(`Touchpoint ${title} added to ${spokenTitle(props.stage.title, 'stage')}.`);
  };

  // Which drags this person may drop here: cards (edit and up), stages (organisers).
  const mayDrop = (event: DragEvent) =>
    (board.canEdit() && carries(event, touchpointDragType)) || (board.canFacilitate() && carries(event, stageDragType));
  const onDragOver = (event: DragEvent) => {
    if (mayDrop(event)) {
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'move';
      setDropping(true);
    }
  };
  const onDrop = (event: DragEvent) => {
    if (!mayDrop(event)) return;
    const touchpointId = board.canEdit() ? droppedId(event, touchpointDragType) : '';
    const stageId = board.canFacilitate() ? droppedId(event, stageDragType) : '';
    event.preventDefault();
    setDropping(false);
    if (touchpointId !== '') {
      const index = dropIndex(list, event.clientY, touchpointId);
      if (board.undo.step(() => moveTouchpoint(board.doc, touchpointId, props.stage.id, index, localOrigin))) {
        board.announcer.say(`Touchpoint moved to ${spokenTitle(props.stage.title, 'stage')}, place ${index + 1}.`);
        focusSoon(touchpointButtonId(touchpointId, 'actions'));
      }
    } else if (stageId !== '' && stageId !== props.stage.id) {
      if (board.undo.step(() => moveStage(board.doc, stageId, props.step - 1, localOrigin))) {
        board.announcer.say(`Stage moved to step ${props.step} of ${props.count}.`);
        focusSoon(stageButtonId(stageId, 'rename'));
      }
    }
  };

  return (
    <li
      class="stage"
      classList={{ 'stage--drop': dropping() }}
      data-stage-id={props.stage.id}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDropping(false);
      }}
      onDrop={onDrop}
    >
      <section aria-labelledby={headingId()}>
        <StageHeader stage={props.stage} step={props.step} count={props.count} headingId={headingId()} />
        {/* Its words say whose comments they are ("2 comments on the stage “Waiting”"): on a phone it sat
            just above the first card and read as that card's (issue 13's walk-through). */}
        <CommentsSection target={{ type: 'stage', id: props.stage.id }} about={`the stage “${spokenTitle(props.stage.title, 'stage')}”`} showAbout />
        <Show when={places().length > 0} fallback={<p class="stage__empty">No touchpoints yet.</p>}>
          <ol class="touchpoints" ref={list}>
            <For each={places()}>
              {(place, index) => (
                <Show when={board.view.touchpoint(place.id)}>
                  {(touchpoint) => (
                    <TouchpointCard
                      touchpoint={touchpoint()}
                      id={place.id}
                      stageId={props.stage.id}
                      index={index()}
                      last={index() === places().length - 1}
                    />
                  )}
                </Show>
              )}
            </For>
          </ol>
          <StageCurve data={board.curve} stageId={props.stage.id} stageTitle={props.stage.title} />
        </Show>
        <Show when={board.canEdit()}>
          <AddItemForm
            action="Add touchpoint"
            label="Touchpoint title"
            emptyMessage="Please give the touchpoint a title."
            describedBy={headingId()}
            maxLength={touchpointTitleMaxLength}
            onAdd={add}
          />
        </Show>
      </section>
    </li>
  );
}
