/**
 * What a page forgets when a story is withdrawn (issue 17), whoever withdrew it: the server empties
 * the card's `story` and sets `touchpoints.<id>.withdrawnAt` in one change, and every open page
 * sees that field change. Two things on this page could still hold the words:
 *
 * - the person's Undo and Redo. Yjs keeps what an Undo step deleted so Undo can put it back; if
 *   this person had deleted part of the story earlier, Undo would write those words into the card
 *   again (and the guard would accept it from an edit member). So the whole history goes, and the
 *   person is told in plain words if there was anything in it. The content the steps kept is then
 *   released from memory too: Yjs frees deleted content only when a change deletes it, and these
 *   words were deleted long before, so it is freed here (`Y.tryGc` over everything deleted).
 * - this device's copy of the board (y-indexeddb), which stores past changes — among them the one
 *   that wrote the words — until it compacts itself. It is rewritten from the document as it is now.
 *
 * One place for everyone, the storyteller who withdrew included (card-consent.tsx only adds the
 * note to what it says, through `withUndoNote`).
 */
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import type { BoardUndo } from '../board-undo.ts';

/** Said when a withdrawal took away steps this person could have undone or redone. */
export const undoClearedWords = 'Your Undo history was cleared because a story was withdrawn.';

export interface ForgetWithdrawnOptions {
  /** Rewrites this device's copy of the board from the document as it is now (connection.ts). */
  rewriteLocalCopy: () => Promise<void>;
  /** Says words in the board's live region. */
  say: (words: string) => void;
}

/** Cards whose withdrawal cleared steps on a document, until the withdrawer's page says so (withUndoNote). */
const clearedFor = new WeakMap<Y.Doc, Set<string>>();

/**
 * Watches `doc` for withdrawn stories for as long as it lives. Returns a function that stops it.
 * Works on cards in "Recently deleted" too: they stay in `touchpoints`.
 */
export function forgetWithdrawnStories(doc: Y.Doc, undo: BoardUndo, options: ForgetWithdrawnOptions): () => void {
  const { touchpoints } = boardTypes(doc);
  const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    const withdrawn = events
      .filter((event) => event.target.parent === touchpoints && event instanceof Y.YMapEvent && event.keysChanged.has('withdrawnAt'))
      .map((event) => (event.target as Y.Map<unknown>).get('id'))
      .filter((id): id is string => typeof id === 'string');
    if (withdrawn.length === 0) return;
    // After this change is done (and its own deleted content freed), not inside its observers.
    queueMicrotask(() => forget(withdrawn));
  };
  const forget = (withdrawn: string[]) => {
    const hadSteps = undo.manager.canUndo() || undo.manager.canRedo();
    undo.manager.clear();
    freeDeletedContent(doc);
    if (hadSteps) {
      let cards = clearedFor.get(doc);
      if (cards === undefined) clearedFor.set(doc, (cards = new Set()));
      for (const id of withdrawn) cards.add(id);
      options.say(undoClearedWords);
    }
    options.rewriteLocalCopy().catch((reason: unknown) => console.warn('This device\'s copy of the board could not be rewritten.', reason));
  };
  touchpoints.observeDeep(onChange);
  return () => touchpoints.unobserveDeep(onChange);
}

/**
 * Frees the content of everything deleted that nothing keeps any more — what Yjs does at the end
 * of each change for what that change deleted. Without it, words an Undo step had kept stay in
 * memory, and in every copy of the whole document made from it (this device's copy included).
 */
export function freeDeletedContent(doc: Y.Doc): void {
  Y.tryGc(Y.createDeleteSetFromStructStore(doc.store), doc.store, doc.gcFilter);
}

/** `words`, with the note that Undo was cleared when this card's withdrawal cleared it here (said once). */
export function withUndoNote(doc: Y.Doc, touchpointId: string, words: string): string {
  const cards = clearedFor.get(doc);
  if (cards === undefined || !cards.delete(touchpointId)) return words;
  return `${words} ${undoClearedWords}`;
}
