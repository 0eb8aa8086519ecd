/**
 * One conversation: its first comment and the replies to it, then what may be done with it.
 * Anyone who may comment replies (one level: a reply answers the thread's first comment) and
 * opens a sorted conversation again; its first comment's author or a facilitator marks it sorted,
 * in their own name — the same rules as the server's guard. A sorted conversation says who sorted
 * it and when, and takes no replies until it is opened again.
 */
import { createSignal, For, Show } from 'solid-js';
import { focusSoon, useBoard } from '../board-context.ts';
import { localOrigin } from '../local-origin.ts';
import { timeAgo } from '../recently-deleted/time-words.ts';
import { postComment, reopenOrigin, reopenThread, resolveThread } from './comment-actions.ts';
import type { Thread } from '../../../../shared/comment-read.ts';
import { authorWords, whoseComment } from './comment-words.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem, commentElementId } from './CommentItem.tsx';
import { useComments } from './comments-context.ts';
import { useAnonymous } from './anonymous-context.ts';
import { sortWithoutName } from './anonymous-item-actions.ts';
import { PendingReplies } from './PendingComments.tsx';
import { moveFocusWithin } from './anonymous-focus.ts';

export interface CommentThreadProps {
  thread: Thread;
  /** Where focus goes when the conversation leaves this list (sorted, opened again, deleted). */
  onLeave: () => void;
  /** Where focus goes after it was marked sorted, and after it was opened again. */
  afterSorted: () => void;
  afterReopened: (threadId: string) => void;
}

/** The id of a thread's "Mark as sorted" or "Open again" button, and of its "Reply" button. */
export const threadButtonId = (threadId: string, button: 'sort' | 'reply'): string => `thread-${threadId}-${button}`;

export function CommentThread(props: CommentThreadProps) {
  const board = useBoard();
  const comments = useComments();
  const anonymous = useAnonymous();
  const [replying, setReplying] = createSignal(false);
  const first = () => props.thread.first;
  const sorted = () => first().resolvedAt !== null;
  const mayComment = () => board.canComment();
  // A conversation started without a name is sorted and opened again through the API, so nobody's
  // page writes into it (its author's would name them).
  const withoutName = () => first().authorId === null;
  const maySort = () => mayComment() && (first().authorId === board.userId || (withoutName() && anonymous.isMine(first().id)) || board.canFacilitate());
  const whose = () => whoseComment(board.names.who, first().authorId);
  const othersReplies = () => props.thread.replies.filter((reply) => reply.authorId !== board.userId).length;

  const reply = (body: string, withoutItsName: boolean) => {
    if (withoutItsName) {
      // Focus moves within the card before the form goes, so this person's presence does not change.
      moveFocusWithin(commentElementId(first().id));
      anonymous.post({ target: first().target, parentId: first().id, body });
      setReplying(false);
      moveFocusWithin(threadButtonId(first().id, 'reply'));
      board.announcer.say('Your reply is being sent, without your name.');
      return;
    }
    setReplying(false);
    board.undo.step(() =>
      postComment(board.doc, { target: first().target, parentId: first().id, authorId: board.userId, body, createdAt: Date.now() }, localOrigin),
    );
    board.announcer.say('Your reply is added.');
    focusSoon(threadButtonId(first().id, 'reply'));
  };
  const markSorted = () => {
    if (withoutName()) {
      void sortWithoutName(anonymous, board.announcer, first().id, true).then((done) => done && props.afterSorted());
      return;
    }
    board.undo.step(() => resolveThread(board.doc, first().id, board.userId, Date.now(), localOrigin));
    board.announcer.say('Marked as sorted. You can find it under the sorted conversations.');
    props.afterSorted();
  };
  const openAgain = () => {
    const id = first().id;
    if (withoutName()) {
      void sortWithoutName(anonymous, board.announcer, id, false).then((done) => done && props.afterReopened(id));
      return;
    }
    board.undo.step(() => reopenThread(board.doc, id, reopenOrigin(board.doc, id, board.userId, localOrigin)));
    board.announcer.say('The conversation is open again.');
    props.afterReopened(id);
  };

  return (
    <li class="comment-thread" classList={{ 'comment-thread--sorted': sorted() }}>
      <ul class="comment-thread__comments">
        <CommentItem comment={first()} reply={false} othersReplies={othersReplies()} afterDelete={props.onLeave} />
        <For each={props.thread.replies}>
          {(comment) => (
            <CommentItem
              comment={comment}
              reply
              othersReplies={0}
              afterDelete={() => focusSoon(threadButtonId(first().id, 'reply'), threadButtonId(first().id, 'sort'))}
            />
          )}
        </For>
        <PendingReplies target={first().target} parentId={first().id} />
      </ul>
      <Show when={sorted()}>
        <p class="comment-thread__sorted">
          Marked as sorted by {authorWords(board.names.who, first().resolvedBy).replace(/^You$/, 'you')}, {timeAgo(first().resolvedAt ?? 0, comments.now())}.
        </p>
      </Show>
      <Show when={mayComment() && !replying()}>
        <div class="comment-thread__actions">
          <Show when={!sorted()}>
            <button type="button" class="button button--secondary button--small" id={threadButtonId(first().id, 'reply')} onClick={() => setReplying(true)}>
              Reply<span class="visually-hidden"> to {whose()}</span>
            </button>
          </Show>
          <Show when={sorted()} fallback={
            <Show when={maySort()}>
              <button type="button" class="button button--secondary button--small" id={threadButtonId(first().id, 'sort')} onClick={markSorted}>
                Mark as sorted<span class="visually-hidden">: the conversation that starts with {whose()}</span>
              </button>
            </Show>
          }>
            <button type="button" class="button button--secondary button--small" id={threadButtonId(first().id, 'sort')} onClick={openAgain}>
              Open again<span class="visually-hidden">: the conversation that starts with {whose()}</span>
            </button>
          </Show>
        </div>
      </Show>
      <Show when={replying()}>
        <CommentForm
          label="Your reply"
          submitLabel="Post reply"
          onSubmit={reply}
          offerWithoutName={anonymous.allowed()}
          onCancel={() => {
            setReplying(false);
            focusSoon(threadButtonId(first().id, 'reply'));
          }}
        />
      </Show>
    </li>
  );
}
