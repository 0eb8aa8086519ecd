/**
 * An "Add …" button that opens a one-box form asking for a title. The submit button carries the
 * same words, so "Add stage" means the same thing before and after opening. Focus goes to the
 * box on opening and back to the button on closing; Escape closes.
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import { FormAlert } from '../components/FormAlert.tsx';
import { plainText } from './plain-text.ts';

export interface AddItemFormProps {
  /** The button's words, e.g. "Add stage". */
  action: string;
  /** The box's label, e.g. "Stage title". */
  label: string;
  /** Shown when the box is empty, e.g. "Please give the stage a title." */
  emptyMessage: string;
  /** Id of an element that says where the item goes (e.g. the stage heading). */
  describedBy?: string;
  /** The longest title the document takes (shared/limits.ts); the box stops typing there. */
  maxLength: number;
  /** Id for the opening button, so focus can be sent to it. */
  buttonId?: string;
  /** Adds the item. Called with the trimmed, non-empty title. */
  onAdd: (title: string) => void;
}

export function AddItemForm(props: AddItemFormProps) {
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let opener: HTMLButtonElement | undefined;
  let input: HTMLInputElement | undefined;

  const show = () => {
    setOpen(true);
    input?.focus();
  };
  const close = () => {
    setOpen(false);
    setError(null);
    requestAnimationFrame(() => opener?.focus());
  };
  const onSubmit = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const title = plainText(input?.value ?? '').trim();
    if (title === '') {
      setError(props.emptyMessage);
      input?.focus();
      return;
    }
    props.onAdd(title);
    event.currentTarget.reset();
    close();
  };

  return (
    <div class="add-item">
      <Show when={!open()}>
        <button type="button" class="button button--secondary" id={props.buttonId} ref={opener} aria-describedby={props.describedBy} onClick={show}>
          {props.action}
        </button>
      </Show>
      <Show when={open()}>
        <form class="add-item__form" novalidate onSubmit={onSubmit}>
          <div class="field">
            <label for={`${id}-title`}>{props.label}</label>
            <input
              id={`${id}-title`}
              ref={input}
              name="title"
              type="text"
              required
              maxLength={props.maxLength}
              aria-invalid={error() !== null}
              aria-describedby={[`${id}-error`, props.describedBy].filter(Boolean).join(' ')}
              onKeyDown={(event) => {
                if (event.key === 'Escape') close();
              }}
            />
          </div>
          <FormAlert id={`${id}-error`} error={error()} />
          <div class="button-row">
            <button type="submit" class="button" aria-describedby={props.describedBy}>
              {props.action}
            </button>
            <button type="button" class="button button--secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
