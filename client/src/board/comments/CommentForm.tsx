/**
 * The box a comment, a reply or a change to one's own comment is written in: a plain text box
 * (its own Ctrl+Z, not the board's: nothing is shared until it is posted), labelled, saying who
 * will read it, stopping at the document's limit with "N letters left." near it (letters-left.ts),
 * and refusing an empty comment in words. Focus starts in the box; Escape or "Cancel" closes it;
 * Ctrl+Enter (or Cmd+Enter) posts.
 */
import { createSignal, createUniqueId, onMount, Show } from 'solid-js';
import { commentBodyMaxLength } from '../../../../shared/limits.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { lettersLeftWords } from '../letters-left.ts';
import { plainText } from '../plain-text.ts';
import { readersWords, WithoutNameOption } from './WithoutNameOption.tsx';

export interface CommentFormProps {
  /** The box's label: "Your comment", "Your reply", "Change your comment". */
  label: string;
  /** The send button's words: "Post comment", "Post reply", "Save changes". */
  submitLabel: string;
  /** The words to start from (a comment being changed). */
  initial?: string;
  /**
   * Called with the words as the document takes them (control characters out, not blank), and
   * whether "Post without my name" was chosen.
   */
  onSubmit: (body: string, withoutName: boolean) => void;
  onCancel: () => void;
  /** Offer "Post without my name" (where the facilitator allows it; new comments and replies only). */
  offerWithoutName?: boolean;
}

/** The comment as the document takes it: no control characters, no blank lines at either end. */
export const commentText = (value: string): string =>
  plainText(value)
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '');

export function CommentForm(props: CommentFormProps) {
  const id = createUniqueId();
  const [length, setLength] = createSignal(props.initial?.length ?? 0);
  const [error, setError] = createSignal<string | null>(null);
  const [withoutName, setWithoutName] = createSignal(false);
  // Only while offered: the facilitator may turn it off while the box is open.
  const anonymous = () => props.offerWithoutName === true && withoutName();
  const left = () => lettersLeftWords(length(), commentBodyMaxLength, 'comment');
  let box: HTMLTextAreaElement | undefined;
  onMount(() => {
    box?.focus();
    box?.setSelectionRange(box.value.length, box.value.length);
  });

  const submit = () => {
    const body = commentText(box?.value ?? '');
    if (body.trim() === '') {
      setError('Please write something first.');
      box?.focus();
      return;
    }
    props.onSubmit(body.slice(0, commentBodyMaxLength), anonymous());
  };

  return (
    <form
      class="comment-form"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div class="field">
        <label for={`${id}-box`}>{props.label}</label>
        <p class="hint" id={`${id}-hint`}>
          {readersWords(anonymous())}
        </p>
        <textarea
          id={`${id}-box`}
          ref={box}
          rows={3}
          maxLength={commentBodyMaxLength}
          value={props.initial ?? ''}
          aria-invalid={error() !== null}
          aria-describedby={[`${id}-hint`, left() !== '' ? `${id}-left` : '', `${id}-error`].filter(Boolean).join(' ')}
          onInput={(event) => {
            setLength(event.currentTarget.value.length);
            if (error() !== null && event.currentTarget.value.trim() !== '') setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              props.onCancel();
            } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <Show when={left() !== ''}>
          <p class="hint" id={`${id}-left`}>
            {left()}
          </p>
        </Show>
      </div>
      <Show when={props.offerWithoutName}>
        <WithoutNameOption id={`${id}-without-name`} checked={withoutName()} onChange={setWithoutName} />
      </Show>
      <FormAlert id={`${id}-error`} error={error()} />
      <div class="button-row">
        <button type="submit" class="button button--small">
          {props.submitLabel}
        </button>
        <button type="button" class="button button--secondary button--small" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
