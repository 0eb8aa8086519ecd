/**
 * One action of a priority area's plan (issue 16): what will change, who, by when — flagged in
 * words when overdue ("Overdue: was due 3 March"), with a mark as well, never by colour alone —
 * where it is up to and its note, then its comments. "Change" opens the action's form in place
 * for the people who may change it; "Remove" (their own, or any for a facilitator) asks first,
 * since it cannot be undone. Focus goes back to where the person was after each.
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import type { Action, Priority } from '../../../../../shared/method.ts';
import { focusSoon, useBoard } from '../../board-context.ts';
import { CommentsSection } from '../../comments/CommentsSection.tsx';
import { localOrigin } from '../../local-origin.ts';
import { ConfirmStep } from '../../members/ConfirmStep.tsx';
import { ActionForm } from './ActionForm.tsx';
import type { Person } from './area-people.ts';
import { changeAction, removeAction, type ActionChanges } from './area-writes.ts';
import { dueWords, ownerWords, statusWords } from './action-words.ts';
import { mayTouchOwn, mayWork, type Who } from './may-work.ts';

export interface ActionItemProps {
  action: Action;
  priority: Priority;
  who: Who;
  people: readonly Person[] | null;
  /** Today on this device, `YYYY-MM-DD`. */
  today: string;
  /** Where focus goes when this action is removed. */
  afterRemove: () => void;
}

/** "the action “Put a clock in the waiting room”", for buttons and comments. */
export const actionAbout = (what: string): string => `the action “${what.trim() || 'without words'}”`;

export function ActionItem(props: ActionItemProps) {
  const board = useBoard();
  const id = createUniqueId();
  const ids = { heading: `${id}-heading`, change: `${id}-change`, remove: `${id}-remove` };
  const [mode, setMode] = createSignal<'show' | 'change' | 'remove'>('show');
  // Only what may be done is offered; a right lost while a form was open closes the form.
  const due = () => dueWords(props.action, props.today);
  const about = () => actionAbout(props.action.what);
  const current = (): ActionChanges => ({ what: props.action.what, owner: props.action.owner, due: props.action.due, status: props.action.status, note: props.action.note });
  const name = (userId: string) => ownerWords({ userId }, board.names.who);

  const save = (before: ActionChanges, after: ActionChanges) => {
    // The group or this person's access may have changed while the form was open: the server would refuse it.
    if (!mayWork(props.priority, props.who)) {
      setMode('show');
      board.announcer.say('Your changes were not saved: you can no longer change this plan.');
      return;
    }
    changeAction(board.doc, props.action.id, before, after, localOrigin);
    setMode('show');
    board.announcer.say(`Changes to ${actionAbout(after.what)} saved.`);
    focusSoon(ids.change);
  };
  const cancel = (to: string) => {
    setMode('show');
    focusSoon(to);
  };

  return (
    <li class="action" classList={{ 'action--overdue': due().overdue, 'action--done': props.action.status === 'done' }} aria-labelledby={ids.heading}>
      <h4 class="action__what" id={ids.heading}>
        {props.action.what.trim() || 'An action without words'}
      </h4>
      <Show
        when={mode() === 'change'}
        fallback={
          <>
            <dl class="action__facts">
              <div>
                <dt>Who:</dt>
                <dd>{ownerWords(props.action.owner, board.names.who)}</dd>
              </div>
              <div>
                <dt>By when:</dt>
                <dd>
                  <Show when={due().overdue} fallback={due().words}>
                    <strong class="action__overdue">
                      <span class="action__overdue-mark" aria-hidden="true">
                        !
                      </span>{' '}
                      {due().words}
                    </strong>
                  </Show>
                </dd>
              </div>
              <div>
                <dt>Where it is up to:</dt>
                <dd class={`action__status action__status--${props.action.status}`}>{statusWords[props.action.status]}</dd>
              </div>
              <Show when={props.action.note.trim() !== ''}>
                <div class="action__note">
                  <dt>Note:</dt>
                  <dd>{props.action.note}</dd>
                </div>
              </Show>
            </dl>
            <Show when={mode() === 'remove'}>
              <ConfirmStep
                id={`${id}-confirm`}
                question={`Remove ${about()}?`}
                detail="It goes from the plan for everyone, with its comments, and cannot be brought back."
                yesLabel="Yes, remove it"
                noLabel="No, keep it"
                onYes={async () => {
                  const words = about();
                  if (!mayTouchOwn(props.priority, props.action.createdBy, props.who)) {
                    setMode('show');
                    board.announcer.say(`Nothing was removed: you can no longer remove ${words}.`);
                    return;
                  }
                  removeAction(board.doc, props.action.id, localOrigin);
                  board.announcer.say(`Removed ${words}.`);
                  props.afterRemove();
                }}
                onNo={() => cancel(ids.remove)}
              />
            </Show>
            <Show when={mode() === 'show' && mayWork(props.priority, props.who)}>
              <div class="button-row action__buttons">
                <button type="button" class="button button--secondary button--small" id={ids.change} onClick={() => setMode('change')}>
                  Change<span class="visually-hidden"> {about()}</span>
                </button>
                <Show when={mayTouchOwn(props.priority, props.action.createdBy, props.who)}>
                  <button type="button" class="button button--danger button--small" id={ids.remove} onClick={() => setMode('remove')}>
                    Remove<span class="visually-hidden"> {about()}</span>
                  </button>
                </Show>
              </div>
            </Show>
          </>
        }
      >
        {(() => {
          const before = current();
          return (
            <ActionForm
              start={before}
              changing
              people={props.people}
              ownerName={name}
              submitLabel="Save changes"
              onSave={(after) => save(before, after)}
              onCancel={() => cancel(ids.change)}
            />
          );
        })()}
      </Show>
      <CommentsSection target={{ type: 'action', id: props.action.id }} about={about()} />
    </li>
  );
}
