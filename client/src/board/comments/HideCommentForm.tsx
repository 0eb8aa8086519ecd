/**
 * A facilitator's "Hide this comment" (moderation, issue 13): a button under someone else's
 * comment that opens a short form in place asking why, in plain words, with the limit shown
 * (shared/limits.ts hiddenReasonMaxLength). Sending it calls `PUT …/hidden {reason}`: the server
 * takes the words out of the document (keeping them to show again) and everyone sees the reason
 * in their place (HiddenComment.tsx). It needs the server, so offline the form says so and sends
 * nothing. Focus starts in the box; Escape or "Cancel" closes it and goes back to the button.
 */
import { createSignal, createUniqueId, onMount, Show } from 'solid-js';
import { hiddenReasonMaxLength } from '../../../../shared/limits.ts';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { focusSoon, useBoard } from '../board-context.ts';
import { lettersLeftWords } from '../letters-left.ts';
import { plainText } from '../plain-text.ts';
import { useMyComments } from './my-comments.ts';

/** The id of a comment's "Hide this comment" button, and of its "Show again" button. */
export const hideButtonId = (commentId: string): string => `comment-${commentId}-hide`;
export const showAgainButtonId = (commentId: string): string => `comment-${commentId}-show`;

/** Said when hiding or showing again is tried without a connection. */
export const hideOffline = 'Hiding or showing a comment needs a connection. Please try again when you are back online.';

export interface HideCommentFormProps {
  commentId: string;
  /** Whose comment, for the button's name: "Sam’s comment". */
  whose: string;
}

/** The button, and the form it opens. */
export function HideCommentForm(props: HideCommentFormProps) {
  const [open, setOpen] = createSignal(false);
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="link-button comment__hide" id={hideButtonId(props.commentId)} onClick={() => setOpen(true)}>
          Hide this comment<span class="visually-hidden"> ({props.whose})</span>
        </button>
      }
    >
      <ReasonForm
        commentId={props.commentId}
        whose={props.whose}
        onDone={(hidden) => {
          setOpen(false);
          focusSoon(...(hidden ? [showAgainButtonId(props.commentId)] : []), hideButtonId(props.commentId));
        }}
      />
    </Show>
  );
}

function ReasonForm(props: HideCommentFormProps & { onDone: (hidden: boolean) => void }) {
  const { api } = useApp();
  const board = useBoard();
  const my = useMyComments();
  const id = createUniqueId();
  const [length, setLength] = createSignal(0);
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const left = () => lettersLeftWords(length(), hiddenReasonMaxLength, 'reason');
  let box: HTMLTextAreaElement | undefined;
  onMount(() => box?.focus());

  const submit = async () => {
    if (busy()) return;
    const reason = plainText(box?.value ?? '').trim();
    if (reason === '') {
      setError('Please say in a few words why it is hidden.');
      box?.focus();
      return;
    }
    if (!my.online()) {
      setError(hideOffline);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.hideComment(my.boardId, props.commentId, reason.slice(0, hiddenReasonMaxLength));
      board.announcer.say('The comment is hidden. Everyone sees your reason in its place.');
      props.onDone(true);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.status === 0 ? hideOffline : err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="hide-form"
      novalidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p class="hide-form__title" id={`${id}-title`}>
        Hide {props.whose}
      </p>
      <div class="field">
        <label for={`${id}-box`}>Why are you hiding it?</label>
        <p class="hint" id={`${id}-hint`}>
          Everyone on this board will see this reason in place of the comment. Up to {hiddenReasonMaxLength} letters. You can show it
          again later.
        </p>
        <textarea
          id={`${id}-box`}
          ref={box}
          rows={2}
          maxLength={hiddenReasonMaxLength}
          aria-invalid={error() !== null}
          aria-describedby={[`${id}-hint`, left() !== '' ? `${id}-left` : '', `${id}-error`].filter(Boolean).join(' ')}
          onInput={(event) => {
            setLength(event.currentTarget.value.length);
            if (typeof error() === 'string' && event.currentTarget.value.trim() !== '') setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              props.onDone(false);
            } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submit();
            }
          }}
        />
        <Show when={left() !== ''}>
          <p class="hint" id={`${id}-left`}>
            {left()}
          </p>
        </Show>
      </div>
      <FormAlert id={`${id}-error`} error={error()} />
      <div class="button-row">
        <button type="submit" class="button button--small" aria-disabled={busy() ? 'true' : undefined}>
          Hide the comment
        </button>
        <button type="button" class="button button--secondary button--small" onClick={() => props.onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
