/**
 * "Me too" under someone else's comment: a toggle button (aria-pressed, with a tick beside it
 * when pressed, not colour alone) and, beside it, how many people said it in words ("3 people
 * said me too", nothing when none). The count is the document's, so it changes live for everyone;
 * pressing sends `PUT`/`DELETE …/me-too` and the server's answer says whether this person said it.
 * It needs the server: offline the button says so and sends nothing (not queued — a "me too"
 * sent hours later means little, and nothing is lost by saying it again). The author sees only
 * the count; so does someone who may only look.
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.ts';
import { useBoard } from '../board-context.ts';
import type { CommentInfo } from '../../../../shared/comment-read.ts';
import { whoseComment } from './comment-words.ts';
import { mayMeToo, meTooOffline, meTooWords } from './me-too.ts';
import { useMyComments } from './my-comments.ts';

/** The id of a comment's "Me too" button. */
export const meTooButtonId = (commentId: string): string => `comment-${commentId}-me-too`;

export function MeTooButton(props: { comment: CommentInfo }) {
  const { api } = useApp();
  const board = useBoard();
  const my = useMyComments();
  const id = createUniqueId();
  const [pending, setPending] = createSignal<boolean | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const commentId = () => props.comment.id;
  // Someone's comment without a name may be this person's own: wait for the server to say.
  const mine = () => props.comment.authorId === board.userId || props.comment.authorId === null && (my.status() !== 'ready' || my.wroteWithoutName(commentId()));
  const offered = () => mayMeToo({ canComment: board.canComment(), mine: mine(), hidden: props.comment.hidden !== null });
  const pressed = () => pending() ?? my.saidMeToo(commentId());
  const words = () => (props.comment.hidden === null ? meTooWords(props.comment.meToo) : '');
  const offline = () => !my.online();

  const toggle = async () => {
    if (pending() !== null) return;
    if (offline()) {
      board.announcer.say(meTooOffline);
      return;
    }
    const on = !pressed();
    setPending(on);
    setProblem(null);
    try {
      const answer = await api.setMeToo(my.boardId, commentId(), on);
      my.setMeToo(commentId(), answer.mine);
      board.announcer.say(answer.mine ? 'You said me too.' : 'You took back your me too.');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const words = err.status === 0 ? meTooOffline : err.message;
      setProblem(words);
      board.announcer.say(words);
    } finally {
      setPending(null);
    }
  };

  return (
    <Show when={offered() || words() !== ''}>
      <div class="me-too">
        <Show when={offered()}>
          <button
            type="button"
            class="button button--small me-too__button"
            classList={{ 'button--secondary': !pressed() }}
            id={meTooButtonId(commentId())}
            aria-pressed={pressed() ? 'true' : 'false'}
            aria-disabled={offline() || pending() !== null ? 'true' : undefined}
            aria-describedby={[words() !== '' ? `${id}-count` : '', offline() || problem() !== null ? `${id}-why` : ''].filter(Boolean).join(' ') || undefined}
            onClick={() => void toggle()}
          >
            <Show when={pressed()}>
              <span class="me-too__tick" aria-hidden="true">✓ </span>
            </Show>
            Me too<span class="visually-hidden"> ({whoseComment(board.names.who, props.comment.authorId)})</span>
          </button>
        </Show>
        <Show when={words() !== ''}>
          <span class="me-too__count" id={`${id}-count`}>
            {words()}
          </span>
        </Show>
        <Show when={offered() && (offline() || problem() !== null)}>
          <p class="me-too__why" id={`${id}-why`}>
            {offline() ? meTooOffline : problem()}
          </p>
        </Show>
      </div>
    </Show>
  );
}
