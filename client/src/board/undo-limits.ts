/**
 * Undo steps this person may no longer take back. Undoing "Add touchpoint" removes the card for
 * good, and the server refuses that from someone who does not organise the board once other people
 * have given it a feeling, dots or a comment (their words would go with it; server/sync/guard).
 * An honest page never sends what the server refuses, so the page checks first and says why.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../../shared/board-document.ts';
import { othersHaveSaid } from '../../../shared/others-have-said.ts';

/**
 * The title of a touchpoint that undoing `step` would remove for good although others have said
 * something on it, or null when the step may be taken back. Organisers may take back anything.
 */
export function keptByOthers(doc: Y.Doc, step: Y.UndoManager['undoStack'][number], me: string, organises: boolean): string | null {
  if (organises) return null;
  for (const [id, touchpoint] of boardTypes(doc).touchpoints) {
    const item = touchpoint instanceof Y.Map ? touchpoint._item : null;
    if (item === null || !Y.isDeleted(step.insertions, item.id)) continue;
    if (othersHaveSaid(doc, id, me)) {
      const title = touchpoint.get('title');
      return title instanceof Y.Text ? title.toString() : '';
    }
  }
  return null;
}
