/**
 * A priority area's action plan (issue 16): a count in words ("3 actions: 1 done, 1 overdue"),
 * every action in its order, and "Add an action" for the people who may (facilitators, and the
 * area's group members who can edit). Adding takes focus back to the button and says what was
 * added; the new action is in the list at the end.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Action, Priority } from '../../../../../shared/method.ts';
import { focusSoon, useBoard } from '../../board-context.ts';
import { localOrigin } from '../../local-origin.ts';
import { ActionForm } from './ActionForm.tsx';
import { actionAbout, ActionItem } from './ActionItem.tsx';
import type { Person } from './area-people.ts';
import { addAction } from './area-writes.ts';
import { ownerWords, planCountWords } from './action-words.ts';
import { mayWork, type Who } from './may-work.ts';

export interface ActionPlanProps {
  priority: Priority;
  actions: readonly Action[];
  who: Who;
  people: readonly Person[] | null;
  today: string;
}

export function ActionPlan(props: ActionPlanProps) {
  const board = useBoard();
  const id = createUniqueId();
  const ids = { heading: `${id}-heading`, add: `${id}-add` };
  const [adding, setAdding] = createSignal(false);
  const may = () => mayWork(props.priority, props.who);

  return (
    <section class="area__part" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} tabindex="-1">
        Action plan
      </h3>
      <p class="area__count">{planCountWords(props.actions, props.today)}</p>
      <Show when={props.actions.length > 0}>
        <ol class="actions" aria-label="Actions">
          <For each={props.actions}>
            {(action) => <ActionItem action={action} priority={props.priority} who={props.who} people={props.people} today={props.today} afterRemove={() => focusSoon(ids.add, ids.heading)} />}
          </For>
        </ol>
      </Show>
      <Show when={may()}>
        <Show
          when={adding()}
          fallback={
            <button type="button" class="button" id={ids.add} onClick={() => setAdding(true)}>
              Add an action
            </button>
          }
        >
          <div class="area__form" role="group" aria-label="New action">
            <ActionForm
              start={{ what: '', owner: null, due: null, status: 'not-started', note: '' }}
              changing={false}
              people={props.people}
              ownerName={(userId) => ownerWords({ userId }, board.names.who)}
              submitLabel="Add this action"
              onSave={(values) => {
                if (!may()) {
                  setAdding(false);
                  board.announcer.say('The action was not added: you can no longer change this plan.');
                  return;
                }
                addAction(
                  board.doc,
                  { priorityId: props.priority.id, what: values.what, owner: values.owner, due: values.due, createdBy: board.userId, after: props.actions.at(-1)?.order ?? null },
                  localOrigin,
                );
                setAdding(false);
                board.announcer.say(`Added ${actionAbout(values.what)}.`);
                focusSoon(ids.add);
              }}
              onCancel={() => {
                setAdding(false);
                focusSoon(ids.add);
              }}
            />
          </div>
        </Show>
      </Show>
    </section>
  );
}
