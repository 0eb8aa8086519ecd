/**
 * Comments without a name on their way to the server (anonymous-comments.ts), shown in place to
 * the person who wrote them only: their words, "You wrote this without your name", and plainly
 * where it is — "Sending…", "Will be sent when you are back online", or why the server would not
 * take it (with "Remove it"; the words stay on screen until then, so they can be copied). Each is
 * replaced by the real comment once the server's comes through sync with the same id.
 */
import { For, Show } from 'solid-js';
import { useAnonymous } from './anonymous-context.ts';
import type { PendingComment } from './anonymous-comments.ts';
import type { CommentTarget } from '../../../../shared/comment-read.ts';
import { CommentBody } from './CommentBody.tsx';

/** The words for where a comment without a name is. */
export function pendingWords(comment: PendingComment): string {
  if (comment.state.kind === 'sending') return 'Sending…';
  if (comment.state.kind === 'waiting') return 'Will be sent when you are back online';
  return `Could not be posted: ${comment.state.message}`;
}

/** One waiting comment, as an item of a comment list. */
function PendingItem(props: { comment: PendingComment; reply: boolean }) {
  const anonymous = useAnonymous();
  return (
    <li class="comment comment--pending" classList={{ 'comment--reply': props.reply }}>
      <p class="comment__meta">
        <span class="comment__author">You wrote this without your name</span>
        {' · '}
        <span class="comment__pending" role="status">
          {pendingWords(props.comment)}
        </span>
      </p>
      <p class="comment__body">
        <CommentBody text={props.comment.body} />
      </p>
      <Show when={props.comment.state.kind === 'refused'}>
        <button type="button" class="link-button comment__delete" onClick={() => anonymous.discard(props.comment.id)}>
          Remove it<span class="visually-hidden">: the comment that could not be posted</span>
        </button>
      </Show>
    </li>
  );
}

/** Replies on their way in a thread (items of its comment list). */
export function PendingReplies(props: { target: CommentTarget; parentId: string }) {
  const anonymous = useAnonymous();
  return <For each={anonymous.pendingOn(props.target, props.parentId)}>{(comment) => <PendingItem comment={comment} reply />}</For>;
}

/** New conversations on their way about `target`, as a list of threads (nothing when none). */
export function PendingThreads(props: { target: CommentTarget; about: string }) {
  const anonymous = useAnonymous();
  const waiting = () => anonymous.pendingOn(props.target, null);
  return (
    <Show when={waiting().length > 0}>
      <ul class="comment-threads" aria-label={`Your comments on their way, on ${props.about}`}>
        <For each={waiting()}>
          {(comment) => (
            <li class="comment-thread">
              <ul class="comment-thread__comments">
                <PendingItem comment={comment} reply={false} />
              </ul>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
