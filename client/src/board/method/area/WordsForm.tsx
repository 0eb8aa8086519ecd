/**
 * A box for some words of a priority area (issue 16) — an idea, the before-and-after note — to
 * write or change them: a plain text box saved with one button (the browser's own Undo works while
 * typing), Escape or "Cancel" to leave it. Focus starts in the box; an empty box, where words are
 * needed, is said in words beside it.
 */
import { createSignal, createUniqueId, onMount, Show } from 'solid-js';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { plainText } from '../../plain-text.ts';

export interface WordsFormProps {
  start: string;
  label: string;
  hint?: string;
  /** The longest the document takes (shared/limits.ts); the box stops there. */
  maxLength: number;
  /** Said when the box is empty; empty words are saved when not given. */
  emptyMessage?: string;
  rows?: number;
  submitLabel: string;
  /** Called with the trimmed words. */
  onSave: (words: string) => void;
  onCancel: () => void;
}

export function WordsForm(props: WordsFormProps) {
  const id = createUniqueId();
  const [error, setError] = createSignal<string | null>(null);
  let box!: HTMLTextAreaElement;
  onMount(() => box.focus());
  const describedBy = () => [props.hint !== undefined ? `${id}-hint` : '', error() !== null ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <form
      class="words-form"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        const words = plainText(box.value).trim();
        if (words === '' && props.emptyMessage !== undefined) {
          setError(props.emptyMessage);
          box.focus();
          return;
        }
        props.onSave(words);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onCancel();
        }
      }}
    >
      <FormAlert id={`${id}-error`} error={error()} />
      <div class="field">
        <label for={`${id}-box`}>{props.label}</label>
        <Show when={props.hint}>
          <p class="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        </Show>
        <textarea
          id={`${id}-box`}
          ref={box}
          rows={props.rows ?? 3}
          maxLength={props.maxLength}
          value={props.start}
          aria-invalid={error() !== null ? 'true' : undefined}
          aria-describedby={describedBy()}
        />
      </div>
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
