/**
 * The transaction origin of every change this person makes on the board. The board's
 * Y.UndoManager tracks only this origin, so Undo takes back your own changes and never a
 * peer's. Wrap each local edit as `doc.transact(fn, localOrigin)` (or use `editLocally`).
 */
import type * as Y from 'yjs';

/** Identity object: compared by reference, never sent over the wire. */
export const localOrigin: object = Object.freeze({ name: 'common-ground-local-edit' });

/** Runs `change` as one local, undoable transaction. */
export function editLocally(doc: Y.Doc, change: () => void): void {
  doc.transact(change, localOrigin);
}
