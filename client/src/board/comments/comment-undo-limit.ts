/**
 * Undo steps on comments this person should not take back. Undoing "add a comment" removes it;
 * the server allows that (it is the author's), but when other people have replied to it their
 * replies would vanish with it without a word, and their "Me too"s would go too. And a comment
 * the server has written in ("Me too", hidden: fields no page may write, docs/board-document.md)
 * cannot be brought back by the page once deleted: Yjs would write those fields again, and the
 * server refuses that. Such steps are dropped with a reason instead, as a card others have spoken
 * about is (undo-limits.ts). Every other comment step the page records is one the server accepts
 * when undone: see comment-actions.ts for the one that is not recorded.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';

/** Fields of a comment only the server writes. */
const serverFields = ['meToo', 'hidden'] as const;

/** Whether the server has written in the comment (even a field since set back to null or 0). */
export const serverHasWritten = (comment: Y.Map<unknown>): boolean => serverFields.some((key) => comment._map.has(key));

/** Plain words for why the step stays, or null when it may be taken back. */
export function commentStepKept(doc: Y.Doc, step: Y.UndoManager['undoStack'][number], me: string): string | null {
  const { comments } = boardTypes(doc);
  const removed = new Set<string>();
  for (const [id, item] of comments._map) {
    const comment = item.content instanceof Y.ContentType && item.content.type instanceof Y.Map ? item.content.type : null;
    if (comment === null) continue;
    // Undoing the step re-creates what it deleted.
    if (item.deleted && Y.isDeleted(step.deletions, item.id) && serverHasWritten(comment)) {
      return 'That comment cannot be brought back: other people had said “Me too” to it, or it was hidden.';
    }
    // And removes what it added.
    if (!item.deleted && Y.isDeleted(step.insertions, item.id)) {
      if (serverHasWritten(comment)) return 'Your comment stays: other people have said “Me too” to it. You can delete it instead.';
      removed.add(id);
    }
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
