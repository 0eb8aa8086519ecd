/**
 * Writing comments into the board document as its schema says (docs/board-document.md), each as
 * one transaction with the caller's origin. The server's guard allows exactly these to a person
 * with `comment` access or more: a new comment in their own name, a change to the body of their
 * own (with `editedAt`), removing their own, marking their own thread sorted (a facilitator any
 * thread) in their own name, and opening any thread again. The page offers nothing else.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { applyTextChange } from '../text-diff.ts';
import { randomId } from '../random-id.ts';
import type { CommentTarget } from '../../../../shared/comment-read.ts';

/**
 * The origin of opening again a thread someone else marked sorted. Not an Undo step: undoing it
 * would mark the thread sorted in that person's name, which the server refuses.
 */
export const reopenOnlyOrigin: object = Object.freeze({ name: 'common-ground-reopen-not-undoable' });

export interface NewComment {
  target: CommentTarget;
  /** The thread's first comment, for a reply; null for a new thread. */
  parentId: string | null;
  authorId: string;
  body: string;
  createdAt: number;
}

/** Makes a comment map ready to set into `comments` under its id. */
export function newCommentMap(id: string, init: NewComment): Y.Map<unknown> {
  const comment = new Y.Map<unknown>();
  comment.set('id', id);
  comment.set('target', { type: init.target.type, id: init.target.id });
  comment.set('parentId', init.parentId);
  comment.set('authorId', init.authorId);
  comment.set('body', new Y.Text(init.body));
  comment.set('createdAt', init.createdAt);
  comment.set('editedAt', null);
  comment.set('resolvedAt', null);
  comment.set('resolvedBy', null);
  return comment;
}

/** Adds a comment; returns its id. */
export function postComment(doc: Y.Doc, init: NewComment, origin: unknown): string {
  const id = randomId();
  doc.transact(() => boardTypes(doc).comments.set(id, newCommentMap(id, init)), origin);
  return id;
}

const commentMap = (doc: Y.Doc, id: string): Y.Map<unknown> | null => {
  const comment = boardTypes(doc).comments.get(id);
  return comment instanceof Y.Map ? comment : null;
};

/** The comment's body as it is now ('' when it has none). */
export function commentBody(doc: Y.Doc, id: string): string {
  const body = commentMap(doc, id)?.get('body');
  return body instanceof Y.Text ? body.toString() : '';
}

/**
 * Changes the body of one's own comment to `body` (the smallest change, so nothing else is
 * rewritten) and marks it edited. Returns false when there was nothing to change.
 */
export function editComment(doc: Y.Doc, id: string, body: string, now: number, origin: unknown): boolean {
  const comment = commentMap(doc, id);
  const text = comment?.get('body');
  if (comment === null || !(text instanceof Y.Text) || text.toString() === body) return false;
  doc.transact(() => {
    applyTextChange(text, text.toString(), body);
    comment.set('editedAt', now);
  }, origin);
  return true;
}

/** Removes one's own comment. Its replies stay in the document (hidden while it is gone), so Undo brings the thread back whole. */
export function deleteComment(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => boardTypes(doc).comments.delete(id), origin);
}

/** Marks a thread sorted by `me` (its first comment carries the state). */
export function resolveThread(doc: Y.Doc, id: string, me: string, now: number, origin: unknown): void {
  const comment = commentMap(doc, id);
  if (comment === null) return;
  doc.transact(() => {
    comment.set('resolvedAt', now);
    comment.set('resolvedBy', me);
  }, origin);
}

/** Opens a sorted thread again. */
export function reopenThread(doc: Y.Doc, id: string, origin: unknown): void {
  const comment = commentMap(doc, id);
  if (comment === null) return;
  doc.transact(() => {
    comment.set('resolvedAt', null);
    comment.set('resolvedBy', null);
  }, origin);
}

/**
 * The origin to open a thread again with: the person's own Undo step when undoing it would mark
 * it sorted in their own name again (they sorted it), otherwise {@link reopenOnlyOrigin}.
 */
export function reopenOrigin(doc: Y.Doc, id: string, me: string, undoable: unknown): unknown {
  return commentMap(doc, id)?.get('resolvedBy') === me ? undoable : reopenOnlyOrigin;
}
