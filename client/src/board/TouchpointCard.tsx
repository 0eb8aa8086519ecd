/**
 * One touchpoint card: its title and story, following live edits to both. For people who may
 * edit: "Edit" opens the card's editor (shared text boxes, move to another stage, delete), and
 * "Move up"/"Move down" reorder it within its stage. Cards can also be dragged.
 */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import type * as Y from 'yjs';
import { focusSoon, spokenTitle, useBoard } from './board-context.ts';
import { touchpointButtonId } from './control-ids.ts';
import { startDrag, touchpointDragType } from './drag.ts';
import { localOrigin } from './local-origin.ts';
import { moveTouchpoint } from './ordering.ts';
import { TouchpointEditor } from './TouchpointEditor.tsx';
import { FeelingControl } from './feelings/FeelingControl.tsx';
import { watchRemoteChanges } from './remote-news.ts';
import { createTextField } from './y-text-signal.ts';

export interface TouchpointCardProps {
  touchpoint: Y.Map<unknown>;
  id: string;
  stageId: string;
  /** Place within its stage, from 0. */
  index: number;
  /** Whether it is the stage's last card. */
  last: boolean;
}

/** One card; re-renders only when its own title, story or place changes. */
export function TouchpointCard(props: TouchpointCardProps) {
  const board = useBoard();
  // The card is keyed by id in its list, so the map it was made with stays its map.
  const title = createTextField(props.touchpoint, 'title');
  const story = createTextField(props.touchpoint, 'story');
  const [editing, setEditing] = createSignal(false);
  const headingId = `touchpoint-${props.id}`;
  const name = () => spokenTitle(title(), 'touchpoint');
  // Other people working on this card: a ring in the first one's colour and their names.
  const others = () => board.presence.focusIndex().get(props.id) ?? [];
  let cardElement: HTMLLIElement | undefined;
  onCleanup(
    watchRemoteChanges({
      touchpoint: props.touchpoint,
      isHere: () => cardElement?.contains(document.activeElement) ?? false,
      title: name,
      others: () => others().map((person) => person.name),
      say: (text) => board.announcer.say(text),
    }),
  );

  const move = (by: -1 | 1) => {
    const to = props.index + by;
    if (!board.undo.step(() => moveTouchpoint(board.doc, props.id, props.stageId, to, localOrigin))) return;
    board.announcer.say(`${name()} moved to place ${to + 1}.`);
    focusSoon(touchpointButtonId(props.id, by < 0 ? 'up' : 'down'), touchpointButtonId(props.id, by < 0 ? 'down' : 'up'));
  };
  const closeEditor = () => {
    setEditing(false);
    board.undo.cut();
    focusSoon(touchpointButtonId(props.id, 'edit'));
  };

  return (
    <li
      ref={cardElement}
      class="touchpoint"
      classList={{ 'touchpoint--others-here': others().length > 0 }}
      style={others().length > 0 ? { '--presence-color': others()[0]!.color } : undefined}
      data-touchpoint-id={props.id}
      onFocusIn={() => board.presence.setFocus(props.id)}
      onFocusOut={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node) || !event.currentTarget.contains(next)) board.presence.setFocus(null);
      }}
      draggable={board.canEdit() && !editing()}
      onDragStart={(event) => startDrag(event, touchpointDragType, props.id)}
    >
      <article aria-labelledby={headingId}>
        <h3 id={headingId} class="touchpoint__title">
          {title().trim() === '' ? 'Untitled touchpoint' : title()}
        </h3>
        <Show when={story().trim() !== ''}>
          <p class="touchpoint__story">{story()}</p>
        </Show>
        <FeelingControl doc={board.doc} touchpointId={props.id} userId={board.userId} readOnly={!board.canEdit()} />
        <Show when={others().length > 0}>
          <p class="touchpoint__here">
            <For each={others()}>
              {(person) => (
                <span class="touchpoint__here-name" style={{ 'border-color': person.color }}>
                  {person.name}
                </span>
              )}
            </For>{' '}
            {others().length === 1 ? 'is' : 'are'} here
          </p>
        </Show>
        <Show when={board.canEdit()}>
          <div class="touchpoint__actions">
            <button
              type="button"
              class="button button--secondary button--small"
              id={touchpointButtonId(props.id, 'edit')}
              aria-label={`Edit: ${name()}`}
              aria-expanded={editing()}
              onClick={() => (editing() ? closeEditor() : setEditing(true))}
            >
              Edit
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              id={touchpointButtonId(props.id, 'up')}
              aria-label={`Move up: ${name()}`}
              disabled={props.index === 0}
              onClick={() => move(-1)}
            >
              Move up
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              id={touchpointButtonId(props.id, 'down')}
              aria-label={`Move down: ${name()}`}
              disabled={props.last}
              onClick={() => move(1)}
            >
              Move down
            </button>
          </div>
          <Show when={editing()}>
            <TouchpointEditor touchpoint={props.touchpoint} id={props.id} stageId={props.stageId} name={name()} onClose={closeEditor} />
          </Show>
        </Show>
      </article>
    </li>
  );
}
