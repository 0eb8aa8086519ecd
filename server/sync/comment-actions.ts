/**
 * Changes to comments that the server writes into a board's document itself, because the writer
 * must not be knowable from the document (docs/board-document.md, "Comments the server writes"):
 *
 * - a comment **without a name** (`authorId` null): written with the server's own Yjs client id,
 *   so nothing in the document — not even the client id of its items — links it to its author;
 *   only {@link CommentRecords} knows who wrote it, so its author can still edit or delete it;
 * - **"Me too"**: who said it is kept by the server; the document holds only the count (`meToo`);
 * - **hiding** (a facilitator's moderation): the words leave the document (kept by the server to
 *   show again), `hidden: {reason, at}` says why in their place.
 *
 * Transport-free: the board's host runs these one at a time against its room, on Node and in the
 * board's Durable Object alike; routes reach it through the BoardControl port.
 */
import * as Y from 'yjs';
import { canComment, canFacilitate } from '../../shared/access.ts';
import { boardTypes } from '../../shared/board-document.ts';
import { methodTypes } from '../../shared/method.ts';
import type { CommentAction, CommentActionResult, CommentActor, NewComment } from '../ports/comment-action.ts';
import type { CommentRecords } from '../ports/comment-records.ts';

export type { CommentAction, CommentActionResult, CommentActor, MyComments, NewComment } from '../ports/comment-action.ts';

/** How the host lets an action write: one transaction by the server on the person's behalf, resolved once durable. */
export type ServerWriter = (change: (doc: Y.Doc) => void) => Promise<void>;

const notFound = (message = 'That comment is not on this board any more.'): CommentActionResult => ({ ok: false, code: 'not_found', message });
const forbidden = (message: string): CommentActionResult => ({ ok: false, code: 'forbidden', message });

/** Runs one action against the room's document; never throws for a person's mistake, only for failures. */
export async function runCommentAction(
  doc: Y.Doc,
  write: ServerWriter,
  records: CommentRecords,
  actor: CommentActor,
  action: CommentAction,
  now: number,
): Promise<CommentActionResult> {
  if (action.kind === 'mine') {
    return { ok: true, mine: { anonymous: await records.anonymousCommentsOf(actor.userId), meToo: await records.meTooOf(actor.userId) } };
  }
  if (!canComment(actor.access)) return forbidden('You can look at this board but not comment on it.');
  const { comments, meta } = boardTypes(doc);

  if (action.kind === 'post') {
    const wanted = action.comment;
    if (wanted.anonymous && meta.get('anonymousComments') !== true) {
      return forbidden('The facilitator has not turned on comments without a name for this board.');
    }
    if (comments.has(wanted.id)) {
      // Sent again (the answer was lost on a slow link): the same person's same comment is fine.
      const known = wanted.anonymous ? (await records.anonymousAuthor(wanted.id)) === actor.userId : comments.get(wanted.id)!.get('authorId') === actor.userId;
      return known ? { ok: true } : { ok: false, code: 'conflict', message: 'A comment with that id is already on this board.' };
    }
    const problem = placeProblem(doc, wanted);
    if (problem !== null) return notFound(problem);
    if (wanted.anonymous) await records.addAnonymousAuthor(wanted.id, actor.userId);
    await write(() => {
      const comment = new Y.Map<unknown>();
      comment.set('id', wanted.id);
      comment.set('target', { type: wanted.target.type, id: wanted.target.id });
      comment.set('parentId', wanted.parentId);
      comment.set('authorId', wanted.anonymous ? null : actor.userId);
      comment.set('body', new Y.Text(wanted.body));
      comment.set('createdAt', now);
      comment.set('editedAt', null);
      comment.set('resolvedAt', null);
      comment.set('resolvedBy', null);
      comments.set(wanted.id, comment);
    });
    return { ok: true };
  }

  const comment = comments.get(action.commentId);
  if (!(comment instanceof Y.Map)) return notFound();
  const authorId = comment.get('authorId');
  const isAuthor = authorId === actor.userId || (authorId === null && (await records.anonymousAuthor(action.commentId)) === actor.userId);
  const hidden = comment.get('hidden') != null;

  switch (action.kind) {
    case 'edit': {
      if (!isAuthor) return forbidden('Only the person who wrote a comment can change it.');
      if (hidden) return forbidden('A facilitator has hidden this comment, so it cannot be changed.');
      await write(() => {
        const body = comment.get('body');
        if (!(body instanceof Y.Text)) comment.set('body', new Y.Text(action.body));
        else {
          body.delete(0, body.length);
          body.insert(0, action.body);
        }
        comment.set('editedAt', now);
      });
      return { ok: true };
    }
    case 'resolve': {
      if (action.resolved && !isAuthor && !canFacilitate(actor.access)) return forbidden('Only the person who started this conversation or a facilitator can mark it as sorted.');
      if (comment.get('parentId') !== null) return forbidden('Only a whole conversation can be marked as sorted, not a reply.');
      await write(() => {
        comment.set('resolvedAt', action.resolved ? now : null);
        // Who sorted it is named only when it is not the anonymous author themself.
        comment.set('resolvedBy', action.resolved && !(authorId === null && isAuthor) ? actor.userId : null);
      });
      return { ok: true };
    }
    case 'delete': {
      if (!isAuthor) return forbidden('Only the person who wrote a comment can delete it.');
      await write(() => comments.delete(action.commentId));
      await records.keepOnly(new Set(comments.keys()));
      return { ok: true };
    }
    case 'me-too': {
      if (isAuthor) return forbidden('This is your own comment.');
      const count = await records.setMeToo(action.commentId, actor.userId, action.on);
      if (comment.get('meToo') !== count) await write(() => comment.set('meToo', count));
      return { ok: true, meToo: count };
    }
    case 'hide': {
      if (!canFacilitate(actor.access)) return forbidden('Only a facilitator can hide a comment.');
      const body = comment.get('body');
      if (!hidden) await records.keepHiddenBody(action.commentId, body instanceof Y.Text ? body.toString() : '');
      await write(() => {
        if (body instanceof Y.Text) body.delete(0, body.length);
        comment.set('hidden', { reason: action.reason, at: now });
      });
      return { ok: true };
    }
    case 'show': {
      if (!canFacilitate(actor.access)) return forbidden('Only a facilitator can show a hidden comment again.');
      if (!hidden) return { ok: true };
      const words = (await records.hiddenBody(action.commentId)) ?? '';
      await write(() => {
        const body = comment.get('body');
        if (body instanceof Y.Text) body.insert(0, words);
        else comment.set('body', new Y.Text(words));
        comment.set('hidden', null);
      });
      await records.forgetHiddenBody(action.commentId);
      return { ok: true };
    }
  }
}

/** Why a new comment cannot go where it asks (its target or its thread is not there), or null. */
function placeProblem(doc: Y.Doc, comment: NewComment): string | null {
  const { stages, touchpoints, comments } = boardTypes(doc);
  const { target } = comment;
  if (target.type === 'stage' && !stages.toArray().some((stage) => stage instanceof Y.Map && stage.get('id') === target.id)) return 'That stage is not on this board any more.';
  if (target.type === 'touchpoint' && !(touchpoints.get(target.id) instanceof Y.Map)) return 'That card is not on this board any more.';
  if (target.type === 'priority' || target.type === 'action' || target.type === 'idea') {
    const { priorities, actions, ideas } = methodTypes(doc);
    const records = target.type === 'priority' ? priorities : target.type === 'action' ? actions : ideas;
    if (!(records.get(target.id) instanceof Y.Map)) return `That ${target.type === 'priority' ? 'priority area' : target.type} is not on this board any more.`;
  }
  if (comment.parentId !== null) {
    const parent = comments.get(comment.parentId);
    if (!(parent instanceof Y.Map)) return 'The comment you are replying to is not on this board any more.';
    const parentTarget = parent.get('target') as { type?: unknown; id?: unknown } | undefined;
    // One level of replies, in the thread's own place.
    if (parent.get('parentId') !== null || parentTarget?.type !== target.type || parentTarget?.id !== target.id) return 'The comment you are replying to is not on this board any more.';
  }
  return null;
}
