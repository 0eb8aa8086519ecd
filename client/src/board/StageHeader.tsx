/**
 * A stage's heading and, for people who organise the board (stages are theirs), its controls: rename it in place, move it
 * earlier or later in the journey (focus stays on the moved stage), or delete it with Undo. A
 * stage with cards asks first, with the count; deleted stages go to "Recently deleted".
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import * as Y from 'yjs';
import { boardTypes } from '../../../shared/board-document.ts';
import { focusSoon, spokenTitle, useBoard } from './board-context.ts';
import { addStageButtonId, stageButtonId } from './control-ids.ts';
import type { StageView } from './board-view.ts';
import { deleteWithUndo } from './delete-with-undo.ts';
import { startDrag, stageDragType } from './drag.ts';
import { localOrigin } from './local-origin.ts';
import { plainText } from './plain-text.ts';
import { deleteStage, moveStage } from './ordering.ts';
import { ConfirmStep } from './members/ConfirmStep.tsx';
import { recentlyDeletedDays } from '../../../shared/recently-deleted.ts';
import { stageTitleMaxLength } from '../../../shared/limits.ts';
import { BringEveryoneHere } from './session/gather/BringEveryoneHere.tsx';

export interface StageHeaderProps {
  stage: StageView;
  /** Position in the journey, from 1. */
  step: number;
  /** How many stages there are. */
  count: number;
  headingId: string;
}

/** A stage's heading with its rename, move and delete controls. */
export function StageHeader(props: StageHeaderProps) {
  const board = useBoard();
  const id = createUniqueId();
  const [renaming, setRenaming] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  let deleteButton: HTMLButtonElement | undefined;
  const cards = () => board.view.touchpointsIn(props.stage.id).length;
  const cardWords = (count: number) => `${count} card${count === 1 ? '' : 's'}`;
  const name = () => spokenTitle(props.stage.title, 'stage');

  const rename = (value: string) => {
    const title = plainText(value).trim();
    setRenaming(false);
    focusSoon(stageButtonId(props.stage.id, 'rename'));
    if (title === '' || title === props.stage.title) return;
    const { stages } = boardTypes(board.doc);
    board.undo.step(() =>
      board.doc.transact(() => {
        for (const stage of stages) {
          if (stage instanceof Y.Map && stage.get('id') === props.stage.id) stage.set('title', title);
        }
      }, localOrigin),
    );
    board.announcer.say(`Stage renamed to ${title}.`);
  };

  const move = (by: -1 | 1) => {
    const to = props.step - 1 + by;
    if (!board.undo.step(() => moveStage(board.doc, props.stage.id, to, localOrigin))) return;
    board.announcer.say(`${name()} moved to step ${to + 1} of ${props.count}.`);
    const here = stageButtonId(props.stage.id, by < 0 ? 'earlier' : 'later');
    const other = stageButtonId(props.stage.id, by < 0 ? 'later' : 'earlier');
    focusSoon(here, other);
  };

  const remove = () => {
    setConfirming(false);
    const title = name();
    const stageId = props.stage.id;
    const inside = cards();
    const message =
      inside === 0 ? `Stage ${title} deleted.` : `Stage ${title} and its ${cardWords(inside)} deleted.`;
    // Focus goes on to the next stage (or the one before, or Add stage).
    const next = board.view.stages[props.step] ?? board.view.stages[props.step - 2];
    deleteWithUndo(board, () => deleteStage(board.doc, stageId, board.userId, localOrigin), message, () =>
      focusSoon(stageButtonId(stageId, 'rename')),
    );
    focusSoon(...(next !== undefined ? [stageButtonId(next.id, 'rename')] : []), addStageButtonId);
  };
  // A stage with cards takes everyone's cards and feelings with it: ask first, with the count.
  const askOrRemove = () => (cards() === 0 ? remove() : setConfirming(true));

  return (
    <div class="stage__head">
      <h2
        id={props.headingId}
        class="stage__title"
        draggable={board.canFacilitate() && !renaming()}
        onDragStart={(event) => startDrag(event, stageDragType, props.stage.id)}
      >
        <span class="stage__step">Step {props.step}: </span>
        {props.stage.title.trim() === '' ? 'Untitled stage' : props.stage.title}
      </h2>
      <Show when={board.canFacilitate() && confirming()}>
        <ConfirmStep
          id={`delete-stage-${props.stage.id}`}
          question={`Delete “${name()}” and its ${cardWords(cards())}?`}
          detail={`You or anyone who can add and change things can bring it back from Recently deleted for ${recentlyDeletedDays} days.`}
          yesLabel="Yes, delete it"
          noLabel="No, keep it"
          onYes={async () => remove()}
          onNo={() => {
            setConfirming(false);
            requestAnimationFrame(() => deleteButton?.focus());
          }}
        />
      </Show>
      <Show when={board.canFacilitate() && !confirming()}>
        <Show
          when={renaming()}
          fallback={
            <div class="stage__actions">
              <button type="button" class="button button--secondary button--small" id={stageButtonId(props.stage.id, 'rename')} aria-label={`Rename stage: ${name()}`} onClick={() => setRenaming(true)}>
                Rename stage
              </button>
              <button type="button" class="button button--secondary button--small" id={stageButtonId(props.stage.id, 'earlier')} aria-label={`Move earlier: ${name()}`} disabled={props.step === 1} onClick={() => move(-1)}>
                Move earlier
              </button>
              <button type="button" class="button button--secondary button--small" id={stageButtonId(props.stage.id, 'later')} aria-label={`Move later: ${name()}`} disabled={props.step === props.count} onClick={() => move(1)}>
                Move later
              </button>
              <BringEveryoneHere target={{ type: 'stage', id: props.stage.id }} name={name()} />
              <button type="button" class="button button--small button--danger" ref={deleteButton} aria-label={`Delete stage: ${name()}`} onClick={askOrRemove}>
                Delete stage
              </button>
            </div>
          }
        >
          <form
            class="stage__rename"
            onSubmit={(event) => {
              event.preventDefault();
              rename(new FormData(event.currentTarget).get('title')?.toString() ?? '');
            }}
          >
            <div class="field">
              <label for={`${id}-name`}>Stage name</label>
              <input
                id={`${id}-name`}
                name="title"
                type="text"
                maxLength={stageTitleMaxLength}
                autocomplete="off"
                value={props.stage.title}
                ref={(el) => requestAnimationFrame(() => el.select())}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') rename(props.stage.title);
                }}
              />
            </div>
            <div class="button-row">
              <button type="submit" class="button button--secondary button--small">Save name</button>
              <button type="button" class="button button--small button--secondary" onClick={() => rename(props.stage.title)}>
                Cancel
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </div>
  );
}
