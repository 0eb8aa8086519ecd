/**
 * Undo steps on comments this person should not take back. Undoing "add a comment" removes it;
 * the server allows that (it is the author's), but when other people have replied to it their
 * replies would vanish with it, without a word. So such a step is dropped with a reason instead,
 * as a card others have spoken about is (undo-limits.ts); deleting the comment, which asks for
 * nothing but offers "Undo delete", stays possible. Every other comment step the page records is
 * one the server accepts when undone: see comment-actions.ts for the one that is not recorded.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';

/** Plain words for why the step stays, or null when it may be taken back. */
export function repliedToByOthers(doc: Y.Doc, step: Y.UndoManager['undoStack'][number], me: string): string | null {
  const { comments } = boardTypes(doc);
  const removed = new Set<string>();
  for (const [id, comment] of comments) {
    const item = comment instanceof Y.Map ? comment._item : null;
    if (item !== null && Y.isDeleted(step.insertions, item.id)) removed.add(id);
  }
  if (removed.size === 0) return null;
  for (const comment of comments.values()) {
    if (!(comment instanceof Y.Map)) continue;
    const parentId = comment.get('parentId');
    if (typeof parentId === 'string' && removed.has(parentId) && comment.get('authorId') !== me) {
      return 'Your comment stays: other people have replied to it. You can delete it instead.';
    }
  }
  return null;
}
