/**
 * A touchpoint's editor, opened from its card's "More actions" menu: who added it (a first name,
 * never a role), its name and story as shared text (two people can type in the same box), a
 * "Move to stage" choice, and Delete with Undo.
 */
import { createEffect, createUniqueId, For, on, Show } from 'solid-js';
import type * as Y from 'yjs';
import { focusSoon, spokenTitle, useBoard, type BoardContextValue } from './board-context.ts';
import { touchpointButtonId, undoDeleteButtonId } from './control-ids.ts';
import { deleteWithUndo } from './delete-with-undo.ts';
import { localOrigin } from './local-origin.ts';
import { deleteTouchpoint, moveTouchpoint } from './ordering.ts';
import { TouchpointTextFields } from './TouchpointTextFields.tsx';

export interface TouchpointEditorProps {
  touchpoint: Y.Map<unknown>;
  id: string;
  stageId: string;
  /** The card's title as said out loud. */
  name: string;
  /** Where focus goes when the editor opens, and again each time a new request arrives. */
  start: EditorRequest;
  onClose: () => void;
}

/** Why the editor was opened: to change the words, or to move the card to another stage. */
export interface EditorRequest {
  start: 'title' | 'stage';
}

/**
 * Deletes a touchpoint as one undo step with an "Undo delete" notice. Focus goes to the next card's
 * (or the one before's) menu button, or to "Undo delete" when the stage is now empty.
 */
export function deleteTouchpointWithUndo(board: BoardContextValue, touchpointId: string, stageId: string, name: string): void {
  const places = board.view.touchpointsIn(stageId);
  const at = places.findIndex((place) => place.id === touchpointId);
  const neighbour = places[at + 1] ?? places[at - 1];
  deleteWithUndo(
    board,
    () => deleteTouchpoint(board.doc, touchpointId, board.userId, localOrigin),
    `Touchpoint ${name} deleted.`,
    () => focusSoon(touchpointButtonId(touchpointId, 'actions')),
  );
  focusSoon(...(neighbour !== undefined ? [touchpointButtonId(neighbour.id, 'actions')] : []), undoDeleteButtonId);
}

/** The open editor of one card; focus starts in the name box or the stage choice. */
export function TouchpointEditor(props: TouchpointEditorProps) {
  const board = useBoard();
  const id = createUniqueId();
  let stageChoice: HTMLSelectElement | undefined;
  createEffect(on(() => props.start, (request) => focusSoon(request.start === 'stage' ? `${id}-stage` : `${id}-title`)));

  const moveToStage = () => {
    const target = stageChoice?.value ?? props.stageId;
    if (target === props.stageId) {
      board.announcer.say('It is already in that stage. Choose another stage first.');
      return;
    }
    const stage = board.view.stages.find((s) => s.id === target);
    const index = board.view.touchpointsIn(target).length;
    if (!board.undo.step(() => moveTouchpoint(board.doc, props.id, target, index, localOrigin))) return;
    board.announcer.say(`${props.name} moved to ${spokenTitle(stage?.title ?? '', 'stage')}, at the end.`);
    focusSoon(touchpointButtonId(props.id, 'actions'));
  };

  const remove = () => deleteTouchpointWithUndo(board, props.id, props.stageId, props.name);
  // `createdBy` never changes; a touchpoint from an older document may have none.
  const createdBy = props.touchpoint.get('createdBy');
  const addedBy = () => (typeof createdBy === 'string' && createdBy !== '' ? board.names.who(createdBy) : null);

  return (
    <div class="touchpoint__editor">
      <Show when={addedBy()}>{(who) => <p class="touchpoint__added">Added by {who()}.</p>}</Show>
      <TouchpointTextFields touchpoint={props.touchpoint} titleId={`${id}-title`} onDone={props.onClose} />
      <div class="field">
        <label for={`${id}-stage`}>Move to stage</label>
        <div class="touchpoint__move">
          <select id={`${id}-stage`} ref={stageChoice}>
            <For each={board.view.stages}>
              {(stage, index) => (
                <option value={stage.id} selected={stage.id === props.stageId}>
                  {`Step ${index() + 1}: ${spokenTitle(stage.title, 'stage')}`}
                </option>
              )}
            </For>
          </select>
          <button type="button" class="button button--secondary button--small" onClick={moveToStage}>
            Move touchpoint
          </button>
        </div>
      </div>
      <div class="button-row">
        <button type="button" class="button button--secondary button--small" onClick={props.onClose}>
          Done
        </button>
        <button type="button" class="button button--small button--danger" aria-label={`Delete touchpoint: ${props.name}`} onClick={remove}>
          Delete touchpoint
        </button>
      </div>
    </div>
  );
}
