/**
 * The comments about one thing in the outline (issue 17): every conversation as plain text —
 * the author's first name ("Someone on this board" for one posted without a name), the words,
 * the replies in a list under the comment they answer, "(sorted)" after a sorted one, a hidden
 * one by its reason — followed live from the board's comments (board-comments.ts). For people who
 * may comment, "Add a comment" opens the card's own comment box (CommentForm) and posts as the
 * card does, in their name or, where the facilitator allows it, without; focus comes back to the
 * button afterwards.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import type { CommentInfo, CommentTarget } from '../../../../shared/comment-read.ts';
import { focusSoon, useBoard } from '../board-context.ts';
import { postComment } from '../comments/comment-actions.ts';
import { authorWords, hiddenWords } from '../comments/comment-words.ts';
import { CommentBody } from '../comments/CommentBody.tsx';
import { CommentForm } from '../comments/CommentForm.tsx';
import { useComments } from '../comments/comments-context.ts';
import { useAnonymous } from '../comments/anonymous-context.ts';
import { PendingThreads } from '../comments/PendingComments.tsx';
import { localOrigin } from '../local-origin.ts';
import { createTextField } from '../y-text-signal.ts';
import { outlineWords } from './outline-words.ts';

export interface OutlineCommentsProps {
  target: CommentTarget;
  /** What they are about, for the button's hidden words: "“Waiting”", "the stage “Arriving”". */
  about: string;
  /** The list's label: "Comments", "Comments on this stage". */
  label: string;
  /** Say "No comments yet." when there are none (on a card; a stage says nothing). */
  sayWhenNone: boolean;
}

/** One comment's line: who, then the words (a hidden one's reason instead). */
function OutlineComment(props: { comment: CommentInfo }) {
  const board = useBoard();
  const map = boardTypes(board.doc).comments.get(props.comment.id);
  const body = map instanceof Y.Map ? createTextField(map, 'body') : () => '';
  return (
    <p class="outline__comment">
      <span class="outline__label">{authorWords(board.names.who, props.comment.authorId)}:</span>{' '}
      <Show when={props.comment.hidden} fallback={<CommentBody text={body().trim()} />}>
        {(hidden) => hiddenWords(hidden().reason)}
      </Show>
    </p>
  );
}

export function OutlineComments(props: OutlineCommentsProps) {
  const board = useBoard();
  const comments = useComments();
  const anonymous = useAnonymous();
  const id = createUniqueId();
  const addId = `${id}-add`;
  const [adding, setAdding] = createSignal(false);
  const threads = () => comments.threadsOn(props.target);

  const post = (body: string, withoutName: boolean) => {
    setAdding(false);
    if (withoutName) {
      // The server writes it (anonymous-comments.ts): shown below as on its way until it comes through.
      anonymous.post({ target: props.target, parentId: null, body });
      board.announcer.say('Your comment is being sent, without your name.');
    } else {
      board.undo.step(() => postComment(board.doc, { target: props.target, parentId: null, authorId: board.userId, body, createdAt: Date.now() }, localOrigin));
      board.announcer.say('Your comment is added.');
    }
    focusSoon(addId);
  };
  const cancel = () => {
    setAdding(false);
    focusSoon(addId);
  };

  return (
    <div class="outline__comments">
      <Show
        when={threads().length > 0}
        fallback={
          <Show when={props.sayWhenNone}>
            <p>
              <span class="outline__label">{props.label}:</span> {outlineWords.noComments}
            </p>
          </Show>
        }
      >
        <p class="outline__label" id={`${id}-label`}>
          {props.label}:
        </p>
        <ul class="outline__threads" aria-labelledby={`${id}-label`}>
          <For each={threads()}>
            {(thread) => (
              <li>
                <OutlineComment comment={thread.first} />
                <Show when={thread.first.resolvedAt !== null}>
                  <p class="outline__sorted">{outlineWords.sorted}</p>
                </Show>
                <Show when={thread.replies.length > 0}>
                  <ul class="outline__replies" aria-label={`Replies to ${authorWords(board.names.who, thread.first.authorId)}`}>
                    <For each={thread.replies}>
                      {(reply) => (
                        <li>
                          <OutlineComment comment={reply} />
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={board.canComment()}>
        <PendingThreads target={props.target} about={props.about} />
        <Show
          when={adding()}
          fallback={
            <button type="button" class="button button--secondary button--small" id={addId} onClick={() => setAdding(true)}>
              Add a comment<span class="visually-hidden"> on {props.about}</span>
            </button>
          }
        >
          <CommentForm label="Your comment" submitLabel="Post comment" onSubmit={post} onCancel={cancel} offerWithoutName={anonymous.allowed()} />
        </Show>
      </Show>
    </div>
  );
}
