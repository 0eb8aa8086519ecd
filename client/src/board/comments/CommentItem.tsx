/**
 * One comment in a thread: who wrote it (first name, never a role), when, "edited" once changed,
 * and its words with safe links. Its author — only its author, as the server allows — sees "Edit"
 * (the words in a box, saved as one change marked edited) and "Delete" (with "Undo delete"; when
 * other people have replied to it, it asks first, since their replies go with it). A comment the
 * server has written in ("Me too", hidden) cannot be brought back by the page once deleted
 * (comment-undo-limit.ts), so deleting it asks first and says so. Under it: "Me too" for
 * anyone else who may comment (MeTooButton.tsx), and for facilitators "Hide this comment"
 * (HideCommentForm.tsx); a hidden comment shows the reason in place of its words
 * (HiddenComment.tsx) and offers its author no Edit.
 */
import { createEffect, createSignal, Show, untrack } from 'solid-js';
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { focusSoon, useBoard } from '../board-context.ts';
import { deleteWithUndo } from '../delete-with-undo.ts';
import { localOrigin } from '../local-origin.ts';
import { ConfirmStep } from '../members/ConfirmStep.tsx';
import { timeAgo } from '../recently-deleted/time-words.ts';
import { createTextField } from '../y-text-signal.ts';
import { deleteComment, editComment } from './comment-actions.ts';
import { serverHasWritten } from './comment-undo-limit.ts';
import type { CommentInfo } from '../../../../shared/comment-read.ts';
import { authorWords, whoseComment } from './comment-words.ts';
import { CommentBody } from './CommentBody.tsx';
import { CommentForm } from './CommentForm.tsx';
import { useComments } from './comments-context.ts';
import { useAnonymous } from './anonymous-context.ts';
import { changeWithoutName, deleteWithoutName, deleteWithoutNameDetail } from './anonymous-item-actions.ts';
import { HiddenComment } from './HiddenComment.tsx';
import { HideCommentForm } from './HideCommentForm.tsx';
import { MeTooButton } from './MeTooButton.tsx';

export interface CommentItemProps {
  comment: CommentInfo;
  /** A reply (shown set in under the thread's first comment). */
  reply: boolean;
  /** How many replies by other people go with it when it is deleted (a thread's first comment). */
  othersReplies: number;
  /** Where focus goes once it is deleted (it is gone from the page). */
  afterDelete: () => void;
}

/** The id of a comment's element (focus comes back to it after "Undo delete"). */
export const commentElementId = (commentId: string): string => `comment-${commentId}`;
const editButtonId = (commentId: string) => `comment-${commentId}-edit`;
const deleteButtonId = (commentId: string) => `comment-${commentId}-delete`;

/** Deleting a comment the server has written in: not an Undo step (it could not be undone). */
const notUndoable: object = Object.freeze({ name: 'common-ground-comment-delete-for-good' });

/** What deleting one's comment takes with it, and whether it can be undone. */
function deleteDetail(othersReplies: number, lasting: boolean): string {
  const replies = othersReplies === 0 ? '' : `The ${othersReplies === 1 ? 'reply' : `${othersReplies} replies`} to it will go with it. `;
  return lasting ? `${replies}Other people have said “Me too” to it, so you cannot undo this.` : `${replies}You can undo this straight after.`;
}

export function CommentItem(props: CommentItemProps) {
  const board = useBoard();
  const comments = useComments();
  const map = boardTypes(board.doc).comments.get(props.comment.id);
  // Read when asked: the server may write in it at any time.
  const lasting = () => map instanceof Y.Map && serverHasWritten(map);
  const body = map instanceof Y.Map ? createTextField(map, 'body') : () => '';
  const [editing, setEditing] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const anonymous = useAnonymous();
  // Written by this person without their name: only they are told, and they change it through the API.
  const mineWithoutName = () => props.comment.authorId === null && anonymous.isMine(props.comment.id);
  const mine = () => (props.comment.authorId === board.userId || mineWithoutName()) && board.canComment();
  const author = () => (mineWithoutName() ? 'You wrote this without your name' : authorWords(board.names.who, props.comment.authorId));
  // Hidden by a facilitator (issue 13): the reason stands in its place, and its words cannot be changed.
  const hidden = () => props.comment.hidden;
  createEffect(() => {
    if (hidden() !== null && untrack(editing)) {
      setEditing(false);
      board.announcer.say('A facilitator has hidden your comment, so it cannot be changed now.');
    }
  });

  const save = (text: string) => {
    setEditing(false);
    focusSoon(editButtonId(props.comment.id));
    if (mineWithoutName()) return void changeWithoutName(anonymous, board.announcer, props.comment.id, text);
    if (board.undo.step(() => editComment(board.doc, props.comment.id, text, Date.now(), localOrigin))) board.announcer.say('Your comment is changed.');
  };
  const remove = () => {
    setConfirming(false);
    const id = props.comment.id;
    const others = props.othersReplies;
    const message = others === 0 ? 'Your comment deleted.' : `Your comment deleted, with the ${others === 1 ? 'reply' : `${others} replies`} to it.`;
    if (mineWithoutName()) {
      void deleteWithoutName(anonymous, board.announcer, id).then((done) => done && props.afterDelete());
      return;
    }
    if (lasting()) {
      board.undo.step(() => deleteComment(board.doc, id, notUndoable));
      board.announcer.say(message);
    } else deleteWithUndo(board, () => deleteComment(board.doc, id, localOrigin), message, () => focusSoon(commentElementId(id)));
    props.afterDelete();
  };

  return (
    <li class="comment" classList={{ 'comment--reply': props.reply }} id={commentElementId(props.comment.id)} tabIndex={-1}>
      <p class="comment__meta">
        <span class="comment__author">{author()}</span>
        {props.reply ? ' replied · ' : ' · '}
        <time datetime={new Date(props.comment.createdAt).toISOString()}>{timeAgo(props.comment.createdAt, comments.now())}</time>
        <Show when={props.comment.editedAt !== null}>
          <span class="comment__edited"> · edited</span>
        </Show>
        <Show when={comments.isNew(props.comment.id)}>
          <span class="comment__new"> · New</span>
        </Show>
      </p>
      <Show
        when={editing()}
        fallback={
          <Show
            when={hidden()}
            fallback={
              <p class="comment__body">
                <CommentBody text={body()} />
              </p>
            }
          >
            {(shown) => <HiddenComment commentId={props.comment.id} reason={shown().reason} whose={whoseComment(board.names.who, props.comment.authorId)} />}
          </Show>
        }
      >
        <CommentForm
          label="Change your comment"
          submitLabel="Save changes"
          initial={body()}
          onSubmit={save}
          onCancel={() => {
            setEditing(false);
            focusSoon(editButtonId(props.comment.id));
          }}
        />
      </Show>
      <Show when={mine() && !editing()}>
        <Show
          when={confirming()}
          fallback={
            <div class="comment__actions">
              <Show when={hidden() === null}>
                <button type="button" class="link-button" id={editButtonId(props.comment.id)} onClick={() => setEditing(true)}>
                  Edit<span class="visually-hidden"> your comment</span>
                </button>
              </Show>
              <button
                type="button"
                class="link-button comment__delete"
                id={deleteButtonId(props.comment.id)}
                onClick={() => (props.othersReplies > 0 || lasting() || mineWithoutName() ? setConfirming(true) : remove())}
              >
                Delete<span class="visually-hidden"> your comment</span>
              </button>
            </div>
          }
        >
          <ConfirmStep
            id={`delete-comment-${props.comment.id}`}
            question="Delete your comment?"
            detail={mineWithoutName() ? deleteWithoutNameDetail(props.othersReplies) : deleteDetail(props.othersReplies, lasting())}
            yesLabel="Yes, delete it"
            noLabel="No, keep it"
            onYes={async () => remove()}
            onNo={() => {
              setConfirming(false);
              focusSoon(deleteButtonId(props.comment.id));
            }}
          />
        </Show>
      </Show>
      <Show when={!editing()}>
        <MeTooButton comment={props.comment} />
      </Show>
      <Show when={board.canFacilitate() && !mine() && hidden() === null}>
        <HideCommentForm commentId={props.comment.id} whose={whoseComment(board.names.who, props.comment.authorId)} />
      </Show>
    </li>
  );
}
