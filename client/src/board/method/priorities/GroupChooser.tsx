/**
 * A priority area's co-design group (issue 16). Everyone reads it by first name ("Sam, Ana and
 * you"); the facilitator opens "Choose the group" in place — a checkbox for each member of the
 * board (first name, and what they can do, since only those who can add and change may write the
 * area's actions) — and each tick is saved at once and said. The members come from the members API
 * (board-members.ts), asked each time the chooser opens.
 */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { methodTypes, type Priority } from '../../../../../shared/method.ts';
import { accessLabel } from '../../../access-words.ts';
import { useBoard } from '../../board-context.ts';
import { methodOrigin } from '../method-origin.ts';
import { areaName } from '../MethodNav.tsx';
import type { BoardMembers } from './board-members.ts';

interface Person {
  name: string;
  you: boolean;
  /** What they can do on the board, in the members panel's words ('' when they have left). */
  can: string;
}

export function GroupChooser(props: { priority: Priority; members: BoardMembers }) {
  const board = useBoard();
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const name = () => areaName(props.priority);
  /** Members first, then anyone in the group who has left the board (so they can be taken out). */
  const people = createMemo(() => {
    const list = props.members.list() ?? [];
    const gone = props.priority.group.filter((userId) => !list.some((member) => member.id === userId));
    return new Map<string, Person>([
      ...list.map((member): [string, Person] => [member.id, { name: member.displayName, you: member.id === board.userId, can: accessLabel[member.access] }]),
      ...gone.map((userId): [string, Person] => [userId, { name: 'Someone who is no longer on this board', you: false, can: '' }]),
    ]);
  });
  // Ids, not objects: a tick changes the group, and the boxes must stay (with focus) as they are.
  const ids = createMemo(() => [...people().keys()], undefined, { equals: (a, b) => a.length === b.length && a.every((one, i) => one === b[i]) });
  const set = (userId: string, inGroup: boolean) => {
    const priority = methodTypes(board.doc).priorities.get(props.priority.id);
    if (priority === undefined) return;
    const others = props.priority.group.filter((member) => member !== userId);
    board.doc.transact(() => priority.set('group', inGroup ? [...others, userId] : others), methodOrigin);
    const person = people().get(userId);
    const who = person === undefined || person.you ? 'You are' : `${person.name} is`;
    board.announcer.say(inGroup ? `${who} in the group for ‘${name()}’ now.` : `${who} no longer in the group for ‘${name()}’.`);
  };
  const show = () => {
    setOpen(true);
    props.members.ask();
  };
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => document.getElementById(`${id}-open`)?.focus());
  };
  return (
    <div class="group-chooser">
      <Show
        when={open()}
        fallback={
          <button type="button" class="button button--secondary" id={`${id}-open`} aria-label={`Choose the group for ${name()}`} onClick={show}>
            Choose the group
          </button>
        }
      >
        <fieldset class="group-chooser__box" aria-describedby={`${id}-hint`} onKeyDown={(event) => event.key === 'Escape' && close()}>
          <legend>Who is in the group for ‘{name()}’?</legend>
          <p class="hint" id={`${id}-hint`}>
            Anyone on the board can be in a group. To add and change the group’s actions and ideas, they need “{accessLabel.edit}”.
          </p>
          <Show when={props.members.error()}>
            {(words) => (
              <div role="alert" class="form-alert form-alert--shown">
                <p>{words()}</p>
                <button type="button" class="button button--secondary" onClick={() => props.members.ask()}>
                  Try again
                </button>
              </div>
            )}
          </Show>
          <Show when={props.members.list() !== null} fallback={<Show when={props.members.error() === null}><p role="status">Getting the people on this board…</p></Show>}>
            <ul class="group-chooser__list">
              <For each={ids()}>
                {(userId, index) => {
                  const person = () => people().get(userId);
                  return (
                    <li class="checkbox group-chooser__person">
                      <input
                        type="checkbox"
                        id={`${id}-${userId}`}
                        checked={props.priority.group.includes(userId)}
                        aria-describedby={person()?.can ? `${id}-${userId}-can` : undefined}
                        ref={(box) => index() === 0 && requestAnimationFrame(() => box.focus())}
                        onChange={(event) => set(userId, event.currentTarget.checked)}
                      />
                      <label for={`${id}-${userId}`}>
                        {person()?.name}
                        {person()?.you ? ' (you)' : ''}
                      </label>
                      <Show when={person()?.can}>
                        {(can) => (
                          <span class="group-chooser__can" id={`${id}-${userId}-can`}>
                            {can()}
                          </span>
                        )}
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ul>
          </Show>
          <div class="button-row">
            <button type="button" class="button button--secondary" aria-label={`Done choosing the group for ${name()}`} onClick={close}>
              Done
            </button>
          </div>
        </fieldset>
      </Show>
    </div>
  );
}
