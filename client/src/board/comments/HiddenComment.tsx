/**
 * What stands in place of a comment a facilitator has hid (issue 13): "Hidden by a facilitator:
 * <reason>", the same for everyone — its words are gone from the document, kept by the server
 * alone. Facilitators also get "Show again" (`DELETE …/hidden`), which puts the words back for
 * everyone. It needs the server, so offline it says so and sends nothing.
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { focusSoon, useBoard } from '../board-context.ts';
import { hideButtonId, hideOffline, showAgainButtonId } from './HideCommentForm.tsx';
import { useMyComments } from './my-comments.ts';
import { hiddenWords } from './comment-words.ts';

export interface HiddenCommentProps {
  commentId: string;
  reason: string;
  /** Whose comment, for the button's name: "Sam’s comment". */
  whose: string;
}

export function HiddenComment(props: HiddenCommentProps) {
  const { api } = useApp();
  const board = useBoard();
  const my = useMyComments();
  const id = createUniqueId();
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const showAgain = async () => {
    if (busy()) return;
    if (!my.online()) {
      setError(hideOffline);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.showComment(my.boardId, props.commentId);
      board.announcer.say('The comment is shown again.');
      focusSoon(hideButtonId(props.commentId));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.status === 0 ? hideOffline : err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p class="comment__hidden">{hiddenWords(props.reason)}</p>
      <Show when={board.canFacilitate()}>
        <FormAlert id={`${id}-error`} error={error()} />
        <button
          type="button"
          class="link-button"
          id={showAgainButtonId(props.commentId)}
          aria-disabled={busy() ? 'true' : undefined}
          aria-describedby={`${id}-error`}
          onClick={() => void showAgain()}
        >
          Show again<span class="visually-hidden"> ({props.whose})</span>
        </button>
      </Show>
    </>
  );
}
