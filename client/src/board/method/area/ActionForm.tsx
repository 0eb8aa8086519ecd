/**
 * The form for one action of a priority area's plan (issue 16), to add one or to change one:
 * what will change, who will do it (a member of the board, chosen by first name with the group
 * first, or words such as "Ward 4 nurses"), by when (a date box; stored as `YYYY-MM-DD`), and,
 * when changing, where it is up to with a note (why it stopped, what was done). Plain boxes, saved
 * with one button: an action is a small plan, and the browser's own Undo works while typing.
 * Errors are said in words beside the box, which takes focus.
 */
import { createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import { actionStatuses, isDay, type ActionOwner, type ActionStatus } from '../../../../../shared/method.ts';
import { actionWhatMaxLength, methodNoteMaxLength, ownerNameMaxLength } from '../../../../../shared/limits.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { plainText } from '../../plain-text.ts';
import type { Person } from './area-people.ts';
import { statusWords } from './action-words.ts';
import type { ActionChanges } from './area-writes.ts';

export interface ActionFormProps {
  /** What the form opens with (a new action: empty, not started). */
  start: ActionChanges;
  /** Whether this changes an action already there (status and note are offered then). */
  changing: boolean;
  /** The people to choose from; null when the board's members could not be read. */
  people: readonly Person[] | null;
  /** Says a member's name, for an owner no longer in the list. */
  ownerName: (userId: string) => string;
  submitLabel: string;
  onSave: (values: ActionChanges) => void;
  onCancel: () => void;
}

const nameChoice = 'name';
const userChoice = (userId: string) => `user:${userId}`;

function ownerChoice(owner: ActionOwner | null): string {
  if (owner === null) return '';
  return 'userId' in owner ? userChoice(owner.userId) : nameChoice;
}

/** An option that is selected when it is the one chosen (set on each option: a select's value set before its options are there is lost). */
function Choice(props: { value: string; chosen: string; words: string }) {
  return (
    <option value={props.value} selected={props.value === props.chosen}>
      {props.words}
    </option>
  );
}

export function ActionForm(props: ActionFormProps) {
  const id = createUniqueId();
  const ids = { what: `${id}-what`, owner: `${id}-owner`, name: `${id}-name`, due: `${id}-due`, dueHint: `${id}-due-hint`, note: `${id}-note`, noteHint: `${id}-note-hint`, error: `${id}-error` };
  const [choice, setChoice] = createSignal(ownerChoice(props.start.owner));
  const [status, setStatus] = createSignal<ActionStatus>(props.start.status);
  const [error, setError] = createSignal<{ field: 'what' | 'name' | 'due'; words: string } | null>(null);
  let what!: HTMLTextAreaElement;
  let name: HTMLInputElement | undefined;
  let due!: HTMLInputElement;
  let note: HTMLTextAreaElement | undefined;
  onMount(() => what.focus());

  const startOwner = props.start.owner;
  // An owner who is no longer on the board (or while the list cannot be read) stays choosable.
  const missingOwner = () =>
    startOwner !== null && 'userId' in startOwner && !(props.people ?? []).some((person) => person.id === startOwner.userId) ? startOwner.userId : null;
  const inGroup = () => (props.people ?? []).filter((person) => person.inGroup);
  const others = () => (props.people ?? []).filter((person) => !person.inGroup);

  const fail = (field: 'what' | 'name' | 'due', words: string, element: HTMLElement | undefined) => {
    setError({ field, words });
    element?.focus();
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const whatWords = plainText(what.value).trim();
    if (whatWords === '') return fail('what', 'Please say what will change.', what);
    let owner: ActionOwner | null = null;
    const chosen = choice();
    if (chosen === nameChoice) {
      const words = plainText(name?.value ?? '').trim();
      if (words === '') return fail('name', 'Please type who will do it, or choose “Nobody chosen yet”.', name);
      owner = { name: words };
    } else if (chosen.startsWith('user:')) owner = { userId: chosen.slice('user:'.length) };
    // A date box part-typed has no value but is not empty: say so rather than drop the day.
    if (due.validity.badInput || (due.value !== '' && !isDay(due.value))) return fail('due', 'Please give the whole date — day, month and year — or leave it empty.', due);
    setError(null);
    props.onSave({
      what: whatWords,
      owner,
      due: due.value === '' ? null : due.value,
      status: status(),
      note: props.changing ? plainText(note?.value ?? '').trim() : props.start.note,
    });
  };
  const invalid = (field: 'what' | 'name' | 'due') => (error()?.field === field ? 'true' : undefined);
  const describedBy = (field: 'what' | 'name' | 'due', ...more: string[]) => [error()?.field === field ? ids.error : '', ...more].filter(Boolean).join(' ') || undefined;

  return (
    <form
      class="action-form"
      novalidate
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onCancel();
        }
      }}
    >
      <FormAlert id={ids.error} error={error()?.words ?? null} />
      <div class="field">
        <label for={ids.what}>What will change</label>
        <textarea id={ids.what} ref={what} rows={2} maxLength={actionWhatMaxLength} aria-invalid={invalid('what')} aria-describedby={describedBy('what')} value={props.start.what} />
      </div>
      <div class="field">
        <label for={ids.owner}>Who will do it</label>
        <select id={ids.owner} onChange={(event) => setChoice(event.currentTarget.value)}>
          <option value="" selected={choice() === ''}>
            Nobody chosen yet
          </option>
          <Show when={inGroup().length > 0}>
            <optgroup label="In this group">
              <For each={inGroup()}>{(person) => <Choice value={userChoice(person.id)} chosen={choice()} words={person.name} />}</For>
            </optgroup>
          </Show>
          <Show when={others().length > 0}>
            <optgroup label="Others on this board">
              <For each={others()}>{(person) => <Choice value={userChoice(person.id)} chosen={choice()} words={person.name} />}</For>
            </optgroup>
          </Show>
          <Show when={missingOwner()}>{(userId) => <Choice value={userChoice(userId())} chosen={choice()} words={props.ownerName(userId())} />}</Show>
          <Choice value={nameChoice} chosen={choice()} words="Someone else, or a team (type their name)" />
        </select>
        <Show when={props.people === null}>
          <p class="hint">We could not get the list of people on this board just now. You can type a name instead.</p>
        </Show>
      </div>
      <Show when={choice() === nameChoice}>
        <div class="field">
          <label for={ids.name}>Their name, or the team</label>
          <input
            id={ids.name}
            ref={name}
            type="text"
            autocomplete="off"
            maxLength={ownerNameMaxLength}
            value={startOwner !== null && 'name' in startOwner ? startOwner.name : ''}
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name')}
          />
        </div>
      </Show>
      <div class="field">
        <label for={ids.due}>By when</label>
        <p class="hint" id={ids.dueHint}>
          The day it should be done by. Leave it empty if there is no day yet.
        </p>
        <input id={ids.due} ref={due} type="date" value={props.start.due ?? ''} aria-invalid={invalid('due')} aria-describedby={describedBy('due', ids.dueHint)} />
      </div>
      <Show when={props.changing}>
        <fieldset class="action-form__status">
          <legend>Where it is up to</legend>
          <For each={actionStatuses}>
            {(value) => (
              <label class="action-form__choice">
                <input type="radio" name={`${id}-status`} value={value} checked={status() === value} onChange={() => setStatus(value)} />
                {statusWords[value]}
              </label>
            )}
          </For>
        </fieldset>
        <div class="field">
          <label for={ids.note}>Note</label>
          <p class="hint" id={ids.noteHint}>
            For example what was done, or why it stopped.
          </p>
          <textarea id={ids.note} ref={note} rows={3} maxLength={methodNoteMaxLength} aria-describedby={ids.noteHint} value={props.start.note} />
        </div>
      </Show>
      <div class="button-row">
        <button type="submit" class="button">
          {props.submitLabel}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
